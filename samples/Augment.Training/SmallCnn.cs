using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Augment.Samples;

/// <summary>A three-block CNN (conv-BN-ReLU, max-pool) with global average pooling and a linear classifier.</summary>
internal static class SmallCnn
{
    public static Module<Tensor, Tensor> Create(int classCount) => Sequential(
        ("conv1", Conv2d(3, 16, 3, padding: 1)), ("bn1", BatchNorm2d(16)), ("relu1", ReLU()), ("pool1", MaxPool2d(2)),
        ("conv2", Conv2d(16, 32, 3, padding: 1)), ("bn2", BatchNorm2d(32)), ("relu2", ReLU()), ("pool2", MaxPool2d(2)),
        ("conv3", Conv2d(32, 64, 3, padding: 1)), ("bn3", BatchNorm2d(64)), ("relu3", ReLU()),
        ("gap", AdaptiveAvgPool2d(1)), ("flatten", Flatten()), ("fc", Linear(64, classCount)));
}
