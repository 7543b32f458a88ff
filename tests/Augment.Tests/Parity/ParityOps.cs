using System.Reflection;
using System.Text.Json;
using Augment.Imaging;
using Augment.Skia;

namespace Augment.Tests.Parity;

/// <summary>
/// The registry of parity ops: every <see cref="ParityOpAttribute"/> method of this partial class, one file per
/// family (ParityOps.Geometry.cs, ParityOps.Color.cs, ...). An op with no method fails its cases, unless it is listed
/// in <see cref="AllowedToSkip"/>.
/// </summary>
public static partial class ParityOps
{
    private static readonly Dictionary<string, Func<ImageTensor, JsonElement, ParityCase, ImageTensor[]>> Registry = Discover();

    /// <summary>
    /// The ops whose cases may skip for want of an implementation: the ones another branch is implementing. Empty it as
    /// they land (<c>ParityTests.AllowedToSkipListsOnlyOpsWithoutImplementation</c> fails for a listed op that has one).
    /// </summary>
    public static IReadOnlySet<string> AllowedToSkip { get; } = new HashSet<string>(StringComparer.Ordinal) { "elastic", "perspective", "gaussian_blur" };

    /// <summary>Whether <paramref name="op"/> has an implementation.</summary>
    public static bool IsImplemented(string op) => Registry.ContainsKey(op);

    /// <summary>Runs <paramref name="op"/> on every image of <paramref name="images"/> and concatenates the results.</summary>
    public static List<ImageTensor> Run(string op, List<ImageTensor> images, JsonElement args, ParityCase parityCase)
    {
        var kernel = Registry[op];
        var results = new List<ImageTensor>();
        foreach (ImageTensor image in images)
        {
            results.AddRange(kernel(image, args, parityCase));
        }

        return results;
    }

    /// <summary>Decodes a parity input PNG (relative to the parity folder) through the public codec.</summary>
    public static ImageTensor Load(ParityCase parityCase, string relativePath) =>
        new SkiaImageDecoder().Decode(File.ReadAllBytes(parityCase.Resolve(relativePath)), relativePath);

    private static ImageTensor[] One(ImageTensor image) => [image];

    private static float[] Floats(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetSingle())];

    private static int[] Ints(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt32())];

    private static Dictionary<string, Func<ImageTensor, JsonElement, ParityCase, ImageTensor[]>> Discover()
    {
        var registry = new Dictionary<string, Func<ImageTensor, JsonElement, ParityCase, ImageTensor[]>>();
        foreach (MethodInfo method in typeof(ParityOps).GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public))
        {
            if (method.GetCustomAttribute<ParityOpAttribute>() is { } attribute)
            {
                registry.Add(attribute.Name, method.CreateDelegate<Func<ImageTensor, JsonElement, ParityCase, ImageTensor[]>>());
            }
        }

        return registry;
    }
}
