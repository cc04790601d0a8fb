using Annotate.AgreementReports;
using Annotate.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Annotate.Tests.Hosting;

/// <summary>A setting out of range is refused with its name and range, never quietly bent into range.</summary>
public class OptionsValidationTests
{
    [Theory]
    [InlineData("5")]
    [InlineData("0")]
    [InlineData("NaN")]
    public void A_Live_Check_Interval_Outside_Its_Range_Is_Refused_By_Name(string seconds)
    {
        var error = Assert.Throws<OptionsValidationException>(() => OptionsWith("LiveCheckSeconds", seconds));

        Assert.Contains("Annotate:LiveCheckSeconds must be between 0.05 and 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Default_And_A_Shorter_Live_Check_Are_Taken_As_Given()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), OptionsWith("MaxFileSizeBytes", "1000").LiveCheckInterval);
        Assert.Equal(TimeSpan.FromSeconds(0.2), OptionsWith("LiveCheckSeconds", "0.2").LiveCheckInterval);
    }

    [Fact]
    public void A_Negative_Agreement_Cache_Is_Refused_By_Name_And_The_Default_Keeps_A_Quarter_Million_Annotations()
    {
        static AgreementCacheOptions With(string? value)
        {
            var settings = value is null ? [] : new Dictionary<string, string?> { ["Annotate:Agreement:CachedAnnotations"] = value };
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddAgreementCacheOptions().BuildServiceProvider();
            return services.GetRequiredService<IOptions<AgreementCacheOptions>>().Value;
        }

        var error = Assert.Throws<OptionsValidationException>(() => With("-1"));

        Assert.Contains("Annotate:Agreement:CachedAnnotations must be 0 or more", error.Message, StringComparison.Ordinal);
        Assert.Equal(250_000, With(null).CachedAnnotations);
        Assert.Equal(0, With("0").CachedAnnotations);
    }

    private static AnnotateOptions OptionsWith(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [$"Annotate:{key}"] = value }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddAnnotateOptions().BuildServiceProvider();
        return services.GetRequiredService<IOptions<AnnotateOptions>>().Value;
    }
}
