using EventDialogue.Server.Api;
using EventDialogue.Server.Api.Errors;
using EventDialogue.Server.Api.Views;
using EventDialogue.Server.EventStore;
using EventDialogue.Server.Views;

// The content root is the app's own folder, so appsettings.json is found whatever the working directory;
// relative data paths in the configuration stay relative to the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

// EVENTDIALOGUE_-prefixed variables override appsettings.json; the command line, added again after them, still wins.
builder.Configuration.AddEnvironmentVariables("EVENTDIALOGUE_").AddCommandLine(args);

EventStoreOptions storeOptions;
try
{
    storeOptions = EventStoreOptions.Read(builder.Configuration);
}
catch (EventStoreConfigurationException e)
{
    await Console.Error.WriteLineAsync($"EventDialogue.Server cannot start: {e.Message}");
    return 2;
}

if (!CallerIdentity.TryRead(builder.Configuration, out var caller, out var callerProblem))
{
    await Console.Error.WriteLineAsync($"EventDialogue.Server cannot start: {callerProblem}");
    return 2;
}

// Opened before the host is built, so no request can reach a store that is not open yet,
// and disposed here after the host has stopped: the container never disposes an instance it was handed.
await using var store = await EventStoreOpener.OpenAsync(storeOptions, TimeProvider.System);
builder.Services.AddEventStore(store);
await using var views = await EventStoreOpener.OpenViewsAsync(storeOptions);
builder.Services.AddViews(views);
builder.Services.AddSingleton(caller);
builder.Services.AddMediator((Mediator.MediatorOptions options) => options.ServiceLifetime = ServiceLifetime.Singleton);
builder.Services.AddGrpc(options => options.Interceptors.Add<ErrorMappingInterceptor>()).AddJsonTranscoding(options => options.TypeRegistry = TranscodingTypes.Registry);
builder.Services.AddGrpcReflection();
builder.Services.AddGrpcHealthChecks()
    .AddCheck<EventStoreHealthCheck>("event-store")
    .AddCheck<ProjectionsHealthCheck>("projections");

await using var app = builder.Build();
app.MapGrpcHealthChecksService();
app.MapGrpcReflectionService();
app.MapGrpcService<RecordingService>();
app.MapGrpcService<ViewsService>();
app.Logger.UsingEventStore(storeOptions.Description);

await app.RunAsync();
return 0;
