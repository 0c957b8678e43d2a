using EventDialogue.Domain.Common;
using EventDialogue.EventStore;
using EventDialogue.EventStore.Restore;
using EventDialogue.Projections.Engine;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using EventDialogue.Server.Api.EventStoreDb;
using EventDialogue.Server.History.Reads;
using EventDialogue.Server.Limits;
using EventDialogue.Server.Recording;
using EventDialogue.Server.Recording.Checking;

namespace EventDialogue.Server.Api.Errors;

/// <summary>
/// The one place that turns what the domain and the store refuse into gRPC statuses with details a client can act on
/// (google.rpc.BadRequest naming the field, ErrorInfo carrying the current revision, …). A caller's mistake is never INTERNAL.
/// </summary>
public static class ErrorMapping
{
    public const string ErrorDomain = "eventdialogue";

    // Where gRPC carries the google.rpc.Status with its details.
    private const string StatusDetailsKey = "grpc-status-details-bin";

    /// <summary>The detail messages errors carry, which JSON transcoding must know to write them out.</summary>
    public static IReadOnlyList<MessageDescriptor> DetailTypes { get; } =
        [Google.Rpc.BadRequest.Descriptor, ErrorInfo.Descriptor, ResourceInfo.Descriptor, PreconditionFailure.Descriptor, RetryInfo.Descriptor];

    /// <summary>How long a client should wait before retrying a call the store was unavailable for.</summary>
    public static TimeSpan RetryDelay { get; } = TimeSpan.FromSeconds(1);

    public static RpcException? ToRpcException(Exception exception) => exception switch
    {
        CommandRefusedInCheckException e => ToRpcException(e.Refusal) is { } refusal ? InCheck(refusal, e.Index) : null,
        DomainException e => FromDomain(e),
        InvalidStoreRequestException e => BadRequest(e.Field, e.Reason),
        WrongExpectedRevisionException e => Build(
            Code.Aborted,
            e.Message,
            new ErrorInfo
            {
                Reason = "WRONG_EXPECTED_REVISION",
                Domain = ErrorDomain,
                Metadata =
                {
                    ["stream"] = e.Stream.Value,
                    ["expected_revision"] = e.Expected.ToString(),
                    ["current_revision"] = e.ActualRevision?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no-stream",
                },
            }),
        Access.Jwt.IssuerUnreachableException e => Build(
            Code.Unavailable,
            e.Message,
            new ErrorInfo { Reason = "ISSUER_UNAVAILABLE", Domain = ErrorDomain },
            new RetryInfo { RetryDelay = Duration.FromTimeSpan(RetryDelay) }),
        RequestIdReusedException e => Build(
            Code.AlreadyExists,
            e.Message,
            new ErrorInfo
            {
                Reason = "REQUEST_ID_REUSED",
                Domain = ErrorDomain,
                Metadata =
                {
                    ["request_id"] = e.RequestId,
                    ["earlier_stream"] = e.EarlierStream.Value,
                    ["earlier_position"] = e.EarlierPosition.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
            }),
        DuplicateEventIdException e => Build(
            Code.AlreadyExists,
            $"the request id was already used for a different command ({e.Message})",
            new ErrorInfo { Reason = "REQUEST_ID_REUSED", Domain = ErrorDomain }),
        StoreNotEmptyException e => Build(
            Code.FailedPrecondition,
            e.Message,
            new PreconditionFailure { Violations = { new PreconditionFailure.Types.Violation { Type = "STORE_NOT_EMPTY", Subject = "store", Description = e.Message } } },
            new ErrorInfo
            {
                Reason = "STORE_NOT_EMPTY",
                Domain = ErrorDomain,
                Metadata = { ["head_position"] = e.Head.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            }),
        StreamNotFoundException e => Build(Code.NotFound, e.Message, new ResourceInfo { ResourceType = "stream", ResourceName = e.Stream.Value }),
        ViewRebuildStoppedException e => Build(
            Code.FailedPrecondition,
            e.Message,
            new ErrorInfo
            {
                Reason = "VIEW_REBUILD_STOPPED",
                Domain = ErrorDomain,
                Metadata =
                {
                    ["view"] = e.Projection,
                    ["position"] = e.Failure.Position.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["event_type"] = e.Failure.EventType,
                    ["stream"] = e.Failure.Stream,
                },
            }),
        EventStoreDbAppendRefusedException e => AppendRefused(e),
        RateLimitedException e => RateLimited(e),
        SubscriberTooSlowException e => Build(
            Code.Aborted,
            e.Message,
            new ErrorInfo
            {
                Reason = "SUBSCRIBER_TOO_SLOW",
                Domain = ErrorDomain,
                Metadata =
                {
                    ["resume_after_position"] = e.ResumeAfter.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["lag"] = e.Lag.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["max_lag"] = e.MaxLag.ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
            }),
        UnparsableRequestException e => Build(
            Code.InvalidArgument,
            e.Message,
            new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = string.Empty, Description = e.Message } } },
            new ErrorInfo { Reason = "UNPARSABLE_REQUEST", Domain = ErrorDomain, Metadata = { ["message_type"] = e.MessageType } }),
        _ => StoreFaults.Classify(exception) is { } fault ? FromStore(fault) : null,
    };

    /// <summary>
    /// A database outage: said plainly, without the driver's words (which name hosts, files and internals); the
    /// server's log has those. UNAVAILABLE tells a client that a retry is safe, and request ids make it so.
    /// </summary>
    private static RpcException FromStore(StoreFault fault) => fault switch
    {
        StoreFault.Full => Build(
            Code.ResourceExhausted,
            "the store is full (out of disk space, or at its configured size limit): nothing more can be recorded until there is room; nothing was lost",
            new ErrorInfo { Reason = "STORE_FULL", Domain = ErrorDomain }),
        StoreFault.Unstorable => BadRequest("request", "a value holds a character the store cannot keep (a NUL character); remove it"),
        _ => Build(
            Code.Unavailable,
            "the store is unavailable at the moment: retry later (a retry with the same request_id records at most once)",
            new ErrorInfo { Reason = "STORE_UNAVAILABLE", Domain = ErrorDomain },
            new RetryInfo { RetryDelay = Duration.FromTimeSpan(RetryDelay) }),
    };

    private static RpcException FromDomain(DomainException e) => e.Kind switch
    {
        DomainErrorKind.InvalidArgument => BadRequest(e.Violations is [] ? [new FieldViolation(e.Field ?? "request", e.Message)] : e.Violations),
        DomainErrorKind.NotFound => Build(
            Code.NotFound,
            Prefixed(e),
            new ResourceInfo { ResourceType = e.Field ?? "resource", Description = Printable.Escape(e.Message) }),
        DomainErrorKind.AlreadyExists => Build(
            Code.AlreadyExists,
            Prefixed(e),
            new ErrorInfo { Reason = "ALREADY_EXISTS", Domain = ErrorDomain, Metadata = { ["field"] = e.Field ?? string.Empty } }),
        _ => Build(
            Code.FailedPrecondition,
            Prefixed(e),
            new PreconditionFailure { Violations = { new PreconditionFailure.Types.Violation { Type = "STATE", Subject = e.Field ?? string.Empty, Description = Printable.Escape(e.Message) } } }),
    };

    /// <summary>The google.rpc.Status a refusal carries in its trailers, for answers written without gRPC.</summary>
    public static Google.Rpc.Status StatusOf(RpcException refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var details = refusal.Trailers.GetValueBytes(StatusDetailsKey);
        return details is null
            ? new Google.Rpc.Status { Code = (int)refusal.StatusCode, Message = refusal.Status.Detail }
            : Google.Rpc.Status.Parser.ParseFrom(details);
    }

    /// <summary>A refusal met while checking a sequence of requests: the same status, saying which request it was.</summary>
    private static RpcException InCheck(RpcException refusal, int index)
    {
        var status = StatusOf(refusal);
        status.Message = $"requests[{index}]: {refusal.Status.Detail}";
        status.Details.Add(Any.Pack(new ErrorInfo
        {
            Reason = "REQUEST_REFUSED",
            Domain = ErrorDomain,
            Metadata = { ["request_index"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        }));
        var trailers = new Metadata { { StatusDetailsKey, status.ToByteArray() } };
        return new RpcException(new Grpc.Core.Status(refusal.StatusCode, status.Message), trailers);
    }

    /// <summary>
    /// PERMISSION_DENIED: the write is understood and not allowed here, for anyone, by policy (not unimplemented, not a
    /// state that could change). The "exception: access-denied" trailer is how EventStoreDB itself says so, so that
    /// its clients raise the access-denied error their users already handle.
    /// </summary>
    private static RpcException AppendRefused(EventStoreDbAppendRefusedException e)
    {
        var refusal = Build(
            Code.PermissionDenied,
            e.Message,
            new ErrorInfo { Reason = "EVENTSTOREDB_APPEND_REFUSED", Domain = ErrorDomain, Metadata = { ["stream"] = e.Stream ?? string.Empty } });
        refusal.Trailers.Add("exception", "access-denied");
        return refusal;
    }

    /// <summary>
    /// RESOURCE_EXHAUSTED with when to retry, both as google.rpc.RetryInfo and as a retry-after trailer in whole seconds
    /// (the HTTP header's form), for clients that read only one of them.
    /// </summary>
    private static RpcException RateLimited(RateLimitedException e)
    {
        var seconds = CallRateLimiter.Seconds(e.RetryAfter);
        var refusal = Build(
            Code.ResourceExhausted,
            e.Message,
            new ErrorInfo
            {
                Reason = "RATE_LIMITED",
                Domain = ErrorDomain,
                Metadata = { ["principal"] = e.Principal, ["calls"] = e.Calls.ToString(System.Globalization.CultureInfo.InvariantCulture), ["window_seconds"] = CallRateLimiter.Seconds(e.Window) },
            },
            new RetryInfo { RetryDelay = Duration.FromTimeSpan(e.RetryAfter) });
        refusal.Trailers.Add("retry-after", seconds);
        return refusal;
    }

    private static RpcException BadRequest(string field, string reason) => BadRequest([new FieldViolation(field, reason)]);

    /// <summary>Every wrong field at once, so that a client can fix them all before sending again.</summary>
    private static RpcException BadRequest(IReadOnlyList<FieldViolation> violations) => Build(
        Code.InvalidArgument,
        string.Join("; ", violations.Select(v => $"{v.Field}: {v.Reason}")),
        new BadRequest { FieldViolations = { violations.Select(v => new BadRequest.Types.FieldViolation { Field = Printable.Escape(v.Field), Description = Printable.Escape(v.Reason) }) } });

    private static string Prefixed(DomainException e) => e.Field is null ? e.Message : $"{e.Field}: {e.Message}";

    private static RpcException Build(Code code, string message, params IMessage[] details)
    {
        message = Printable.Escape(message);
        var status = new Google.Rpc.Status { Code = (int)code, Message = message, Details = { details.Select(Any.Pack) } };
        var trailers = new Metadata { { StatusDetailsKey, status.ToByteArray() } };
        return new RpcException(new Grpc.Core.Status((StatusCode)code, message), trailers);
    }
}
