using Grpc.Net.Client;

namespace EventDialogue.Server.Tests.Hosting;

/// <summary>A started server as a test talks to it, whether a child process (<see cref="ServerProcess"/>) or in this process (InProcessServer, in the tests).</summary>
internal interface IServerUnderTest
{
    /// <summary>What the server logged (and, for a process, printed) so far.</summary>
    CapturedOutput Output { get; }

    /// <summary>A channel that calls with <see cref="ServerProcess.AdminKey"/>.</summary>
    GrpcChannel CreateChannel();

    /// <summary>A channel that calls with this key, or with none.</summary>
    GrpcChannel CreateChannel(string? apiKey);
}
