namespace EventDialogue.Server.Tests.Hosting;

public sealed class FreePortsTests
{
    [Fact]
    public void A_port_once_given_is_never_given_again_in_the_same_test_process()
    {
        // Taken one at a time, each freed before the next is asked for: the OS alone would soon hand one out again.
        var ports = Enumerable.Range(0, 400).SelectMany(_ => FreePorts.Take(1)).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
    }
}
