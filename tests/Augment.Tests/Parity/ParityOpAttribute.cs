namespace Augment.Tests.Parity;

/// <summary>
/// Marks a static method of the signature <c>ImageTensor[] M(ImageTensor image, JsonElement op, ParityCase parityCase)</c>
/// as the implementation of a parity op, through the library's public API. The method owns <c>image</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ParityOpAttribute(string name) : Attribute
{
    /// <summary>The op's name in cases.json.</summary>
    public string Name { get; } = name;
}
