using System.Reflection;
using Augment.Imaging;
using Augment.Randomness;
using Augment.Transforms;

namespace Augment.Tests.Transforms;

/// <summary>
/// Rebuilds a transform's output from a <see cref="ParameterLog"/> alone: a <see cref="RandomTransform{TParams}"/>
/// applies its logged parameters, a composite follows its logged decision into its children, and any other transform
/// must be deterministic. The random stream handed to the replay is unrelated to the recorded one, so a transform that
/// draws without recording makes the replay differ.
/// </summary>
internal static class ParameterReplay
{
    /// <summary>Replays <paramref name="log"/> through <paramref name="transform"/> on <paramref name="image"/> (consumed); every entry must be used.</summary>
    public static ImageTensor Run(ITransform transform, ImageTensor image, ParameterLog log)
    {
        var entries = new Queue<(ITransform Transform, object Parameters)>(log.Entries);
        ImageTensor result = Step(transform, image, entries);
        Assert.True(entries.Count == 0, $"{entries.Count} logged draws were not consumed by the replay of {transform.GetType().Name}.");
        return result;
    }

    private static ImageTensor Step(ITransform transform, ImageTensor image, Queue<(ITransform Transform, object Parameters)> entries)
    {
        if (RandomParamsType(transform.GetType()) is { } paramsType)
        {
            object parameters = Next(transform, entries, paramsType);
            MethodInfo apply = typeof(RandomTransform<>).MakeGenericType(paramsType)
                .GetMethod(nameof(RandomTransform<int>.Apply), [typeof(ImageTensor), paramsType.MakeByRefType()])!;
            return (ImageTensor)apply.Invoke(transform, [image, parameters])!;
        }

        switch (transform)
        {
            case Compose compose:
                foreach (ITransform child in compose.Transforms)
                {
                    image = Step(child, image, entries);
                }

                return image;
            case RandomApply randomApply:
                var decision = (RandomApplyParams)Next(transform, entries, typeof(RandomApplyParams));
                return decision.Applied ? Step(randomApply.Transform, image, entries) : image;
            case OneOf oneOf:
                var choice = (ChoiceParams)Next(transform, entries, typeof(ChoiceParams));
                return Step(oneOf.Transforms[choice.Index], image, entries);
            case RandomOrder randomOrder:
                var order = (OrderParams)Next(transform, entries, typeof(OrderParams));
                for (int step = 0; step < order.Count; step++)
                {
                    image = Step(randomOrder.Transforms[order[step]], image, entries);
                }

                return image;
            case ICompositeTransform:
                throw new InvalidOperationException($"ParameterReplay does not know the composite {transform.GetType().Name}: teach it how its draws map onto its children.");
            default:
                RandomSource unrelated = RandomSource.FromSeed(0xDEAD_BEEF);
                return transform.Apply(image, ref unrelated);
        }
    }

    private static object Next(ITransform transform, Queue<(ITransform Transform, object Parameters)> entries, Type paramsType)
    {
        Assert.True(entries.TryDequeue(out var entry), $"The log holds no draw for {transform.GetType().Name}.");
        Assert.Same(transform, entry.Transform);
        Assert.IsType(paramsType, entry.Parameters);
        return entry.Parameters;
    }

    private static Type? RandomParamsType(Type? type)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(RandomTransform<>))
            {
                return type.GetGenericArguments()[0];
            }
        }

        return null;
    }
}
