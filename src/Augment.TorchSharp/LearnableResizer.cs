using Augment.Imaging;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Augment.TorchSharp;

/// <summary>
/// The learnable resizer of Talebi and Milanfar, "Learning to Resize Images for Computer Vision Tasks" (ICCV 2021):
/// a small CNN that resizes N×C×H×W images to a fixed size and is trained jointly with the model that reads them,
/// as <c>Sequential(resizer, model)</c> (see <see cref="ResizerExtensions.WithResizer"/>).
/// </summary>
/// <remarks>
/// <para>
/// <b>Architecture</b> (the paper's Figure 2). The output is the plain resize of the input (the skip path) plus a
/// learned correction:
/// </para>
/// <code>
/// skip = resize(x)
/// y = BN(LeakyReLU(conv1x1(LeakyReLU(conv7x7(x)))))      // at the input's resolution, n filters
/// r = resize(y)                                          // to the target size
/// z = r → r blocks of [conv3x3, BN, LeakyReLU, conv3x3, BN, + block input]
/// z = BN(conv3x3(z)) + r
/// out = conv7x7(z) + skip                                // back to C channels
/// </code>
/// <para>
/// <b>Where the paper leaves room, this follows its figure and the authors' published Keras description:</b>
/// LeakyReLU slope 0.2; batch norm <i>after</i> the second LeakyReLU of the head (the figure's order, unusual as it
/// is); padding that keeps the size ("same"); biases on the two 7×7 and the 1×1 convolutions only (the others feed
/// batch norms); no activation after a residual sum; the residual blocks chained one after the other (the popular
/// Keras example feeds every block the resized features, so that only the last counts: a bug not copied here); the
/// final convolution has C output channels (3 in the paper). The resize steps use half-pixel centres
/// (<c>align_corners=False</c>, as TensorFlow's and torchvision's resize) and no antialiasing, like the paper's
/// TensorFlow bilinear resize; some PyTorch ports use <c>align_corners=True</c> instead.
/// </para>
/// <para>
/// Parameters are initialized by TorchSharp's defaults from the global generator: seed it with
/// <c>torch.manual_seed</c> before construction for repeatable runs. The submodules are named <c>conv7x7</c>,
/// <c>conv1x1</c>, <c>bn</c>, <c>blocks</c> (<c>blocks.0</c>, <c>blocks.1</c>, …, each with <c>conv1</c>,
/// <c>bn1</c>, <c>conv2</c>, <c>bn2</c>), <c>projection</c>, <c>projection_bn</c> and <c>output</c>.
/// </para>
/// </remarks>
public sealed class LearnableResizer : Module<Tensor, Tensor>
{
    /// <summary>The negative slope of every LeakyReLU, as in the paper.</summary>
    public const double NegativeSlope = 0.2;

    private readonly Conv2d _conv7x7;
    private readonly Conv2d _conv1x1;
    private readonly BatchNorm2d _bn;
    private readonly Sequential _blocks;
    private readonly Conv2d _projection;
    private readonly BatchNorm2d _projectionBn;
    private readonly Conv2d _output;
    private readonly long[] _size;

    /// <summary>Creates a resizer to <paramref name="size"/>.</summary>
    /// <param name="size">The output size (height, width): any aspect ratio, smaller or larger than the input.</param>
    /// <param name="filters">The number of feature channels n (the paper uses 16).</param>
    /// <param name="residualBlocks">The number of residual blocks r (the paper uses 1 or 2; 0 is allowed).</param>
    /// <param name="interpolation">
    /// The interpolation of both resize steps: <see cref="InterpolationMode.Bilinear"/> (the paper's default),
    /// <see cref="InterpolationMode.Bicubic"/>, <see cref="InterpolationMode.Nearest"/>,
    /// <see cref="InterpolationMode.NearestExact"/> or <see cref="InterpolationMode.Area"/>.
    /// </param>
    /// <param name="channels">The channels of the input and the output (3 for RGB).</param>
    /// <param name="name">The module's name.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size, <paramref name="filters"/> or <paramref name="channels"/> is not positive, <paramref name="residualBlocks"/> is negative, or <paramref name="interpolation"/> is not a 2-D mode.</exception>
    public LearnableResizer(
        ImageSize size,
        int filters = 16,
        int residualBlocks = 1,
        InterpolationMode interpolation = InterpolationMode.Bilinear,
        int channels = 3,
        string name = "LearnableResizer")
        : base(name)
    {
        if (size.Height <= 0 || size.Width <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"The output size must be positive, got {size.Height}x{size.Width}.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(filters);
        ArgumentOutOfRangeException.ThrowIfNegative(residualBlocks);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        if (interpolation is not (InterpolationMode.Bilinear or InterpolationMode.Bicubic or InterpolationMode.Nearest
            or InterpolationMode.NearestExact or InterpolationMode.Area))
        {
            throw new ArgumentOutOfRangeException(
                nameof(interpolation),
                interpolation,
                "Images resize in 2-D: use Bilinear, Bicubic, Nearest, NearestExact or Area.");
        }

        Size = size;
        Filters = filters;
        ResidualBlocks = residualBlocks;
        Interpolation = interpolation;
        Channels = channels;
        _size = [size.Height, size.Width];

        _conv7x7 = Conv2d(channels, filters, 7, padding: 3);
        _conv1x1 = Conv2d(filters, filters, 1);
        _bn = BatchNorm2d(filters);
        _blocks = Sequential();
        for (int i = 0; i < residualBlocks; i++)
        {
            _blocks.append(i.ToString(System.Globalization.CultureInfo.InvariantCulture), new ResidualBlock(filters));
        }

        _projection = Conv2d(filters, filters, 3, padding: 1, bias: false);
        _projectionBn = BatchNorm2d(filters);
        _output = Conv2d(filters, channels, 7, padding: 3);
        register_module("conv7x7", _conv7x7);
        register_module("conv1x1", _conv1x1);
        register_module("bn", _bn);
        register_module("blocks", _blocks);
        register_module("projection", _projection);
        register_module("projection_bn", _projectionBn);
        register_module("output", _output);
    }

    /// <summary>The output size (height, width).</summary>
    public ImageSize Size { get; }

    /// <summary>The number of feature channels n.</summary>
    public int Filters { get; }

    /// <summary>The number of residual blocks r.</summary>
    public int ResidualBlocks { get; }

    /// <summary>The interpolation of the two resize steps.</summary>
    public InterpolationMode Interpolation { get; }

    /// <summary>The channels of the input and the output.</summary>
    public int Channels { get; }

    /// <summary>Resizes <paramref name="input"/>, N×C×H×W of any H and W, to N×C×<see cref="Size"/>.</summary>
    /// <param name="input">The images, floating point, with <see cref="Channels"/> channels.</param>
    /// <returns>The resized images.</returns>
    /// <exception cref="ArgumentException"><paramref name="input"/> is not N×C×H×W with <see cref="Channels"/> channels.</exception>
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.dim() != 4 || input.shape[1] != Channels)
        {
            throw new ArgumentException(
                $"The resizer takes N×{Channels}×H×W images, got shape [{string.Join(", ", input.shape)}].", nameof(input));
        }

        using var scope = NewDisposeScope();
        Tensor skip = Resize(input);
        Tensor features = _bn.forward(LeakyRelu(_conv1x1.forward(LeakyRelu(_conv7x7.forward(input)))));
        Tensor resized = Resize(features);
        Tensor refined = _projectionBn.forward(_projection.forward(_blocks.forward(resized))) + resized;
        return (_output.forward(refined) + skip).MoveToOuterDisposeScope();
    }

    /// <summary>Resizes <paramref name="input"/> to <see cref="Size"/> with <see cref="Interpolation"/>: the skip path alone.</summary>
    /// <param name="input">N×C×H×W images (or features).</param>
    /// <returns>The resized tensor.</returns>
    public Tensor Resize(Tensor input) =>
        functional.interpolate(
            input,
            _size,
            mode: Interpolation,
            align_corners: Interpolation is InterpolationMode.Bilinear or InterpolationMode.Bicubic ? false : null);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _conv7x7.Dispose();
            _conv1x1.Dispose();
            _bn.Dispose();
            _blocks.Dispose();
            _projection.Dispose();
            _projectionBn.Dispose();
            _output.Dispose();
        }

        base.Dispose(disposing);
    }

    private static Tensor LeakyRelu(Tensor input) => functional.leaky_relu(input, NegativeSlope);
}
