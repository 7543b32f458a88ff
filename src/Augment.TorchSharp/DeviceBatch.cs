using TorchSharp;
using static TorchSharp.torch;

namespace Augment.TorchSharp;

/// <summary>
/// Copies of a <see cref="TorchBatch"/>'s tensors on a device (<see cref="TorchBatch.CopyTo"/>): they own their
/// storage and share nothing with the batch, which may be disposed as soon as they exist.
/// </summary>
public sealed class DeviceBatch : IDisposable
{
    internal DeviceBatch(Device device, Tensor images, Tensor labels, Tensor? targets)
    {
        Device = device;
        Images = images;
        Labels = labels;
        Targets = targets;
    }

    /// <summary>The device the tensors live on.</summary>
    public Device Device { get; }

    /// <summary>The images, shape N×C×H×W, of the source's element type.</summary>
    public Tensor Images { get; }

    /// <summary>The class indices, shape N, int64.</summary>
    public Tensor Labels { get; }

    /// <summary>The soft targets, shape N×K, float32; null when the source had none.</summary>
    public Tensor? Targets { get; }

    /// <summary>Disposes the tensors (harmless if a dispose scope already did).</summary>
    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
        Targets?.Dispose();
    }
}
