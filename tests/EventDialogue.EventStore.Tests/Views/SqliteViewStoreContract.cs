using EventDialogue.EventStore.Sqlite.Views;
using EventDialogue.Projections.Storage;

namespace EventDialogue.EventStore.Tests.Views;

public sealed class SqliteViewStoreContract : ViewStoreContract, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"eventdialogue-views-{Guid.NewGuid():N}");

    protected override Task<IViewStore> OpenAsync()
    {
        Directory.CreateDirectory(_directory);
        return Task.FromResult<IViewStore>(SqliteViewStore.Open(Path.Combine(_directory, "views.sqlite")));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
