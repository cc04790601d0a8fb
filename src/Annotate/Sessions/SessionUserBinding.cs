namespace Annotate.Sessions;

/// <summary>The signed-in person.</summary>
public sealed partial record SessionUser
{
    /// <summary>
    /// Lets a handler take the caller as a parameter (<c>SessionUser me</c>) instead of reading the claims itself.
    /// Only for routes that require a signed-in caller: there is always one (else the answer is 400).
    /// </summary>
    public static ValueTask<SessionUser?> BindAsync(HttpContext context) => ValueTask.FromResult(SessionUsers.From(context.User));
}
