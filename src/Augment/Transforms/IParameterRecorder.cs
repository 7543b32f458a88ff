namespace Augment.Transforms;

/// <summary>Receives the parameters that random transforms draw, so that they can be logged or replayed.</summary>
public interface IParameterRecorder
{
    /// <summary>Called once per draw, before the parameters are applied.</summary>
    /// <typeparam name="TParams">The transform's parameter record.</typeparam>
    /// <param name="transform">The transform that drew them.</param>
    /// <param name="parameters">The drawn parameters.</param>
    void Record<TParams>(ITransform transform, in TParams parameters)
        where TParams : struct;
}
