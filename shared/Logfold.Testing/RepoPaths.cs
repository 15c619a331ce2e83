namespace Logfold.Testing;

/// <summary>Finds the repository root and the shared corpus beside it, from any test's working directory.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    /// <summary>The repository root (the folder holding <c>Logfold.slnx</c>).</summary>
    public static string Root => RootLazy.Value;

    /// <summary><c>tests/testdata</c>.</summary>
    public static string TestData => Path.Combine(Root, "tests", "testdata");

    /// <summary>The real-log corpus beside the repo (<c>../shared/corpus/dev</c>), or null when absent.</summary>
    public static string? SharedCorpus
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("LOGFOLD_CORPUS");
            if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
            {
                return env;
            }

            var dir = Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus", "dev"));
            return Directory.Exists(dir) ? dir : null;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Logfold.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find Logfold.slnx above " + AppContext.BaseDirectory);
    }
}
