using Annotate.Data;
using Dapper;

namespace Annotate.Classroom;

/// <summary>The teacher's short instruction: plain text (pages show it as text, never as HTML); empty clears it.</summary>
public sealed record InstructionRequest(string? Text);

/// <summary>The instruction as stored; null when the teacher wrote none.</summary>
public sealed record InstructionView(string? Text);

/// <summary>
/// A short plain-text instruction per project that the teacher writes on the class page and every student reads at
/// the top of "Your documents" (what to do, by when). Line breaks are kept; other control characters are refused.
/// </summary>
internal sealed class ClassInstruction(Db db)
{
    public const int MaxLength = 1000;

    /// <summary>What is wrong with the text, or null; the text is taken with Windows line ends made plain and trimmed.</summary>
    public static string? Problem(string text) =>
        text.Length > MaxLength ? $"Keep the instruction to {MaxLength} characters (this one has {text.Length})."
        : text.Any(c => char.IsControl(c) && c is not ('\n' or '\t')) ? "The instruction may contain line breaks but no other control characters."
        : null;

    public static string Normalize(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();

    public async Task<string?> GetAsync(string projectId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT Instruction FROM Projects WHERE Id = @Id;", new { Id = projectId }, cancellationToken: cancellationToken));
    }

    /// <summary>Stores the (normalized, checked) text; an empty one removes the instruction.</summary>
    public Task SetAsync(string projectId, string text, CancellationToken cancellationToken) =>
        db.WriteAsync((c, t) => c.ExecuteAsync("UPDATE Projects SET Instruction = @Text WHERE Id = @Id;",
            new { Id = projectId, Text = text.Length == 0 ? null : text }, t), cancellationToken);
}
