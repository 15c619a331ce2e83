namespace Logfold.Hosting;

/// <summary>The configuration sections a service binds; anything else under <c>Logfold</c> is an error at start.</summary>
internal sealed class KnownSections
{
    private readonly HashSet<string> _sections = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Sections => _sections;

    public void Add(string sectionName) => _sections.Add(sectionName);

    public bool Contains(string sectionName) => _sections.Contains(sectionName);
}
