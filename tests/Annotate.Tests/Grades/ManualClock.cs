namespace Annotate.Tests.Grades;

/// <summary>The app's clock, moved by the test: starts at the real time (sign-in cookies stay valid) and only goes forward.</summary>
internal sealed class ManualClock : TimeProvider
{
    private DateTimeOffset now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow()
    {
        lock (this)
        {
            return now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (this)
        {
            now += by;
        }
    }
}
