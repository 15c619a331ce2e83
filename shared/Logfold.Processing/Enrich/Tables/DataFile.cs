namespace Logfold.Processing.Enrich.Tables;

/// <summary>Reads an enrichment data file with a size cap; every failure becomes an <see cref="EnrichmentDataException"/>.</summary>
internal static class DataFile
{
    /// <summary>The largest file accepted (256 MiB): a bigger one is almost certainly the wrong file.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>Reads the whole file as UTF-8 text.</summary>
    public static string ReadText(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new EnrichmentDataException($"{path}: the file does not exist.");
            }

            if (info.Length > MaxBytes)
            {
                throw new EnrichmentDataException($"{path}: the file is {info.Length} bytes, more than the {MaxBytes} allowed.");
            }

            return File.ReadAllText(path, System.Text.Encoding.UTF8);
        }
        catch (IOException ex)
        {
            throw new EnrichmentDataException($"{path}: cannot read the file: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new EnrichmentDataException($"{path}: cannot read the file: {ex.Message}", ex);
        }
    }

    /// <summary>An error at a line of a file.</summary>
    public static EnrichmentDataException Error(string path, int line, string message) => new($"{path}:{line}: {message}");
}
