namespace Augment.Kernels.Lanes;

/// <summary>
/// The body of a loop over <c>[0, length)</c> that <see cref="LaneLoop"/> runs: it processes the
/// <c>TLane.Count</c> elements starting at an index, reading nothing and writing nothing outside them. Bodies are
/// small ref structs holding the loop's references and its operator.
/// </summary>
internal interface ILaneBody
{
    /// <summary>Processes elements <c>[index, index + TLane.Count)</c>.</summary>
    void Step<TLane>(nuint index)
        where TLane : struct, ILane<TLane>;
}
