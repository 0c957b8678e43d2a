using Microsoft.AspNetCore.Authentication;

namespace EventDialogue.Server.Access.Jwt;

/// <summary>
/// The JWT handler's options read configuration through this service, which only the full AddAuthentication registers
/// (see AddAccess for why that is not used). It is given nothing: JWT settings come from Security:Jwt alone, checked
/// at start with the others, not also from ASP.NET Core's Authentication:Schemes section.
/// </summary>
public sealed class NoSchemeConfiguration : IAuthenticationConfigurationProvider
{
    public IConfiguration AuthenticationConfiguration { get; } = new ConfigurationBuilder().Build();
}
