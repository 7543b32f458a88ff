using System.Text.Json;
using Augment.Batching;
using Augment.Imaging;
using Augment.Mixing;

namespace Augment.Tests.Parity;

/// <summary>Parity ops of the batch mixers: the image and the case's other inputs form a batch; the first sample is compared.</summary>
public static partial class ParityOps
{
    [ParityOp("mixup")]
    private static ImageTensor[] Mixup(ImageTensor image, JsonElement op, ParityCase parityCase)
    {
        using ImageTensor other = Load(parityCase, op.GetProperty("other").GetString()!);
        using ImageBatch batch = CollateWith(image, [other]);
        var parameters = new MixParams();
        parameters.Reset(2);
        parameters.Partners[0] = 1;
        parameters.Partners[1] = 0;
        parameters.Kinds[0] = MixKind.Blend;
        parameters.Lambdas[0] = op.GetProperty("lambda").GetSingle();
        new Augment.Mixing.Mixup().Apply(batch, parameters);
        return One(FirstSample(batch));
    }

    [ParityOp("ricap")]
    private static ImageTensor[] Ricap(ImageTensor image, JsonElement op, ParityCase parityCase)
    {
        ImageTensor[] others = [.. op.GetProperty("others").EnumerateArray().Select(path => Load(parityCase, path.GetString()!))];
        try
        {
            using ImageBatch batch = CollateWith(image, others);
            var parameters = new RicapParams();
            parameters.Reset(batch.Count);
            parameters.SetBoundary(op.GetProperty("w").GetInt32(), op.GetProperty("h").GetInt32());
            int k = 0;
            foreach (JsonElement offset in op.GetProperty("offsets").EnumerateArray())
            {
                int[] xy = Ints(offset);
                parameters.SetOffset(k, xy[0], xy[1]);
                Span<int> sources = parameters.Sources(k);
                for (int i = 0; i < sources.Length; i++)
                {
                    sources[i] = (i + k) % sources.Length; // sample 0 takes patch k from source k
                }

                k++;
            }

            new Augment.Mixing.Ricap().Apply(batch, parameters);
            return One(FirstSample(batch));
        }
        finally
        {
            Array.ForEach(others, o => o.Dispose());
        }
    }

    /// <summary>Collates <paramref name="image"/> (taking ownership) and <paramref name="others"/> into a batch.</summary>
    private static ImageBatch CollateWith(ImageTensor image, ImageTensor[] others)
    {
        using (image)
        {
            return new Collator().Collate([image, .. others]);
        }
    }

    private static ImageTensor FirstSample(ImageBatch batch)
    {
        var result = ImageTensor.Create(batch.Channels, batch.Size);
        batch.Slot(0).CopyTo(result.Data);
        return result;
    }
}
