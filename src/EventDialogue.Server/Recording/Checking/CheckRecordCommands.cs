using Mediator;

namespace EventDialogue.Server.Recording.Checking;

/// <summary>Decides commands in turn, each on the state the ones before it would leave, and records none of them.</summary>
public sealed record CheckRecordCommands(IReadOnlyList<RecordCommand> Commands) : IQuery<CommandsChecked>;

/// <summary>Every command would be accepted: this many would record something new, this many were recorded before.</summary>
public sealed record CommandsChecked(int NewCount, int ReplayedCount);

/// <summary>The command at <paramref name="index"/> (0-based) of a checked sequence would be refused, as <paramref name="refusal"/> says.</summary>
public sealed class CommandRefusedInCheckException(int index, Exception refusal)
    : Exception($"requests[{index}]: {refusal.Message}", refusal)
{
    public int Index { get; } = index;

    public Exception Refusal { get; } = refusal;
}
