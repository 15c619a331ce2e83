using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Logfold.Hosting;

/// <summary>
/// Fails start-up when the configuration holds a <c>Logfold:*</c> section no options class binds, such as a
/// misspelled <c>Logfold:Stagee</c>. Unknown keys inside a known section are rejected by the binder itself.
/// </summary>
internal sealed class UnknownSectionsValidator(IConfiguration configuration, KnownSections known) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var unknown = new List<string>();
        foreach (var child in configuration.GetSection("Logfold").GetChildren())
        {
            if (!known.Contains(child.Path))
            {
                unknown.Add(child.Path);
            }
        }

        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"Unknown configuration section(s): {string.Join(", ", unknown)}. Known sections: {string.Join(", ", known.Sections.Order(StringComparer.Ordinal))}.");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
