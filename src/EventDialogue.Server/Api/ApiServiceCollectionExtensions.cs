using EventDialogue.Server.Api.Http;
using EventDialogue.Server.Api.Views.Common;
using EventDialogue.Server.History.Reads;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EventDialogue.Server.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// The API's own services: the check of HTTP query parameters, which must run before JSON transcoding binds them,
    /// the key that signs page tokens and how far a history subscriber may lag, read once from the finished configuration,
    /// and the rounds answered since the rounds view last moved.
    /// </summary>
    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, QueryParameterPolicy>());
        services.TryAddSingleton(provider => PageTokenKey.From(provider.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton(provider => SubscriberLagLimit.From(provider.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton<KeptAnswers>();
        return services;
    }
}
