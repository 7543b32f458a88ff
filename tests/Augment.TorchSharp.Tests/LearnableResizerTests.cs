using Augment.Imaging;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Augment.TorchSharp.Tests;

public sealed class LearnableResizerTests
{
    [Theory]
    [InlineData(20, 30, 12, 12)] // down, to square
    [InlineData(20, 30, 40, 24)] // up in height, down in width
    [InlineData(16, 16, 7, 33)]  // odd sizes, wide
    [InlineData(9, 14, 30, 20)]  // up, tall
    [InlineData(12, 12, 12, 12)] // same size
    public void Output_HasTheTargetSize(int inHeight, int inWidth, int outHeight, int outWidth)
    {
        torch.manual_seed(1);
        using var resizer = new LearnableResizer(new ImageSize(outHeight, outWidth), filters: 4, residualBlocks: 2);
        using Tensor input = torch.rand(2, 3, inHeight, inWidth);
        using Tensor output = resizer.forward(input);
        Assert.Equal([2L, 3, outHeight, outWidth], output.shape);
    }

    [Fact]
    public void Gradients_ReachEveryParameter()
    {
        torch.manual_seed(2);
        using var resizer = new LearnableResizer(new ImageSize(10, 14), filters: 4, residualBlocks: 2);
        using Tensor input = torch.rand(3, 3, 16, 12);
        using Tensor loss = resizer.forward(input).square().mean();
        loss.backward();
        var names = new List<string>();
        foreach ((string name, Parameter parameter) in resizer.named_parameters())
        {
            names.Add(name);
            Assert.True(parameter.grad is not null, $"{name} has no gradient");
            Assert.True(parameter.grad.abs().sum().item<float>() > 0, $"{name} has a zero gradient");
        }

        // 7x7 (w, b), 1x1 (w, b), BN (w, b), 2 blocks x (conv, BN, conv, BN) = 12, projection (w), BN (w, b), output (w, b).
        Assert.Equal(6 + 12 + 3 + 2, names.Count);
        Assert.Contains("blocks.1.conv2.weight", names);
        Assert.Contains("output.bias", names);
    }

    [Theory]
    [InlineData(16, 12, 7, 9)]
    [InlineData(5, 6, 11, 13)]
    public void WithTheLastConvolutionZeroed_OutputIsTheBilinearResize(int inHeight, int inWidth, int outHeight, int outWidth)
    {
        torch.manual_seed(3);
        using var resizer = new LearnableResizer(new ImageSize(outHeight, outWidth), filters: 4);
        using (torch.no_grad())
        {
            foreach ((string name, Parameter parameter) in resizer.named_parameters())
            {
                if (name.StartsWith("output.", StringComparison.Ordinal))
                {
                    parameter.zero_();
                }
            }
        }

        using Tensor input = torch.rand(2, 3, inHeight, inWidth);
        float[] actual = resizer.forward(input).data<float>().ToArray();
        float[] expected = ReferenceBilinear(input.data<float>().ToArray(), 2 * 3, inHeight, inWidth, outHeight, outWidth);
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-5f);
        }
    }

    [Fact]
    public void AFewSteps_OnAFixedBatch_LowerTheLoss()
    {
        (float first, float last) = Train(seed: 4, steps: 8);
        Assert.True(last < first * 0.8f, $"loss went from {first} to {last}");
    }

    [Fact]
    public void SeededRuns_RepeatExactly()
    {
        Assert.Equal(Train(seed: 5, steps: 3), Train(seed: 5, steps: 3));
    }

    [Fact]
    public void WithResizer_TrainsBothModules_WithOneOptimizer()
    {
        torch.manual_seed(6);
        var resizer = new LearnableResizer(new ImageSize(8, 8), filters: 4);
        var model = Sequential(Flatten(), Linear(3 * 8 * 8, 2));
        using Module<Tensor, Tensor> combined = model.WithResizer(resizer);
        Assert.Equal(resizer.parameters().Count() + model.parameters().Count(), combined.parameters().Count());
        using Tensor logits = combined.forward(torch.rand(2, 3, 20, 12));
        Assert.Equal([2L, 2], logits.shape);
    }

    [Fact]
    public void BadArguments_AreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LearnableResizer(new ImageSize(0, 8)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LearnableResizer(new ImageSize(8, 8), filters: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LearnableResizer(new ImageSize(8, 8), residualBlocks: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LearnableResizer(new ImageSize(8, 8), interpolation: InterpolationMode.Trilinear));
        using var resizer = new LearnableResizer(new ImageSize(8, 8), filters: 2);
        ArgumentException error = Assert.Throws<ArgumentException>(() => resizer.forward(torch.rand(1, 1, 8, 8)));
        Assert.Contains("N×3×H×W", error.Message, StringComparison.Ordinal);
    }

    // A resizer in front of a tiny classifier, trained with Adam on one fixed batch; returns the first and last loss.
    private static (float First, float Last) Train(int seed, int steps)
    {
        torch.manual_seed(seed);
        using Module<Tensor, Tensor> model = Sequential(Conv2d(3, 4, 3, padding: 1), ReLU(), AdaptiveAvgPool2d(1), Flatten(), Linear(4, 2))
            .WithResizer(new LearnableResizer(new ImageSize(8, 8), filters: 4));
        using Tensor labels = torch.tensor(new long[] { 0, 1, 0, 1, 0, 1, 0, 1 });

        // Two classes told apart by brightness.
        using Tensor images = torch.rand(8, 3, 16, 16) + (0.5 * labels.view(-1, 1, 1, 1));

        var optimizer = torch.optim.Adam(model.parameters(), lr: 0.02);
        float first = 0, last = 0;
        for (int step = 0; step < steps; step++)
        {
            using var scope = torch.NewDisposeScope();
            optimizer.zero_grad();
            Tensor loss = functional.cross_entropy(model.forward(images), labels);
            loss.backward();
            optimizer.step();
            last = loss.item<float>();
            first = step == 0 ? last : first;
        }

        return (first, last);
    }

    // Bilinear resize with half-pixel centres and no antialiasing (PyTorch's align_corners=False), written out per pixel.
    private static float[] ReferenceBilinear(float[] input, int planes, int inHeight, int inWidth, int outHeight, int outWidth)
    {
        var output = new float[planes * outHeight * outWidth];
        for (int p = 0; p < planes; p++)
        {
            for (int y = 0; y < outHeight; y++)
            {
                (int y0, int y1, double wy) = Taps(y, inHeight, outHeight);
                for (int x = 0; x < outWidth; x++)
                {
                    (int x0, int x1, double wx) = Taps(x, inWidth, outWidth);
                    double Pixel(int yy, int xx) => input[(p * inHeight * inWidth) + (yy * inWidth) + xx];
                    double top = ((1 - wx) * Pixel(y0, x0)) + (wx * Pixel(y0, x1));
                    double bottom = ((1 - wx) * Pixel(y1, x0)) + (wx * Pixel(y1, x1));
                    output[(p * outHeight * outWidth) + (y * outWidth) + x] = (float)(((1 - wy) * top) + (wy * bottom));
                }
            }
        }

        return output;
    }

    private static (int Low, int High, double Weight) Taps(int destination, int inSize, int outSize)
    {
        double source = Math.Max(((destination + 0.5) * inSize / outSize) - 0.5, 0);
        int low = Math.Min((int)source, inSize - 1);
        return (low, Math.Min(low + 1, inSize - 1), source - low);
    }
}
