namespace Augment.Tests;

/// <summary>The README's quickstart is the program in samples/Augment.Readme, which the solution compiles.</summary>
public sealed class ReadmeTests
{
    [Fact]
    public void TheQuickstartSnippetIsTheCompiledSample()
    {
        string root = RepositoryRoot();
        string readme = File.ReadAllText(Path.Combine(root, "README.md")).ReplaceLineEndings("\n");
        int section = readme.IndexOf("## Quickstart\n", StringComparison.Ordinal);
        Assert.True(section >= 0, "README.md has no Quickstart section");
        int start = readme.IndexOf("```csharp\n", section, StringComparison.Ordinal) + "```csharp\n".Length;
        int end = readme.IndexOf("```", start, StringComparison.Ordinal);
        string program = File.ReadAllText(Path.Combine(root, "samples", "Augment.Readme", "Program.cs")).ReplaceLineEndings("\n");
        Assert.Equal(program, readme[start..end]);
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Augment.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Augment.sln above {AppContext.BaseDirectory}.");
    }
}
