namespace EventDialogue.Domain.Common;

/// <summary>
/// The stable name an event is stored under (e.g. <c>CaseRaised</c>). It is part of the stored format: renaming the
/// class does not change history, changing this name does.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
