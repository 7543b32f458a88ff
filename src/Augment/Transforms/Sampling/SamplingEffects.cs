namespace Augment.Transforms.Sampling;

/// <summary>
/// What an <see cref="ISamplingStep"/> may contribute to a <see cref="SamplingPlan"/>, declared up front so the
/// planner can tell, before any image is seen, how far a pipeline fuses.
/// </summary>
[Flags]
internal enum SamplingEffects
{
    /// <summary>Nothing: the step cannot be fused and ends the fused chain.</summary>
    None = 0,

    /// <summary>A window inside the image (<see cref="SamplingPlan.Crop"/> without a fill).</summary>
    Window = 1,

    /// <summary>A window that may reach outside the image, filled with a constant there (<see cref="SamplingPlan.Crop"/> with a fill).</summary>
    PaddedWindow = 2,

    /// <summary>A resize of the image (<see cref="SamplingPlan.Resize"/>).</summary>
    Resize = 4,

    /// <summary>A mirroring on either axis (<see cref="SamplingPlan.Flip"/>).</summary>
    Flip = 8,

    /// <summary>A per-channel <c>x * scale + offset</c> on the output values (<see cref="SamplingPlan.ChannelAffine"/>).</summary>
    ChannelAffine = 16,
}
