using EventDialogue.Server.Access;
using EventDialogue.Server.Api.Analysis;
using EventDialogue.Server.Api;
using EventDialogue.Server.Api.Audit;
using EventDialogue.Server.Api.Errors;
using EventDialogue.Server.Api.EventStoreDb;
using EventDialogue.Server.Api.History;
using EventDialogue.Server.Api.Keys;
using EventDialogue.Server.Api.Views;
using EventDialogue.Server.EventStore;
using EventDialogue.Server.History.Reads;
using EventDialogue.Server.Hosting;
using EventDialogue.Server.Integrity;
using EventDialogue.Server.Limits;
using EventDialogue.Server.Recording;
using EventDialogue.Server.Recording.Batching;
using EventDialogue.Server.Transport;
using EventDialogue.Server.Views;
using EventDialogue.Server.Web;
using Microsoft.AspNetCore.Hosting.Server;

// Read before the host is created: .NET's own command-line reading ignores what it does not understand, or throws.
var arguments = ServerArguments.Read(args);
if (arguments.WantsHelp)
{
    var defaults = new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json", optional: true).Build();
    await Console.Out.WriteAsync(ServerHelp.Text(defaults));
    return 0;
}

if (arguments.Problem is not null)
{
    await Console.Error.WriteLineAsync($"EventDialogue.Server cannot start: {arguments.Problem}");
    return 2;
}

// The content root is the app's own folder, so appsettings.json is found whatever the working directory;
// relative data paths in the configuration stay relative to the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

// EVENTDIALOGUE_-prefixed variables override appsettings.json; the command line, added again after them, still wins.
builder.Configuration.AddEnvironmentVariables(ServerSetting.EnvironmentPrefix).AddCommandLine(args);
var startFailureLogging = new StartFailureLogging();
startFailureLogging.Apply(builder.Logging);

if (UnknownSettings.Find(builder.Configuration) is { } unknownSetting)
{
    await Console.Error.WriteLineAsync($"EventDialogue.Server cannot start: {unknownSetting}");
    return 2;
}

TransportOptions transport;
LimitOptions limits;
ViewsOptions viewsOptions;
try
{
    transport = TransportOptions.Read(builder.Configuration);
    limits = LimitOptions.Read(builder.Configuration);
    viewsOptions = ViewsOptions.Read(builder.Configuration);
}
catch (Exception e) when (e is TransportStartException or InvalidOperationException)
{
    await Console.Error.WriteLineAsync($"EventDialogue.Server cannot start: {e.Message}");
    return 2;
}

using var serverCertificate = transport.ServerCertificate;
builder.WebHost.ConfigureKestrel(kestrel => KestrelTransport.Apply(kestrel, transport, limits));

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

SecurityOptions securityOptions;
try
{
    securityOptions = SecurityOptions.Read(builder.Configuration);
}
catch (AccessStartException e)
{
    await Console.Error.WriteLineAsync($"EventDialogue.Server cannot start: {e.Message}");
    return 2;
}

IntegrityOptions integrityOptions;
bool signingKeyCreated;
LogSigningKey signingKey;
try
{
    integrityOptions = IntegrityOptions.Read(builder.Configuration, storeOptions);
    (var noteKey, signingKeyCreated) = SigningKeyFile.LoadOrCreate(integrityOptions.SigningKeyPath, integrityOptions.LogName);
    signingKey = new LogSigningKey(noteKey);
}
catch (IntegrityStartException e)
{
    await Console.Error.WriteLineAsync($"EventDialogue.Server cannot start: {e.Message}");
    return 2;
}

using var ownedSigningKey = signingKey;

// Opened before the host is built, so no request can reach a store that is not open yet,
// and disposed here after the host has stopped: the container never disposes an instance it was handed.
await using var store = await EventStoreOpener.OpenAsync(storeOptions, TimeProvider.System);
var head = await store.ReadHeadPositionAsync();
builder.Services.AddEventStore(store);
await using var views = await EventStoreOpener.OpenViewsAsync(storeOptions, store);
builder.Services.AddViews(views, viewsOptions);
await using var apiKeys = await EventStoreOpener.OpenApiKeysAsync(storeOptions);
FirstAdminKey.Outcome firstKey;
try
{
    firstKey = await FirstAdminKey.EnsureAsync(apiKeys, securityOptions, TimeProvider.System);
}
catch (AccessStartException e)
{
    await Console.Error.WriteLineAsync($"EventDialogue.Server cannot start: {e.Message}");
    return 2;
}

if (firstKey.Secret is { } secret)
{
    // On stdout, once, never logged, and at once (a start that fails later must not lose it): the store keeps only
    // its hash, so this is the one chance to copy it.
    await Console.Out.WriteLineAsync(FirstAdminKeyNotice.Text(securityOptions.AdminKeyName, secret));
}

builder.Services.AddAccess(apiKeys, securityOptions);
builder.Services.AddWeb();
builder.Services.AddIntegrity(store, signingKey, integrityOptions);
builder.Services.AddApi();
builder.Services.AddMediator((Mediator.MediatorOptions options) =>
{
    options.ServiceLifetime = ServiceLifetime.Singleton;

    // What every recorded command goes through, in this order: measured (refusals too), then logged once recorded.
    options.PipelineBehaviors = [typeof(RecordingMetrics), typeof(RecordingLog), typeof(BatchRecordingMetrics)];
});
builder.Services.AddSingleton<RecordingInstruments>();
builder.Services.AddSingleton(limits);
builder.Services.AddSingleton<CallRateLimiter>();
builder.Services.AddGrpc(options =>
    {
        options.Interceptors.Add<ErrorMappingInterceptor>();
        if (limits.RateLimitCalls > 0)
        {
            options.Interceptors.Add<RateLimitInterceptor>();
        }

        options.MaxReceiveMessageSize = limits.MaxReceiveMessageBytes;
        options.MaxSendMessageSize = limits.MaxSendMessageBytes;
    }).AddJsonTranscoding(options => options.TypeRegistry = TranscodingTypes.Registry);
builder.Services.AddGrpcReflection();
builder.Services.AddGrpcHealthChecks(options =>
    {
        // A log found inconsistent must not take the server out of service (auditors need to read it): it shows on
        // the "integrity" service alone, not in the whole server's status.
        options.Services.Map(string.Empty, check => check.Name != IntegrityHealthCheck.Name);
        options.Services.Map(IntegrityHealthCheck.Name, check => check.Name == IntegrityHealthCheck.Name);
    })
    .AddCheck<EventStoreHealthCheck>("event-store")
    .AddCheck<ProjectionsHealthCheck>("projections")
    .AddCheck<IntegrityHealthCheck>(IntegrityHealthCheck.Name);

await using var app = builder.Build();
app.UseMessageSizeRefusalLog();

// Who is calling is known before anything else reads the request; each RPC's policy comes from RpcAccessTable.
app.UseMiddleware<StoreOutageBeforeCalls>();
app.UseWebAssets();
app.UseAuthentication();
app.UseAuthorization();
app.MapGrpcHealthChecksService().WithRpcAccess();
if (securityOptions.Reflection)
{
    app.MapGrpcReflectionService().WithRpcAccess();
}

app.MapGrpcService<RecordingService>().WithRpcAccess();
app.MapGrpcService<ViewsService>().WithRpcAccess();
app.MapGrpcService<AnalysisService>().WithRpcAccess();
app.MapGrpcService<HistoryService>().WithRpcAccess();
app.MapGrpcService<AuditService>().WithRpcAccess();
app.MapGrpcService<KeysService>().WithRpcAccess();

// EventStoreDB's read side, so that its own clients replay and follow our history (docs/eventstoredb.md).
app.MapGrpcService<StreamsService>().WithRpcAccess();
app.MapGrpcService<ServerFeaturesService>().WithRpcAccess();

// The web page for analysts and auditors (README "Web page"), on the same endpoints, signed in with an API key.
app.MapWeb();

try
{
    // Read now, so that a bad value stops the start rather than the first subscription.
    _ = app.Services.GetRequiredService<SubscriberLagLimit>();
    await app.StartAsync();
}
catch (IOException e) when (PortInUse.Describe(e, app.Configuration) is { } portInUse)
{
    await Console.Error.WriteLineAsync(portInUse);
    return 2;
}
catch (Exception e)
{
    // Logged here rather than by the host (held back while starting), so that every start failure ends the same way.
    app.Logger.CannotStart(e);
    return 1;
}

startFailureLogging.Started();
StartupReport.Log(app.Logger, app.Services.GetRequiredService<IServer>(), app.Configuration, storeOptions.Description, head, storeOptions.ViewsDescription);
if (signingKeyCreated)
{
    app.Logger.SigningKeyCreated(integrityOptions.SigningKeyPath, signingKey.VerifierKey);
}

app.Logger.SigningWith(signingKey.Origin, integrityOptions.SigningKeyPath, signingKey.VerifierKey);
app.Logger.FirstAdminKey(firstKey.Description);
await app.WaitForShutdownAsync();
return 0;
