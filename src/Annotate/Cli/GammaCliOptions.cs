using System.CommandLine;
using System.Globalization;
using Annotate.Agreement.Spans.Gamma;

namespace Annotate.Cli;

/// <summary>`--gamma` and its settings for `annotate agreement --spans FILE`: gamma of the spans (Mathet et al. 2015).</summary>
internal sealed class GammaCliOptions
{
    public Option<bool> Gamma { get; } = new("--gamma") { Description = "With --spans: gamma (Mathet et al. 2015), as pygamma-agreement computes it." };

    public Option<double?> Alpha { get; } = new("--gamma-alpha") { Description = "With --gamma: weight of the positional dissimilarity, 0 or more (default 1).", HelpName = "A" };

    public Option<double?> Beta { get; } = new("--gamma-beta") { Description = "With --gamma: weight of the categorical dissimilarity, 0 or more (default 1).", HelpName = "B" };

    public Option<int?> Samples { get; } = new("--gamma-samples") { Description = "With --gamma: random continua for the expected disorder, 1 to 10,000 (default 30).", HelpName = "N" };

    public Option<string?> Sampler { get; } = new("--gamma-sampler") { Description = "With --gamma: statistical (pygamma's default) or shuffle (the paper's).", HelpName = "KIND" };

    public Option<int?> Seed { get; } = new("--seed") { Description = "With --gamma: seed of the random continua, for a reproducible result (default 0).", HelpName = "S" };

    public IEnumerable<Option> All => [Gamma, Alpha, Beta, Samples, Sampler, Seed];

    /// <summary>The gamma options asked for, null without --gamma, or the one-line reason they are refused.</summary>
    public (GammaOptions? Options, string? Error) Read(ParseResult result, bool spans)
    {
        var alpha = result.GetValue(Alpha);
        var beta = result.GetValue(Beta);
        var samples = result.GetValue(Samples);
        var sampler = result.GetValue(Sampler);
        var seed = result.GetValue(Seed);
        if (!result.GetValue(Gamma))
        {
            return alpha is not null || beta is not null || samples is not null || sampler is not null || seed is not null
                ? (null, "--gamma-alpha, --gamma-beta, --gamma-samples, --gamma-sampler and --seed apply to --gamma; add --gamma.")
                : (null, null);
        }

        if (!spans)
        {
            return (null, "--gamma applies to --spans FILE.");
        }

        if (alpha is { } a && (!double.IsFinite(a) || a < 0) || beta is { } b && (!double.IsFinite(b) || b < 0))
        {
            return (null, "--gamma-alpha and --gamma-beta are weights of 0 or more.");
        }

        if (samples is < 1 or > GammaOptions.MaxSamples)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"--gamma-samples takes 1 to {GammaOptions.MaxSamples:N0} samples; {samples} was given."));
        }

        if (sampler is not (null or "statistical" or "shuffle"))
        {
            return (null, $"--gamma-sampler takes statistical or shuffle; '{sampler}' was given.");
        }

        return (new GammaOptions(Alpha: alpha ?? 1, Beta: beta ?? 1, Samples: samples ?? 30, Seed: seed ?? 0, Sampler: sampler == "shuffle" ? GammaSampler.Shuffle : GammaSampler.Statistical), null);
    }
}
