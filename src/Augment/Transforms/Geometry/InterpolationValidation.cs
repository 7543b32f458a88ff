using Augment.Imaging;

namespace Augment.Transforms.Geometry;

/// <summary>Validation of <see cref="Interpolation"/> arguments.</summary>
internal static class InterpolationValidation
{
    /// <summary>Returns <paramref name="interpolation"/> if it is a defined value; throws otherwise.</summary>
    public static Interpolation Validate(Interpolation interpolation, string paramName) =>
        Enum.IsDefined(interpolation)
            ? interpolation
            : throw new ArgumentOutOfRangeException(paramName, interpolation, $"Unknown interpolation {(int)interpolation}.");
}
