using EventDialogue.Domain.Common;
using EventDialogue.EventStore;
using Mediator;

namespace EventDialogue.Server.Recording;

/// <summary>
/// Records a domain command: the stream is read and folded, the decision made, its events appended.
/// </summary>
/// <param name="Command">What to record.</param>
/// <param name="RequestId">The caller's id for this request: a retry with the same id records nothing new and returns the first result.</param>
/// <param name="ExpectedRevision">The revision the caller last saw, if it wants the append to fail when the stream has moved on.</param>
/// <param name="RecordedBy">Who is recording; never blank.</param>
public sealed record RecordCommand(IDomainCommand Command, string RequestId, ExpectedRevision? ExpectedRevision, string RecordedBy) : ICommand<Recorded>;

/// <summary>
/// Where the command's events went: the stream, its revision after them, and the global position of the last;
/// <paramref name="Replayed"/> when the request had been recorded before and this call wrote nothing.
/// </summary>
public sealed record Recorded(string Stream, long Revision, long Position, int EventCount, bool Replayed = false);
