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
public sealed partial class AccessRefusals(ILogger<AccessRefusals> logger) : IAuthorizationMiddlewareResultHandler
{
    public const string NoCredential = "this call needs a credential: send an API key as 'authorization: Bearer edk_...'";

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
        (StatusCode Code, string Message) refusal = principal?.IsAuthenticated == true
            ? (StatusCode.PermissionDenied, $"'{principal.Name}' may not make this call: it needs the role {RequiredRole(policy)}")
            : (StatusCode.Unauthenticated, (await context.AuthenticateAsync()).Failure?.Message ?? NoCredential);
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
