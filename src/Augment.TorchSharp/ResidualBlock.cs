using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Augment.TorchSharp;

/// <summary>
/// One residual block of the <see cref="LearnableResizer"/>: 3×3 conv, batch norm, LeakyReLU(0.2), 3×3 conv, batch
/// norm, plus the block's input. No activation after the sum (the paper's figure has none).
/// </summary>
internal sealed class ResidualBlock : Module<Tensor, Tensor>
{
    private readonly Conv2d _conv1;
    private readonly BatchNorm2d _bn1;
    private readonly Conv2d _conv2;
    private readonly BatchNorm2d _bn2;

    public ResidualBlock(int filters)
        : base(nameof(ResidualBlock))
    {
        // The convolutions feed batch norms, whose shift makes a bias redundant.
        _conv1 = Conv2d(filters, filters, 3, padding: 1, bias: false);
        _bn1 = BatchNorm2d(filters);
        _conv2 = Conv2d(filters, filters, 3, padding: 1, bias: false);
        _bn2 = BatchNorm2d(filters);
        register_module("conv1", _conv1);
        register_module("bn1", _bn1);
        register_module("conv2", _conv2);
        register_module("bn2", _bn2);
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        Tensor branch = _bn2.forward(_conv2.forward(functional.leaky_relu(_bn1.forward(_conv1.forward(input)), LearnableResizer.NegativeSlope)));
        return (input + branch).MoveToOuterDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _conv1.Dispose();
            _bn1.Dispose();
            _conv2.Dispose();
            _bn2.Dispose();
        }

        base.Dispose(disposing);
    }
}
