namespace Augment.Kernels.Geometry;

/// <summary>Which mirrorings a crop kernel applies to its output window.</summary>
[Flags]
public enum FlipMode
{
    /// <summary>No mirroring.</summary>
    None = 0,

    /// <summary>Mirror left-right (torchvision's <c>hflip</c>).</summary>
    Horizontal = 1,

    /// <summary>Mirror top-bottom (torchvision's <c>vflip</c>).</summary>
    Vertical = 2,
}
