namespace EventDialogue.EventStore.Access;

public enum ApiKeyAddOutcome
{
    Added,

    /// <summary>A key of that name exists, or existed and was revoked: names are never reused, so recorded-by stays unambiguous.</summary>
    NameTaken,

    /// <summary>This very key (its hash) is stored already, under whatever name.</summary>
    AlreadyStored,
}
