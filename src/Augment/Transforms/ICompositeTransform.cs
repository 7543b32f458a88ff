namespace Augment.Transforms;

/// <summary>A transform made of other transforms (<see cref="Compose"/>, <see cref="RandomApply"/>, <see cref="OneOf"/>, <see cref="RandomOrder"/>): lets tools walk a pipeline.</summary>
public interface ICompositeTransform : ITransform
{
    /// <summary>The transforms this one runs (all or some of them, as it decides), in their order.</summary>
    IReadOnlyList<ITransform> Children { get; }
}
