namespace Annotate.Corpus;

/// <summary>A file that could not be loaded, or loaded with a caveat. Paths are relative to the corpus root.</summary>
public sealed record CorpusProblem(string Path, string Code, string Message, string Severity)
{
    public const string Error = "error";
    public const string Warning = "warning";

    public static CorpusProblem Fail(string path, string code, string message) => new(path, code, message, Error);

    public static CorpusProblem Warn(string path, string code, string message) => new(path, code, message, Warning);
}

/// <summary>Thrown by the parsers for a file that cannot be loaded; carries the precise reason.</summary>
internal sealed class CorpusFileException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
