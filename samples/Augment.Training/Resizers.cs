using Augment.Imaging;
using Augment.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Augment.Samples;

/// <summary>The resizers the sample can put in front of the model (<c>--resizer</c>).</summary>
internal static class Resizers
{
    public static Module<Tensor, Tensor> Create(string kind, int size) => kind switch
    {
        "bilinear" => new BilinearResizer(new ImageSize(size, size)),
        "learnable" => new LearnableResizer(new ImageSize(size, size), filters: 16, residualBlocks: 1),
        _ => throw new ArgumentException($"Unknown resizer '{kind}': use bilinear or learnable.", nameof(kind)),
    };

    /// <summary>The baseline: the learnable resizer's skip path alone, a fixed bilinear resize without parameters.</summary>
    private sealed class BilinearResizer(ImageSize size) : Module<Tensor, Tensor>(nameof(BilinearResizer))
    {
        public override Tensor forward(Tensor input) =>
            functional.interpolate(input, [size.Height, size.Width], mode: InterpolationMode.Bilinear, align_corners: false);
    }
}
