using System.Buffers;
using Augment.Imaging;
using Augment.Kernels.Geometry;
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

    /// <summary>
    /// Writes the views of the image <paramref name="source"/> produces, as <see cref="Write(ImageTensor, Span{float})"/> does: by default from
    /// the whole image; crop recipes cut their views band by band of rows, each band rendered just before.
    /// </summary>
    /// <param name="source">The image's producer.</param>
    /// <param name="destination">At least <c>V * C * h * w</c> elements.</param>
    internal virtual void Write(IRowSource source, Span<float> destination) => Write(source.RenderAll(), destination);

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
        // Rows rendered at a time when the views are cut band by band: a band of a 3 x 256 x 341 image is 64 KB.
        private const int BandRows = 16;

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

        internal override void Write(IRowSource source, Span<float> destination)
        {
            if (!source.RendersBands)
            {
                base.Write(source, destination);
                return;
            }

            int channels = source.Channels, width = source.Size.Width, height = source.Size.Height;
            bool streaming = Transforms.Geometry.Views.Streams(Count, channels * ViewSize.Area);
            int band = Math.Min(BandRows, height);
            float[] rows = ArrayPool<float>.Shared.Rent(channels * band * width);
            try
            {
                for (int y = 0; y < height; y += band)
                {
                    int count = Math.Min(band, height - y);
                    Span<float> rendered = rows.AsSpan(0, channels * count * width);
                    source.Render(y, count, rendered);
                    if (_five is not null)
                    {
                        _five.WriteBand(rendered, channels, source.Size, y, count, destination, streaming);
                    }
                    else
                    {
                        _ten!.WriteBand(rendered, channels, source.Size, y, count, destination, streaming);
                    }
                }
            }
            finally
            {
                if (streaming)
                {
                    StreamingRows.Fence();
                }

                ArrayPool<float>.Shared.Return(rows);
            }
        }

        public override string ToString() => _five is null ? $"TenCrop {ViewSize}" : $"FiveCrop {ViewSize}";
    }
}
