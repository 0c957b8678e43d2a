namespace EventDialogue.EventStore;

public enum Direction
{
    Forwards,
    Backwards,
}
