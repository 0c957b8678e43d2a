using EventDialogue.Server.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace EventDialogue.Server.Web.Session;

/// <summary>Marks the web pages' endpoints, so that a refusal there is answered as a page, not as a gRPC status.</summary>
public sealed class WebPageEndpoint;

/// <summary>
/// A refused web page: a reader who is not signed in is sent to the sign-in page (and back after); a signed-in reader
/// without the role gets a 403 page saying which role it needs. Every other refusal is the API's (<see cref="AccessRefusals"/>).
/// </summary>
public sealed class WebRefusals(AccessRefusals api) : IAuthorizationMiddlewareResultHandler
{
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Succeeded || context.GetEndpoint()?.Metadata.GetMetadata<WebPageEndpoint>() is null)
        {
            await api.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        if (context.User.Identity?.IsAuthenticated != true)
        {
            var back = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
            context.Response.Redirect("/sign-in?returnUrl=" + Uri.EscapeDataString(back));
            return;
        }

        var role = policy.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).FirstOrDefault() ?? "(none)";
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(RefusedPage.Html(context.User.Identity.Name ?? string.Empty, role), context.RequestAborted);
    }
}
