using Augment.Randomness;

namespace Augment.Transforms.Sampling;

/// <summary>
/// A transform the loader can fuse into one resampling of the decoded pixels: it declares what it contributes
/// (<see cref="Effects"/>) and, per image, adds that to a <see cref="SamplingPlan"/> with parameters drawn exactly as
/// its own <c>Apply</c> would draw them from the same stream, so fused and unfused runs agree up to float rounding.
/// </summary>
/// <remarks>
/// The planner (<c>FusedPipeline</c>) walks a pipeline's steps until the first one that is not a sampling step or
/// whose effects cannot follow the ones before it (<see cref="SamplingPlan.CanFollow"/>), and runs the rest
/// unfused. A new fusable transform implements this interface and adds a row to the fused-equals-unfused test.
/// </remarks>
internal interface ISamplingStep : ITransform
{
    /// <summary>What <see cref="Plan"/> may do to a plan; <see cref="SamplingEffects.None"/> when this instance cannot fuse.</summary>
    SamplingEffects Effects { get; }

    /// <summary>Draws this step's parameters for an image of <see cref="SamplingPlan.Size"/> and adds the step to <paramref name="plan"/>.</summary>
    /// <param name="plan">The plan so far.</param>
    /// <param name="random">The step's own random stream, the one its <c>Apply</c> would get.</param>
    void Plan(ref SamplingPlan plan, ref RandomSource random);
}
