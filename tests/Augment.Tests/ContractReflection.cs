using System.Reflection;
using Augment.Imaging;

namespace Augment.Tests;

/// <summary>Reflection over the library's public surface for the contract tests (transforms, batch transforms).</summary>
internal static class ContractReflection
{
    /// <summary>The exported, concrete (non-abstract, non-interface) types of the library that satisfy <paramref name="predicate"/>.</summary>
    public static IEnumerable<Type> ConcreteExportedTypes(Func<Type, bool> predicate) =>
        typeof(ImageTensor).Assembly.GetExportedTypes().Where(t => t.IsClass && !t.IsAbstract && predicate(t));

    /// <summary>
    /// Asserts that <paramref name="instance"/>'s ToString reads <c>TypeName(name=value, ...)</c> (torchvision's repr):
    /// it starts with the type's name and names every scalar parameter (number, enum, string, library value type) of
    /// its public constructor with the most of them.
    /// </summary>
    public static void AssertToStringNamesParameters(object instance, string typeName)
    {
        string text = instance.ToString() ?? string.Empty;
        Assert.True(text.StartsWith(typeName + "(", StringComparison.Ordinal) && text.EndsWith(')'), $"{typeName}.ToString() gives \"{text}\", not \"{typeName}(name=value, ...)\"");

        // The constructors taking the most scalar parameters; the string must name every scalar parameter of one of them.
        ParameterInfo[][] widest = [.. instance.GetType().GetConstructors().Select(c => c.GetParameters().Where(p => IsScalar(p.ParameterType)).ToArray())];
        int most = widest.Length == 0 ? 0 : widest.Max(p => p.Length);
        string[] unnamed = widest.Where(p => p.Length == most)
            .Select(p => p.Select(q => q.Name + "=").Where(n => !text.Contains(n, StringComparison.Ordinal)).ToArray())
            .MinBy(missing => missing.Length) ?? [];
        Assert.True(unnamed.Length == 0, $"{typeName}.ToString() gives \"{text}\", which does not name {string.Join(", ", unnamed)}");
    }

    private static bool IsScalar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || (type.IsValueType && type.Assembly == typeof(ImageTensor).Assembly);
    }
}
