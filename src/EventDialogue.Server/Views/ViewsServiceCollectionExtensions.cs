using EventDialogue.Domain.Common;
using EventDialogue.EventStore.Postgres.Views;
using EventDialogue.Projections.Coordination;
using EventDialogue.Projections.Engine;
using EventDialogue.Projections.Storage;
using EventDialogue.Projections.Views.Cases;
using EventDialogue.Projections.Views.Commitments;
using EventDialogue.Projections.Views.Rounds;
using EventDialogue.Projections.Views.Statements;
using EventDialogue.Projections.Views.Topics;

namespace EventDialogue.Server.Views;

public static class ViewsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the views, their projections and the host that runs them — in one process of those sharing a
    /// PostgreSQL schema, in this one on SQLite. The caller keeps ownership of the store.
    /// </summary>
    public static IServiceCollection AddViews(this IServiceCollection services, IViewStore views, ViewsOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(views);
        services.AddSingleton(options);
        static Domain.Common.IDomainEvent Read(string type, string json, int schemaVersion) => DomainEventJson.Deserialize(type, json, schemaVersion);
        services.AddSingleton<IProjection>(new RoundsProjection(Read));
        services.AddSingleton<IProjection>(new CaseFilesProjection(Read));
        services.AddSingleton<IProjection>(new CommitmentsProjection(Read));
        services.AddSingleton<IProjection>(new StatementsProjection(Read));
        services.AddSingleton<IProjection>(new TopicsProjection(Read));
        // The container creates the coordination, so it disposes it (closing its connection hands the lead on at once).
        services.AddSingleton<IProjectionCoordination>(_ => views is PostgresViewStore postgres ? postgres.Coordinate() : new SingleProcessCoordination());
        services.AddSingleton<ProjectionHost>();
        services.AddHostedService(sp => sp.GetRequiredService<ProjectionHost>());
        return services;
    }
}
