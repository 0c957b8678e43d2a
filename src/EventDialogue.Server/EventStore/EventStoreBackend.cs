namespace EventDialogue.Server.EventStore;

public enum EventStoreBackend
{
    Sqlite,
    Postgres,
}
