using Logfold.Processing.Enrich.Tables;

namespace Logfold.Processing.Enrich.ThreatIntel;

/// <summary>
/// Creates <c>threat_intel</c> enrichers from one feed in <c>Path</c> and/or several in <c>Paths</c>; each feed
/// reloads on its own. Settings (all optional): <c>Format</c> (Auto, Plain, Csv, Stix, Misp; default Auto, decided
/// per file), <c>Provider</c> (only with a single feed; default: the file name), <c>DefaultConfidence</c>,
/// <c>MispToIdsOnly</c>, the CSV column names (<c>IndicatorColumn</c>, <c>TypeColumn</c>, <c>ProviderColumn</c>,
/// <c>ConfidenceColumn</c>, <c>DescriptionColumn</c>, <c>FirstSeenColumn</c>, <c>NameColumn</c>), the fields checked
/// (<c>IpFields</c>, <c>DomainFields</c>, <c>UrlFields</c>, <c>HashFields</c>, comma-separated), <c>Tag</c> and
/// <c>MaxEnrichments</c>.
/// </summary>
internal sealed class ThreatIntelEnricherFactory : IEnricherFactory
{
    private static readonly string[] Known =
    [
        "Format", "Provider", "DefaultConfidence", "MispToIdsOnly", "IndicatorColumn", "TypeColumn", "ProviderColumn", "ConfidenceColumn",
        "DescriptionColumn", "FirstSeenColumn", "NameColumn", "IpFields", "DomainFields", "UrlFields", "HashFields", "Tag", "MaxEnrichments",
    ];

    public string Type => "threat_intel";

    public IEnumerable<string> Validate(EnricherOptions options)
    {
        var problems = new List<string>(EnrichSupport.UnknownSettings(options, Known));
        var paths = FeedPaths(options);
        if (paths.Count == 0)
        {
            problems.Add("Path or Paths is required (indicator feed files).");
        }

        if (paths.Exists(string.IsNullOrWhiteSpace))
        {
            problems.Add("Paths has an empty entry.");
        }

        if (options.Setting("Provider") is not null && paths.Count > 1)
        {
            problems.Add("Settings:Provider names one feed's provider; with several feeds each is named after its file.");
        }

        if (options.Setting("Format") is { } format && !Enum.TryParse<ThreatFeedFormat>(format, ignoreCase: true, out _))
        {
            problems.Add($"Settings:Format '{format}' is not one of Auto, Plain, Csv, Stix, Misp.");
        }

        if (options.Setting("DefaultConfidence") is { } confidence && IndicatorText.Confidence(confidence) is null)
        {
            problems.Add($"Settings:DefaultConfidence '{confidence}' is not None/Low/Medium/High or 0-100.");
        }

        problems.AddRange(SettingParse.CheckBool(options, "MispToIdsOnly"));
        problems.AddRange(SettingParse.CheckInt(options, "MaxEnrichments", 1, 100));
        foreach (var key in (ReadOnlySpan<string>)["IpFields", "DomainFields", "UrlFields", "HashFields"])
        {
            problems.AddRange(SettingParse.CheckFields(options, key));
        }

        return problems;
    }

    public IEnricher Create(EnricherOptions options, EnricherContext context)
    {
        var paths = FeedPaths(options);
        var feeds = new IDataSnapshot<ThreatIntelTable>[paths.Count];
        for (var i = 0; i < paths.Count; i++)
        {
            var feed = FeedSettings(options);
            feeds[i] = context.OpenFile(paths[i], p => ThreatIntelTable.Load(With(feed, p)));
        }

        return new ThreatIntelEnricher(options.Name, feeds, Settings(options), context.Time);
    }

    internal static ThreatIntelSettings Settings(EnricherOptions options)
    {
        var settings = new ThreatIntelSettings
        {
            Tag = options.Settings.TryGetValue("Tag", out var tag) ? tag.Trim() : "threat-intel-match",
            MaxEnrichments = SettingParse.Int(options, "MaxEnrichments", 16, 1, 100) ?? 16,
        };
        settings.IpFields = SettingParse.List(options, "IpFields") ?? settings.IpFields;
        settings.DomainFields = SettingParse.List(options, "DomainFields") ?? settings.DomainFields;
        settings.UrlFields = SettingParse.List(options, "UrlFields") ?? settings.UrlFields;
        settings.HashFields = SettingParse.List(options, "HashFields") ?? settings.HashFields;
        return settings;
    }

    private static ThreatFeedSettings FeedSettings(EnricherOptions options)
    {
        var feed = new ThreatFeedSettings
        {
            Format = Enum.TryParse<ThreatFeedFormat>(options.Setting("Format"), ignoreCase: true, out var format) ? format : ThreatFeedFormat.Auto,
            Provider = options.Setting("Provider"),
            DefaultConfidence = options.Setting("DefaultConfidence"),
            MispToIdsOnly = EnrichSupport.BoolSetting(options, "MispToIdsOnly", true) ?? true,
        };
        feed.IndicatorColumn = options.Setting("IndicatorColumn") ?? feed.IndicatorColumn;
        feed.TypeColumn = options.Setting("TypeColumn") ?? feed.TypeColumn;
        feed.ProviderColumn = options.Setting("ProviderColumn") ?? feed.ProviderColumn;
        feed.ConfidenceColumn = options.Setting("ConfidenceColumn") ?? feed.ConfidenceColumn;
        feed.DescriptionColumn = options.Setting("DescriptionColumn") ?? feed.DescriptionColumn;
        feed.FirstSeenColumn = options.Setting("FirstSeenColumn") ?? feed.FirstSeenColumn;
        feed.NameColumn = options.Setting("NameColumn") ?? feed.NameColumn;
        return feed;
    }

    private static ThreatFeedSettings With(ThreatFeedSettings feed, string path) => new()
    {
        Path = path,
        Format = feed.Format,
        Provider = feed.Provider,
        DefaultConfidence = feed.DefaultConfidence,
        MispToIdsOnly = feed.MispToIdsOnly,
        IndicatorColumn = feed.IndicatorColumn,
        TypeColumn = feed.TypeColumn,
        ProviderColumn = feed.ProviderColumn,
        ConfidenceColumn = feed.ConfidenceColumn,
        DescriptionColumn = feed.DescriptionColumn,
        FirstSeenColumn = feed.FirstSeenColumn,
        NameColumn = feed.NameColumn,
    };

    private static List<string> FeedPaths(EnricherOptions options)
    {
        var paths = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Path))
        {
            paths.Add(options.Path);
        }

        paths.AddRange(options.Paths);
        return paths;
    }
}
