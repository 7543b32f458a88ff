using System.Reflection;
using Augment.Batching;
using Augment.Imaging;

namespace Augment.Tests.Kernels;

/// <summary>
/// Every public API that writes floats into a caller's destination writes all of it: each row fills its destination with
/// NaN, calls the API on NaN-free inputs and gets back the destination's values, which must hold no NaN. A reflection
/// test finds every public method with a float destination (a parameter named <c>destination</c> of type
/// <see cref="ImageTensor"/>, <see cref="ImageBatch"/>, <c>Span&lt;float&gt;</c> or <c>ReadOnlySpan&lt;ImageTensor&gt;</c>)
/// and fails for one without a row in <see cref="DestinationRegistry"/>.
/// </summary>
public sealed class DestinationContractTests
{
    private static readonly Type[] DestinationTypes = [typeof(ImageTensor), typeof(ImageBatch), typeof(Span<float>), typeof(ReadOnlySpan<ImageTensor>)];

    public static TheoryData<string> Names() => [.. DestinationRegistry.Rows.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void EveryPublicDestinationApiHasARow()
    {
        string[] apis = [.. DestinationApis()];
        Assert.NotEmpty(apis);
        string[] missing = [.. apis.Where(a => !DestinationRegistry.Rows.ContainsKey(a))];
        Assert.True(missing.Length == 0, $"No row in DestinationRegistry for: {string.Join("; ", missing)}. Add one that calls it on a NaN-filled destination.");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void TheWholeDestinationIsWritten(string name)
    {
        float[] written = DestinationRegistry.Rows[name]();
        Assert.NotEmpty(written);
        NanPool.AssertNoNan(written, name);
    }

    /// <summary>The key of a method: <c>Type.Method(ParameterType, ...)</c>.</summary>
    internal static string Key(MethodInfo method) =>
        $"{method.DeclaringType!.Name}.{method.Name}({string.Join(", ", method.GetParameters().Select(p => TypeName(p.ParameterType)))})";

    private static IEnumerable<string> DestinationApis() =>
        typeof(ImageTensor).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsAbstract && m.GetParameters().Any(p => p.Name == "destination" && DestinationTypes.Contains(p.ParameterType)))
            .Select(Key)
            .Distinct()
            .Order(StringComparer.Ordinal);

    private static string TypeName(Type type) => type.IsByRef
        ? TypeName(type.GetElementType()!) + "&"
        : type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>"
            : type.Name;
}
