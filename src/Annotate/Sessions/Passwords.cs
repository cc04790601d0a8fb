using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Annotate.Sessions;

/// <summary>
/// Password hashing with ASP.NET Core's <see cref="PasswordHasher{TUser}"/> (PBKDF2, salted, versioned), the rules
/// a new password must meet, and generated passwords. Passwords are never logged or stored in clear.
/// </summary>
internal static class Passwords
{
    public const int MinLength = 10;
    public const int MaxLength = 200;
    private static readonly PasswordHasher<object> Hasher = new();
    private static readonly object Nobody = new();

    public static string Hash(string password) => Hasher.HashPassword(Nobody, password);

    // Checked when there is no account by that name, so an unknown name costs the same time as a wrong password.
    private static readonly Lazy<string> Dummy = new(() => Hash(Generate()));

    /// <summary>Whether the password matches; with no hash (an unknown name) the hasher still runs, and says no.</summary>
    public static bool Verify(string? hash, string password) =>
        Hasher.VerifyHashedPassword(Nobody, hash ?? Dummy.Value, password) is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded
        && hash is not null;

    /// <summary>Why a new password is not acceptable, or null.</summary>
    public static string? Problem(string? password) => password switch
    {
        null or "" => "Enter a password.",
        { Length: < MinLength } => $"A password needs at least {MinLength} characters.",
        { Length: > MaxLength } => $"A password has at most {MaxLength} characters.",
        _ when password.Any(char.IsControl) => "A password cannot contain control characters.",
        _ => null,
    };

    /// <summary>A random password of 20 letters and digits (about 119 bits), for `annotate user add` without one.</summary>
    public static string Generate() => RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);
}
