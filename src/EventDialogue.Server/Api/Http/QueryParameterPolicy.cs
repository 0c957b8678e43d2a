using EventDialogue.Server.Api.Errors;
using Google.Protobuf;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Routing.Matching;

namespace EventDialogue.Server.Api.Http;

/// <summary>
/// JSON transcoding binds the query string to the request before any interceptor runs, and refuses a bad value with
/// the parser's words ("The input string 'abc' was not in a correct format."). This routing policy sees the route's
/// request type first: a call with a parameter its field cannot take is routed to a refusal naming the parameter,
/// shaped like every other error (google.rpc.Status with a BadRequest, HTTP 400) and logged once.
/// </summary>
public sealed partial class QueryParameterPolicy(ILogger<QueryParameterPolicy> logger) : MatcherPolicy, IEndpointSelectorPolicy
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithTypeRegistry(TranscodingTypes.Registry));

    // After the HTTP method policy, so that only the route the call would really take is checked.
    public override int Order => 1000;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(e => e.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is not null);

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(candidates);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates.IsValidCandidate(i)
                && candidates[i].Endpoint.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is { } transcoding
                && QueryParameters.FirstProblem(httpContext.Request.Query, transcoding.MethodDescriptor.InputType) is { } problem)
            {
                var refusal = ErrorMapping.ToRpcException(problem)!;
                candidates.ReplaceEndpoint(i, Refusing(refusal, transcoding.MethodDescriptor.FullName), candidates[i].Values);
            }
        }

        return Task.CompletedTask;
    }

    private Endpoint Refusing(Grpc.Core.RpcException refusal, string method) => new(
        async context =>
        {
            Refused(logger, method, refusal.StatusCode, refusal.Status.Detail);
            var status = ErrorMapping.StatusOf(refusal);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(Json.Format(status), context.RequestAborted);
        },
        EndpointMetadataCollection.Empty,
        $"{method}: a query parameter of the wrong kind");

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} refused: {Code} {Detail}")]
    private static partial void Refused(ILogger logger, string method, Grpc.Core.StatusCode code, string detail);
}
