using EventDialogue.Server.Tests.Hosting;

namespace EventDialogue.Server.Tests.Access.Jwt;

/// <summary>JWT and client-certificate settings that cannot work stop the start, naming the setting (exit code 2).</summary>
public sealed class AccessStartupTests
{
    [Theory]
    [InlineData("Security:Jwt:Authority=https://login.example.org/", "Security:Jwt:Audience=records", "Security:Jwt:Audience is 'records'; give an absolute http(s) URI")]
    [InlineData("Security:Jwt:Authority=http://login.example.org/", "Security:Jwt:Audience=https://records.example.org/", "http is accepted only for an issuer on loopback")]
    [InlineData("Security:Jwt:Audience=https://records.example.org/", "Security:Jwt:NameClaim=sub", "Security:Jwt:Authority is not")]
    [InlineData("Security:ClientCertificates:Principals:desk:Thumbprint=AB", "Security:ClientCertificates:Principals:desk:Roles=recorder", "Security:Tls:ClientCertificates does not ask clients for one")]
    [InlineData("Security:Jwt:Authority=https://login.example.org/", "Security:Jwt:Audences=https://records.example.org/", "unknown setting Security:Jwt:Audences")]
    public async Task Given_an_unusable_access_setting_when_the_server_starts_then_it_exits_2_saying_what_is_wrong(string first, string second, string expected)
    {
        using var workingDirectory = new TempDirectory();
        var settings = new[] { first, second }.Select(setting => setting.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);
        await using var server = ServerProcess.Start(workingDirectory.Path, settings);

        var exitCode = await server.WaitForExitAsync(Timeouts.ServerExit);

        var output = server.Output.ToString();
        Assert.True(exitCode == 2, output);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }
}
