namespace Augment.Kernels.Geometry;

/// <summary>
/// The outputs <c>[Output, Output + Count)</c> a horizontal pass produces of a <see cref="ResizeKernelMap"/>, and the
/// band blocks that hold them: <c>[FirstBlock, EndBlock)</c>, of which <c>[WholeFirst, WholeEnd)</c> lie wholly
/// inside the outputs. Blocks are in output order (the last one overlapping its predecessor), so the whole ones are
/// contiguous and the others, at most a few, sit at either end. Worked out once per resampling, not per strip.
/// </summary>
/// <param name="Output">The first output produced.</param>
/// <param name="Count">The number of outputs produced.</param>
/// <param name="FirstBlock">The first block holding a produced output.</param>
/// <param name="EndBlock">One past the last block holding a produced output.</param>
/// <param name="WholeFirst">The first block wholly inside the outputs.</param>
/// <param name="WholeEnd">One past the last block wholly inside the outputs.</param>
internal readonly record struct BlockRange(int Output, int Count, int FirstBlock, int EndBlock, int WholeFirst, int WholeEnd)
{
    /// <summary>The blocks of <paramref name="map"/> for outputs <c>[output, output + count)</c>.</summary>
    /// <param name="map">A map with a band form.</param>
    /// <param name="output">The first output, in <c>[0, DestinationLength)</c>.</param>
    /// <param name="count">The number of outputs, positive, ending inside the map.</param>
    /// <returns>The range.</returns>
    public static BlockRange Of(ResizeKernelMap map, int output, int count)
    {
        int width = map.BlockWidth, end = output + count;
        int firstBlock = Math.Min(output / width, map.BlockCount - 1);
        int endBlock = firstBlock;
        while (endBlock < map.BlockCount && map.BlockFirstOutput(endBlock) < end)
        {
            endBlock++;
        }

        int wholeFirst = firstBlock;
        while (wholeFirst < endBlock && map.BlockFirstOutput(wholeFirst) < output)
        {
            wholeFirst++;
        }

        int wholeEnd = endBlock;
        while (wholeEnd > wholeFirst && map.BlockFirstOutput(wholeEnd - 1) + width > end)
        {
            wholeEnd--;
        }

        return new BlockRange(output, count, firstBlock, endBlock, wholeFirst, wholeEnd);
    }
}
