namespace EventDialogue.Server.Tests.Hosting;

/// <summary>Upper bounds only: every wait ends as soon as its condition holds. Generous for a loaded 2-core CI machine.</summary>
internal static class Timeouts
{
    public static readonly TimeSpan ServerStart = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan ServerExit = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan Call = TimeSpan.FromSeconds(10);
}
