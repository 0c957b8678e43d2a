using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using EventDialogue.Domain.Common;

namespace EventDialogue.Server.Recording;

/// <summary>
/// A digest of what a request asks to record — the command's kind and every value it was given, as the domain sees it
/// once mapped — so that a second request under a request id already used can be told from a retry of the first. How it
/// arrived (binary gRPC or JSON) and its expected revision are not part of it: a retry may come either way, and its
/// first attempt may have made its expected revision stale.
/// </summary>
public static class RequestFingerprint
{
    // The stored-event shapes, with two differences. Nulls are written where the command's type says none, because the
    // fingerprint is taken before the decision: a command missing a required value must still reach its refusal. And
    // only the values a command was given are written, not what it derives from them (its stream, its references),
    // which could fail on a command that is not valid yet.
    private static readonly JsonSerializerOptions Options = new(DomainEventJson.Options)
    {
        RespectNullableAnnotations = false,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { GivenValuesOnly } },
    };

    // The command's .NET name is part of the digest: renaming a command makes retries of requests made before the
    // rename look like new requests, which are refused as a reuse — a safe failure, never a swallowed change.
    public static string Of(IDomainCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var json = JsonSerializer.Serialize(command, command.GetType(), Options);
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"eventdialogue/request/v1\n{command.GetType().Name}\n{json}"));
        return $"sha256:{Convert.ToHexStringLower(digest)}";
    }

    private static void GivenValuesOnly(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || !typeof(IDomainCommand).IsAssignableFrom(info.Type))
        {
            return;
        }

        var given = info.Type.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            if (info.Properties[i].AttributeProvider is not PropertyInfo property || !given.Contains(property.Name))
            {
                info.Properties.RemoveAt(i);
            }
        }
    }
}
