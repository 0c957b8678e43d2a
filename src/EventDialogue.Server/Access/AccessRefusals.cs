using System.Text.Json;
using EventDialogue.Server.Api.Errors;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace EventDialogue.Server.Access;

/// <summary>
/// Answers a call the policies refuse as gRPC does, before the request is read: UNAUTHENTICATED when no accepted
/// credential came, PERMISSION_DENIED when the principal lacks the role. gRPC callers get a status (a trailers-only
/// response), JSON callers HTTP 401 or 403 with the same status as JSON, as the transcoder writes its errors.
/// </summary>
public sealed partial class AccessRefusals(ILogger<AccessRefusals> logger, SecurityOptions security) : IAuthorizationMiddlewareResultHandler
{
    private readonly string _noCredential = NoCredential(security);

    /// <summary>What a caller without a credential is told: every kind of credential this server accepts, as configured.</summary>
    public static string NoCredential(SecurityOptions security)
    {
        ArgumentNullException.ThrowIfNull(security);
        List<string> kinds = ["an API key as 'authorization: Bearer edk_...'"];
        if (security.Jwt is { } jwt)
        {
            kinds.Add($"an access token from {jwt.Authority.OriginalString} for {jwt.Audience.OriginalString} as 'authorization: Bearer eyJ...'");
        }

        if (security.ClientCertificates.Any)
        {
            kinds.Add("a client certificate registered with this server (over TLS)");
        }

        var choice = kinds.Count == 1 ? kinds[0] : string.Join(", ", kinds[..^1]) + " or " + kinds[^1];
        return $"this call needs a credential: send {choice}";
    }

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Succeeded)
        {
            await next(context);
            return;
        }

        // The middleware keeps only a success; asked again, the handler answers from what it found for this request.
        var principal = context.User.Identity;
        var failure = principal?.IsAuthenticated == true ? null : (await context.AuthenticateAsync()).Failure;
        if (failure is not null && ErrorMapping.ToRpcException(failure) is { } outage)
        {
            Refused(logger, context.Request.Path.Value ?? string.Empty, outage.StatusCode, outage.Status.Detail);
            await EarlyAnswers.WriteAsync(context, outage);
            return;
        }

        (StatusCode Code, string Message) refusal = principal?.IsAuthenticated == true
            ? (StatusCode.PermissionDenied, $"'{principal.Name}' may not make this call: it needs the role {RequiredRole(policy)}")
            : (StatusCode.Unauthenticated, failure?.Message ?? _noCredential);
        Refused(logger, context.Request.Path.Value ?? string.Empty, refusal.Code, refusal.Message);
        await WriteAsync(context, refusal.Code, refusal.Message);
    }

    private static string RequiredRole(AuthorizationPolicy policy) =>
        policy.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).FirstOrDefault() ?? "(none)";

    private static async Task WriteAsync(HttpContext context, StatusCode code, string message)
    {
        if (EarlyAnswers.IsGrpc(context))
        {
            EarlyAnswers.WriteGrpc(context, new RpcException(new Status(code, message)));
            return;
        }

        var response = context.Response;

        response.StatusCode = code == StatusCode.Unauthenticated ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
        if (code == StatusCode.Unauthenticated)
        {
            response.Headers.WWWAuthenticate = "Bearer";
        }

        response.ContentType = "application/json";
        await response.WriteAsync(JsonSerializer.Serialize(new { code = (int)code, message, details = Array.Empty<object>() }), context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Path}: {Code}, {Reason}")]
    private static partial void Refused(ILogger logger, string path, StatusCode code, string reason);
}
