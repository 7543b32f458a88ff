using System.Text.Json;

namespace Augment.Tests.Parity;

/// <summary>One reference case of ../shared/parity/cases.json.</summary>
public sealed record ParityCase(string Name, string Input, JsonElement[] Ops, string Expected, int[] Shape, float Atol)
{
    /// <summary>The folder the case's relative paths start from.</summary>
    public required string Directory { get; init; }

    /// <summary>Resolves a path relative to the parity folder.</summary>
    public string Resolve(string relative) => Path.Combine(Directory, relative);

    /// <summary>Reads the expected output (raw little-endian float32).</summary>
    public float[] ReadExpected()
    {
        byte[] bytes = File.ReadAllBytes(Resolve(Expected));
        var values = new float[bytes.Length / sizeof(float)];
        Buffer.BlockCopy(bytes, 0, values, 0, values.Length * sizeof(float));
        return values;
    }
}
