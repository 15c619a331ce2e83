namespace Logfold.Cli.Kafka;

/// <summary>
/// Reads a <c>--command-config</c> file: librdkafka properties as <c>key=value</c> lines, like the Kafka tools'
/// client property files. Blank lines and lines starting with <c>#</c> or <c>!</c> are comments. Keys and values
/// are trimmed; a value may contain <c>=</c>. A line without <c>=</c> or with an empty key is an error.
/// </summary>
internal static class CommandConfigFile
{
    public static Dictionary<string, string> Parse(TextReader reader, string displayName)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var trimmed = line.AsSpan().Trim();
            if (trimmed.IsEmpty || trimmed[0] is '#' or '!')
            {
                continue;
            }

            var eq = trimmed.IndexOf('=');
            if (eq <= 0)
            {
                throw new CliUsageException($"{displayName}:{lineNumber}: expected key=value.");
            }

            var key = trimmed[..eq].Trim().ToString();
            if (key.Length == 0)
            {
                throw new CliUsageException($"{displayName}:{lineNumber}: empty key.");
            }

            properties[key] = trimmed[(eq + 1)..].Trim().ToString();
        }

        return properties;
    }

    public static Dictionary<string, string> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliUsageException($"--command-config '{path}' does not exist.");
        }

        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }
}
