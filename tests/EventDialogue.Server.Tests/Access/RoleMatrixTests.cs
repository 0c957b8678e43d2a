using System.Net;
using EventDialogue.Server.Tests.Hosting;
using Google.Api;
using Grpc.Core;
using Grpc.Net.Client;

namespace EventDialogue.Server.Tests.Access;

/// <summary>
/// Every RPC the server serves, called by a key of each role alone and with no credential, gets exactly what
/// README's role matrix says: the allowed get past access control (whatever the empty request then earns), the others
/// PERMISSION_DENIED, and a call with no credential UNAUTHENTICATED. An RPC README does not name fails.
/// </summary>
[Collection(AccessGroup.Name)]
public sealed class RoleMatrixTests(AccessServer server)
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(bytes => bytes, bytes => bytes);

    [Fact]
    public async Task Given_README_s_role_matrix_when_every_served_RPC_is_called_by_each_role_and_by_nobody_then_each_gets_exactly_what_the_matrix_says()
    {
        var (matrix, rpcs, channels) = await PrepareAsync();
        var wrong = new List<string>();
        foreach (var rpc in rpcs)
        {
            var allowed = matrix.Allowed(rpc);
            if (allowed is null)
            {
                wrong.Add($"{rpc}: not in README's role matrix");
                continue;
            }

            foreach (var (principal, channel) in channels)
            {
                var (status, detail) = await CallAsync(channel, rpc);
                var expected = Expected(allowed, principal);

                // EventStoreDB's Append is refused by the service itself, as PERMISSION_DENIED too: access control's own refusal says who was refused.
                var byAccessControl = status is StatusCode.Unauthenticated || (status is StatusCode.PermissionDenied && detail.Contains("may not make this call", StringComparison.Ordinal));
                if (expected is { } refusal ? status != refusal || !byAccessControl : byAccessControl)
                {
                    wrong.Add($"{rpc} as {principal ?? "no credential"}: {status}, expected {expected?.ToString() ?? "to be let through"}");
                }
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} answers differ from README's role matrix:\n{string.Join('\n', wrong)}");
        Assert.Contains(rpcs, rpc => rpc.FullName == "eventdialogue.v1.RecordingService/CorrectEntry");
        Assert.Contains(rpcs, rpc => rpc.FullName == "event_store.client.streams.Streams/Read");
    }

    [Fact]
    public async Task Given_README_s_role_matrix_when_every_JSON_route_is_called_by_each_role_and_by_nobody_then_each_gets_401_403_or_through_as_the_matrix_says()
    {
        var (matrix, rpcs, _) = await PrepareAsync();
        var keys = await KeysByRoleAsync();
        var wrong = new List<string>();
        var routes = rpcs.SelectMany(rpc => rpc.Routes.Select(route => (Rpc: rpc, Route: route))).ToList();
        foreach (var (rpc, route) in routes)
        {
            var allowed = matrix.Allowed(rpc)!;
            foreach (var principal in RoleMatrix.Principals)
            {
                using var client = server.NewJsonClient(principal is null ? null : keys[principal]);
                using var request = Request(route);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                var expected = Expected(allowed, principal) switch
                {
                    StatusCode.Unauthenticated => HttpStatusCode.Unauthorized,
                    StatusCode.PermissionDenied => HttpStatusCode.Forbidden,
                    _ => (HttpStatusCode?)null,
                };
                if (expected is { } refusal ? response.StatusCode != refusal : response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    wrong.Add($"{request.Method} {request.RequestUri} ({rpc}) as {principal ?? "no credential"}: {(int)response.StatusCode}, expected {(expected is null ? "to be let through" : (int)expected)}");
                }
            }
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} answers differ from README's role matrix:\n{string.Join('\n', wrong)}");
        Assert.True(routes.Count >= 40, $"only {routes.Count} JSON routes were found");
    }

    [Fact]
    public async Task Given_README_s_role_matrix_when_its_rows_are_read_then_each_names_an_RPC_the_server_serves()
    {
        var matrix = RoleMatrix.FromReadme();
        var rpcs = await ServedRpcs.ReadAsync(server.AdminChannel);

        var stale = matrix.Patterns.Where(pattern => !rpcs.Any(rpc => RoleMatrix.Matches(pattern, rpc))).ToList();
        Assert.True(stale.Count == 0, $"README's role matrix names RPCs the server does not serve: {string.Join(", ", stale)}");
    }

    private static StatusCode? Expected(IReadOnlySet<string?> allowed, string? principal) =>
        allowed.Contains(principal) ? null : principal is null ? StatusCode.Unauthenticated : StatusCode.PermissionDenied;

    private async Task<(RoleMatrix Matrix, IReadOnlyList<ServedRpc> Rpcs, List<(string? Principal, GrpcChannel Channel)> Channels)> PrepareAsync()
    {
        var matrix = RoleMatrix.FromReadme();
        var rpcs = await ServedRpcs.ReadAsync(server.AdminChannel);
        var keys = await KeysByRoleAsync();
        var channels = RoleMatrix.Principals.Select(principal => (principal, server.Channel(principal is null ? null : keys[principal]))).ToList();
        return (matrix, rpcs, channels);
    }

    private async Task<Dictionary<string, string>> KeysByRoleAsync()
    {
        var keys = new Dictionary<string, string>();
        foreach (var role in RoleMatrix.Principals.OfType<string>())
        {
            keys[role] = (await server.CreateKeyAsync($"matrix-{role}", role)).Key;
        }

        return keys;
    }

    /// <summary>The status an empty request gets, or OK once a streaming call has started answering.</summary>
    private static async Task<(StatusCode Status, string Detail)> CallAsync(GrpcChannel channel, ServedRpc rpc)
    {
        var type = (rpc.ClientStreaming, rpc.ServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (false, true) => MethodType.ServerStreaming,
            (true, false) => MethodType.ClientStreaming,
            _ => MethodType.DuplexStreaming,
        };
        var method = new Method<byte[], byte[]>(type, rpc.Service, rpc.Method, Bytes, Bytes);
        var invoker = channel.CreateCallInvoker();
        using var cancel = new CancellationTokenSource();
        var options = new CallOptions(deadline: DateTime.UtcNow + Timeouts.Call, cancellationToken: cancel.Token);
        try
        {
            switch (type)
            {
                case MethodType.Unary:
                    await invoker.AsyncUnaryCall(method, null, options, []);
                    break;
                case MethodType.ServerStreaming:
                    using (var call = invoker.AsyncServerStreamingCall(method, null, options, []))
                    {
                        await call.ResponseStream.MoveNext();
                    }

                    break;
                case MethodType.ClientStreaming:
                    using (var call = invoker.AsyncClientStreamingCall(method, null, options))
                    {
                        await call.RequestStream.CompleteAsync();
                        await call.ResponseAsync;
                    }

                    break;
                default:
                    using (var call = invoker.AsyncDuplexStreamingCall(method, null, options))
                    {
                        await call.RequestStream.CompleteAsync();
                        await call.ResponseStream.MoveNext();
                    }

                    break;
            }

            return (StatusCode.OK, string.Empty);
        }
        catch (RpcException e)
        {
            return (e.StatusCode, e.Status.Detail);
        }
        finally
        {
            // A live subscription that was let through is ended here, not left to its deadline.
            await cancel.CancelAsync();
        }
    }

    private static HttpRequestMessage Request(HttpRule rule)
    {
        var (method, template) = rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => (HttpMethod.Get, rule.Get),
            HttpRule.PatternOneofCase.Post => (HttpMethod.Post, rule.Post),
            HttpRule.PatternOneofCase.Put => (HttpMethod.Put, rule.Put),
            HttpRule.PatternOneofCase.Patch => (HttpMethod.Patch, rule.Patch),
            HttpRule.PatternOneofCase.Delete => (HttpMethod.Delete, rule.Delete),
            _ => throw new InvalidOperationException($"unexpected HTTP rule {rule}"),
        };
        var path = System.Text.RegularExpressions.Regex.Replace(template, @"\{[^}]+\}", "x");
        var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (method != HttpMethod.Get && method != HttpMethod.Delete)
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        return request;
    }
}
