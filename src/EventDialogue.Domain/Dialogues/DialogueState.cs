using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Dialogues;

/// <summary>Whether a dialogue exists, as far as deciding what may be recorded of it.</summary>
public abstract record DialogueState
{
    private DialogueState()
    {
    }

    public sealed record NotEstablished : DialogueState;

    public sealed record Established : DialogueState;

    public static DialogueState Initial { get; } = new NotEstablished();

    public DialogueState After(IDomainEvent fact) => (this, fact) switch
    {
        (NotEstablished, DialogueEstablished) => new Established(),
        _ => this,
    };
}
