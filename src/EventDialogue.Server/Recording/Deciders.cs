using EventDialogue.Domain.Common;
using EventDialogue.Domain.Corrections;

namespace EventDialogue.Server.Recording;

/// <summary>Which aggregate decides a command: corrections their own, every other command its stream's.</summary>
public static class Deciders
{
    private static readonly IDecider Correction = new CorrectionDecider();

    public static IDecider For(IDomainCommand command) => command is CorrectionCommand
        ? Correction
        : AggregateDeciders.ForCategory(Streams.CategoryOf(command.Stream))
            ?? throw new InvalidOperationException($"no aggregate decides {command.GetType().Name}");

    /// <summary>The command field that names its stream, for errors about a malformed id.</summary>
    public static string IdFieldOf(IDomainCommand command) =>
        command is CorrectionCommand ? "target_stream" : $"{Streams.CategoryOf(command.Stream)}_id";
}
