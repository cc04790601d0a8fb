namespace Annotate.Projects;

/// <summary>Who sees whose annotations: blind (only one's own), open (everyone's), reveal (the teacher's switch after a blind round).</summary>
public static class Visibility
{
    public const string Blind = "blind";
    public const string Open = "open";
    public const string Reveal = "reveal";

    public static readonly string[] All = [Blind, Open, Reveal];

    public static bool SharesWork(string visibility) => visibility != Blind;
}
