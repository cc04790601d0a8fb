namespace Annotate.Agreement;

/// <summary>
/// An agreement coefficient that is either a number or undefined for the given data.
/// Undefined coefficients carry <see cref="double.NaN"/> and a reason, never a misleading 1 or 0.
/// </summary>
/// <param name="Value">The coefficient, or <see cref="double.NaN"/> when undefined.</param>
/// <param name="Undefined">Why the coefficient is undefined; <see langword="null"/> when it is defined.</param>
public readonly record struct Coefficient(double Value, string? Undefined)
{
    /// <summary>Whether the coefficient has a value for the data it was computed on.</summary>
    public bool IsDefined => Undefined is null;

    /// <summary>A defined coefficient.</summary>
    public static Coefficient Of(double value) => new(value, null);

    /// <summary>An undefined coefficient (<see cref="double.NaN"/>) with the reason.</summary>
    public static Coefficient NotDefined(string reason) => new(double.NaN, reason);
}
