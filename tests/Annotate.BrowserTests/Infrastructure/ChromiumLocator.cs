namespace Annotate.BrowserTests.Infrastructure;

/// <summary>
/// Finds a Chromium to drive: CHROMIUM_PATH, then the system's (Debian's /usr/bin/chromium), then Playwright's own
/// build, installed on first use. Never returns "no browser": a test run without one fails and says how to fix it.
/// </summary>
public static class ChromiumLocator
{
    private static readonly string[] SystemPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
    private static readonly Lazy<string?> Located = new(Locate);

    /// <summary>The executable to launch, or null to launch Playwright's installed Chromium.</summary>
    public static string? ExecutablePath => Located.Value;

    private static string? Locate()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured)
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"CHROMIUM_PATH is set to '{configured}', but no file exists there. {Remedies}");
        }

        if (SystemPaths.FirstOrDefault(File.Exists) is { } system)
        {
            return system;
        }

        // No system browser: fetch Playwright's own (needs its download host; a no-op when already installed).
        int exitCode;
        try
        {
            exitCode = Microsoft.Playwright.Program.Main(["install", "chromium"]);
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"No Chromium found and installing Playwright's Chromium failed: {ex.Message} {Remedies}", ex);
        }

        return exitCode == 0
            ? null
            : throw new InvalidOperationException($"No Chromium found and 'playwright install chromium' exited with code {exitCode}. {Remedies}");
    }

    public const string Remedies =
        "Either install Chromium (Debian/Ubuntu: 'apt-get install -y chromium') or set CHROMIUM_PATH to a Chromium or Chrome executable; " +
        "or allow Playwright to download its own browser ('pwsh tests/Annotate.BrowserTests/bin/Debug/net10.0/playwright.ps1 install chromium', " +
        "which the browser tests also try by themselves).";
}
