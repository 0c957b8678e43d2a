using EventDialogue.Api.V1;
using EventDialogue.EventStore.Restore;
using Mediator;

namespace EventDialogue.Server.History.Restore;

/// <summary>Restores an exported log, its events read as the client sends them, into the empty store.</summary>
public sealed record RestoreHistoryCommand(IAsyncEnumerable<HistoryEvent> Events) : ICommand<RestoreResult>;
