using System.Runtime.CompilerServices;
using Augment.Kernels.Lanes;

namespace Augment.Kernels.Geometry;

/// <summary>Reads source samples of type <typeparamref name="TSample"/> as floats, one lane register at a time.</summary>
/// <typeparam name="TSample">The stored sample type.</typeparam>
internal interface ISampleReader<TSample>
    where TSample : unmanaged
{
    /// <summary>Loads <c>TBlock.Count</c> consecutive samples as floats.</summary>
    static abstract TBlock Load<TBlock>(ref TSample source)
        where TBlock : struct, ILane<TBlock>;
}

/// <summary>Float samples (CHW planes or an intermediate buffer).</summary>
internal readonly struct FloatSampleReader : ISampleReader<float>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TBlock Load<TBlock>(ref float source)
        where TBlock : struct, ILane<TBlock> => TBlock.Load(ref source, 0);
}

/// <summary>8-bit samples (interleaved pixels), widened to floats without scaling.</summary>
internal readonly struct ByteSampleReader : ISampleReader<byte>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TBlock Load<TBlock>(ref byte source)
        where TBlock : struct, ILane<TBlock> => TBlock.LoadWidened(ref source);
}
