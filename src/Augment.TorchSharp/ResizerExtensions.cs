using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Augment.TorchSharp;

/// <summary>Puts a resizer in front of a model, to train both jointly.</summary>
public static class ResizerExtensions
{
    /// <summary>
    /// Returns <c>Sequential(("resizer", resizer), ("model", model))</c>: images of any size go in, the resizer brings
    /// them to the model's input size, and one optimizer over the result's parameters trains both.
    /// </summary>
    /// <param name="model">The model, e.g. a classifier taking the resizer's output size.</param>
    /// <param name="resizer">The resizer, e.g. a <see cref="LearnableResizer"/>.</param>
    /// <returns>The combined module; disposing it disposes both.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Module<Tensor, Tensor> WithResizer(this Module<Tensor, Tensor> model, Module<Tensor, Tensor> resizer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(resizer);
        return Sequential(("resizer", resizer), ("model", model));
    }
}
