namespace Augment.Transforms.Geometry;

/// <summary>The box drawn by <see cref="RandomResizedCrop"/>, in source pixels.</summary>
/// <param name="Top">The box's first row.</param>
/// <param name="Left">The box's first column.</param>
/// <param name="Height">The box's height.</param>
/// <param name="Width">The box's width.</param>
public readonly record struct RandomResizedCropParams(int Top, int Left, int Height, int Width);
