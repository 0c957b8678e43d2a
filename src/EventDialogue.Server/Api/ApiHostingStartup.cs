using EventDialogue.Server.Api;
using EventDialogue.Server.Api.Http;
using EventDialogue.Server.Api.Views.Common;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.DependencyInjection.Extensions;

[assembly: HostingStartup(typeof(ApiHostingStartup))]

namespace EventDialogue.Server.Api;

/// <summary>
/// The API's own services, which the web host adds from this assembly as it starts (ASP.NET Core runs the
/// application assembly's hosting startups before Program's own registrations), so that the checks which must run
/// before gRPC reads a request stay with the API rather than in the composition root.
/// </summary>
public sealed class ApiHostingStartup : IHostingStartup
{
    public void Configure(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureServices(services =>
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, QueryParameterPolicy>());

            // Read from the finished configuration (command line and environment included), once per process.
            services.TryAddSingleton(provider => PageTokenKey.From(provider.GetRequiredService<IConfiguration>()));
        });
    }
}
