namespace EventDialogue.Server.Tests.Hosting;

internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Create();

    public static string Create() => Directory.CreateTempSubdirectory("eventdialogue-server-tests-").FullName;

    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing a green run over it would not be.
        }
    }

    public void Dispose() => Delete(Path);
}
