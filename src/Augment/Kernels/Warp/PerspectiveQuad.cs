namespace Augment.Kernels.Warp;

/// <summary>
/// Four corners of a quadrilateral in pixel coordinates, in torchvision's order (top-left, top-right,
/// bottom-right, bottom-left): the start or end points of a perspective warp.
/// </summary>
/// <param name="TopLeft">The top-left corner (x, y).</param>
/// <param name="TopRight">The top-right corner (x, y).</param>
/// <param name="BottomRight">The bottom-right corner (x, y).</param>
/// <param name="BottomLeft">The bottom-left corner (x, y).</param>
public readonly record struct PerspectiveQuad((int X, int Y) TopLeft, (int X, int Y) TopRight, (int X, int Y) BottomRight, (int X, int Y) BottomLeft)
{
    /// <summary>The corners of a whole image: (0, 0), (W - 1, 0), (W - 1, H - 1), (0, H - 1), as torchvision's <c>RandomPerspective</c> starts from.</summary>
    /// <param name="width">The image width, positive.</param>
    /// <param name="height">The image height, positive.</param>
    /// <returns>The quadrilateral.</returns>
    public static PerspectiveQuad Image(int width, int height) => new((0, 0), (width - 1, 0), (width - 1, height - 1), (0, height - 1));

    /// <summary>Corner <paramref name="index"/> in torchvision's order.</summary>
    /// <param name="index">0 to 3.</param>
    /// <returns>The corner.</returns>
    public (int X, int Y) this[int index] => index switch
    {
        0 => TopLeft,
        1 => TopRight,
        2 => BottomRight,
        3 => BottomLeft,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "A quadrilateral has corners 0 to 3."),
    };
}
