namespace Augment.Imaging;

/// <summary>How pixels outside an image are made up when it is padded (torchvision's <c>padding_mode</c>).</summary>
public enum PaddingMode
{
    /// <summary>A constant fill value.</summary>
    Constant,

    /// <summary>The nearest edge pixel is repeated: <c>a a | a b c d | d d</c>.</summary>
    Edge,

    /// <summary>Mirrored without repeating the edge pixel: <c>c b | a b c d | c b</c>.</summary>
    Reflect,

    /// <summary>Mirrored repeating the edge pixel: <c>b a | a b c d | d c</c>.</summary>
    Symmetric,
}
