using System.Text.Json;

namespace Augment.Tests.Parity;

/// <summary>Locates and loads the parity cases: <c>AUGMENT_PARITY_DIR</c>, else <c>../shared/parity</c> from the repository root.</summary>
public static class ParityData
{
    private static readonly Lazy<IReadOnlyDictionary<string, ParityCase>> Cases = new(Load);

    /// <summary>The parity folder.</summary>
    public static string Directory { get; } = Locate();

    /// <summary>Whether the parity folder holds its cases.json (a plain clone has no ../shared/parity).</summary>
    public static bool Exists => File.Exists(Path.Combine(Directory, "cases.json"));

    /// <summary>All cases by name.</summary>
    public static IReadOnlyDictionary<string, ParityCase> All => Cases.Value;

    /// <summary>Returns the folder holding the repository's solution file.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Augment.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Augment.sln above {AppContext.BaseDirectory}.");
    }

    private static string Locate()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("AUGMENT_PARITY_DIR");
        return Path.GetFullPath(string.IsNullOrEmpty(fromEnvironment)
            ? Path.Combine(RepositoryRoot(), "..", "shared", "parity")
            : fromEnvironment);
    }

    private static IReadOnlyDictionary<string, ParityCase> Load()
    {
        string file = Path.Combine(Directory, "cases.json");
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"No parity cases at {file}: set AUGMENT_PARITY_DIR.", file);
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(file));
        var cases = new Dictionary<string, ParityCase>();
        foreach (JsonElement c in document.RootElement.GetProperty("cases").EnumerateArray())
        {
            var parityCase = new ParityCase(
                c.GetProperty("name").GetString()!,
                c.GetProperty("input").GetString()!,
                [.. c.GetProperty("ops").EnumerateArray().Select(o => o.Clone())],
                c.GetProperty("expected").GetString()!,
                [.. c.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32())],
                c.GetProperty("atol").GetSingle())
            {
                Directory = Directory,
            };
            cases.Add(parityCase.Name, parityCase);
        }

        return cases;
    }
}
