namespace Mamori.Core.Tests.Policy;

/// <summary>Finds the files the test project copies beside the tests, and the repository they came from.</summary>
internal static class TestFiles
{
    public static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>The repository root (where Mamori.slnx is), for tests that compare with committed files.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mamori.slnx")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("Mamori.slnx not found above " + AppContext.BaseDirectory);
    }
}
