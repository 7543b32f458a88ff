using Augment.Imaging;
using Augment.Transforms.Geometry;

namespace Augment.Tta;

/// <summary>
/// A recipe of test-time views: turns one image into <see cref="Count"/> views of one size
/// (<see cref="ViewSize"/>), written straight into consecutive slots of a batch by a <see cref="TestTimeCollator"/>.
/// </summary>
/// <remarks>
/// Ready-made recipes: <see cref="FiveCrop"/>, <see cref="TenCrop"/> and <see cref="MultiScaleViews"/>. Derive from
/// this class for others. Implementations are immutable and can be shared by threads.
/// </remarks>
public abstract class TestTimeViews
{
    /// <summary>The number of views per image, V.</summary>
    public abstract int Count { get; }

    /// <summary>The spatial size of every view.</summary>
    public abstract ImageSize ViewSize { get; }

    /// <summary>
    /// Writes the views of <paramref name="image"/>, stacked as a dense (V, C, h, w) block, into
    /// <paramref name="destination"/>. Reads <paramref name="image"/> without modifying or disposing it.
    /// </summary>
    /// <param name="image">The image.</param>
    /// <param name="destination">At least <c>V * C * h * w</c> elements, e.g. V consecutive batch slots.</param>
    public abstract void Write(ImageTensor image, Span<float> destination);

    /// <summary>torchvision's <c>FiveCrop</c>: the four corner crops and the centre crop.</summary>
    /// <param name="height">The crop height.</param>
    /// <param name="width">The crop width.</param>
    /// <returns>The recipe.</returns>
    public static TestTimeViews FiveCrop(int height, int width) => new CropViews(new Transforms.Geometry.FiveCrop(height, width));

    /// <summary>torchvision's <c>TenCrop</c>: the five crops of the image and of its mirror.</summary>
    /// <param name="height">The crop height.</param>
    /// <param name="width">The crop width.</param>
    /// <param name="vertical">Whether the mirror is top-bottom rather than left-right.</param>
    /// <returns>The recipe.</returns>
    public static TestTimeViews TenCrop(int height, int width, bool vertical = false) =>
        new CropViews(new Transforms.Geometry.TenCrop(height, width, vertical));

    /// <summary>The crop-based recipes, over the geometry transforms' dense writers.</summary>
    private sealed class CropViews : TestTimeViews
    {
        private readonly Transforms.Geometry.FiveCrop? _five;
        private readonly Transforms.Geometry.TenCrop? _ten;

        public CropViews(Transforms.Geometry.FiveCrop five)
        {
            _five = five;
            ViewSize = new ImageSize(five.Height, five.Width);
        }

        public CropViews(Transforms.Geometry.TenCrop ten)
        {
            _ten = ten;
            ViewSize = new ImageSize(ten.Height, ten.Width);
        }

        public override int Count => _five is null ? Transforms.Geometry.TenCrop.Count : Transforms.Geometry.FiveCrop.Count;

        public override ImageSize ViewSize { get; }

        public override void Write(ImageTensor image, Span<float> destination)
        {
            if (_five is not null)
            {
                _five.Apply(image, destination);
            }
            else
            {
                _ten!.Apply(image, destination);
            }
        }

        public override string ToString() => _five is null ? $"TenCrop {ViewSize}" : $"FiveCrop {ViewSize}";
    }
}
