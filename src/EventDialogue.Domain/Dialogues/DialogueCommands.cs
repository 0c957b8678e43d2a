using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Dialogues;

public abstract record DialogueCommand(string DialogueId) : IDomainCommand
{
    public string Stream => Streams.Dialogue(DialogueId);

    public virtual IEnumerable<string> References => [];
}

/// <param name="Established">When the track began (EDTF), if known.</param>
/// <param name="ParentDialogueId">The dialogue this track grew out of (the legal experts dialogue came out of the human-rights dialogue).</param>
public sealed record EstablishDialogue(
    string DialogueId,
    string Name,
    IReadOnlyList<string> Parties,
    string? Established = null,
    string? Cadence = null,
    string? ParentDialogueId = null,
    Citation? Source = null) : DialogueCommand(DialogueId)
{
    public override IEnumerable<string> References =>
        new[] { Source is null ? null : Streams.Source(Source.SourceId), ParentDialogueId is null ? null : Streams.Dialogue(ParentDialogueId) }.OfType<string>();
}

/// <summary>Records how far the dialogue's sources were reviewed (see <see cref="DialogueSourcesReviewed"/>).</summary>
public sealed record ReviewDialogueSources(string DialogueId, string ReviewedUpTo, string Detail, Citation Source) : DialogueCommand(DialogueId)
{
    public override IEnumerable<string> References => [Streams.Source(Source?.SourceId ?? string.Empty)];
}
