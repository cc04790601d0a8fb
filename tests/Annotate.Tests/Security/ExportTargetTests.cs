using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Security;

/// <summary>`annotate export --out` replaces only what an earlier export wrote: a mistyped path never loses a file.</summary>
public sealed class ExportTargetTests
{
    [Fact]
    public async Task A_Folder_With_A_Readme_Of_Its_Own_Is_Refused_And_Kept_Whole()
    {
        using var app = new AnnotateApp();
        await app.SignedInClientAsync("Starter");
        var mine = Path.Combine(app.Folder, "thesis");
        Directory.CreateDirectory(Path.Combine(mine, "chapters"));
        await File.WriteAllTextAsync(Path.Combine(mine, "README.md"), "# My thesis");
        await File.WriteAllTextAsync(Path.Combine(mine, "chapters", "one.tex"), "\\chapter{One}");

        var (exit, _, error) = await AnnotateProcess.RunAsync("export", "--project", "default", "--out", mine, "--db", app.DatabasePath);

        Assert.Equal(2, exit);
        Assert.Contains("is not an export made by Annotate", error, StringComparison.Ordinal);
        Assert.Equal("# My thesis", await File.ReadAllTextAsync(Path.Combine(mine, "README.md")));
        Assert.Equal("\\chapter{One}", await File.ReadAllTextAsync(Path.Combine(mine, "chapters", "one.tex")));
    }

    [Fact]
    public async Task An_Earlier_Export_Is_Replaced_Only_While_It_Holds_Nothing_Else()
    {
        using var app = new AnnotateApp();
        await app.SignedInClientAsync("Starter");
        var target = Path.Combine(app.Folder, "brat-export");
        var first = await AnnotateProcess.RunAsync("export", "--project", "default", "--format", "brat", "--out", target, "--db", app.DatabasePath);
        var again = await AnnotateProcess.RunAsync("export", "--project", "default", "--format", "brat", "--out", target, "--db", app.DatabasePath);
        var nested = Directory.EnumerateDirectories(target).First();
        await File.WriteAllTextAsync(Path.Combine(nested, "my-notes.txt"), "keep me");

        var third = await AnnotateProcess.RunAsync("export", "--project", "default", "--format", "brat", "--out", target, "--db", app.DatabasePath);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.True(File.Exists(Path.Combine(target, ".annotate-export")));
        Assert.Equal(2, third.ExitCode);
        Assert.Contains("my-notes.txt", third.Error, StringComparison.Ordinal);
        Assert.Equal("keep me", await File.ReadAllTextAsync(Path.Combine(nested, "my-notes.txt")));
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(app.Folder), e => e.Contains(".partial", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Zip_That_Is_Not_An_Export_And_A_Folder_Named_Like_A_Partial_Export_Are_Left_Alone()
    {
        using var app = new AnnotateApp();
        await app.SignedInClientAsync("Starter");
        var zip = Path.Combine(app.Folder, "photos.zip");
        await File.WriteAllBytesAsync(zip, [0x50, 0x4B, 0x05, 0x06, .. new byte[18]]); // an empty zip archive of someone else's
        var partial = Path.Combine(app.Folder, "out.partial");
        Directory.CreateDirectory(partial);
        await File.WriteAllTextAsync(Path.Combine(partial, "draft.txt"), "mine");

        var overZip = await AnnotateProcess.RunAsync("export", "--project", "default", "--out", zip, "--db", app.DatabasePath);
        var beside = await AnnotateProcess.RunAsync("export", "--project", "default", "--out", Path.Combine(app.Folder, "out"), "--db", app.DatabasePath);
        var newZip = await AnnotateProcess.RunAsync("export", "--project", "default", "--out", Path.Combine(app.Folder, "default.zip"), "--db", app.DatabasePath);
        var overExportZip = await AnnotateProcess.RunAsync("export", "--project", "default", "--out", Path.Combine(app.Folder, "default.zip"), "--db", app.DatabasePath);

        Assert.Equal(2, overZip.ExitCode);
        Assert.Contains("is not an archive exported by Annotate", overZip.Error, StringComparison.Ordinal);
        Assert.Equal(22, new FileInfo(zip).Length);
        Assert.True(beside.ExitCode == 0, beside.Error);
        Assert.Equal("mine", await File.ReadAllTextAsync(Path.Combine(partial, "draft.txt")));
        Assert.True(newZip.ExitCode == 0, newZip.Error);
        Assert.True(overExportZip.ExitCode == 0, overExportZip.Error);
    }
}
