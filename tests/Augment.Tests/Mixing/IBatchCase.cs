using Augment.Batching;
using Augment.Randomness;

namespace Augment.Tests.Mixing;

/// <summary>A batch transform seen without its parameter type.</summary>
internal interface IBatchCase
{
    /// <summary>The batch transform.</summary>
    object Transform { get; }

    /// <summary>Draws and applies through the instance's cached parameters.</summary>
    void Apply(ImageBatch batch, ref RandomSource random);

    /// <summary>Draws into a parameter object of its own, then applies it (the two stateless halves).</summary>
    void DrawThenApply(ImageBatch batch, ref RandomSource random);
}
