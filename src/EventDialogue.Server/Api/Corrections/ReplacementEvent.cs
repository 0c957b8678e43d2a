using System.Text.Json;
using EventDialogue.Domain.Common;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace EventDialogue.Server.Api.Corrections;

/// <summary>
/// A correction's replacement arrives as a type name and a Struct of the event's fields; it is read with the same JSON
/// shapes the store uses, so a client writes the replacement exactly as the entry is stored.
/// </summary>
internal static class ReplacementEvent
{
    public static IDomainEvent? From(string type, Struct? replacement)
    {
        if (replacement is null)
        {
            return null;
        }

        if (!EventTypes.All.TryGetValue(type, out var clrType))
        {
            throw DomainException.Invalid(
                "replacement_type",
                type.Length == 0
                    ? "names the replacement's event type, the same as the corrected entry's (e.g. CaseRaised)"
                    : $"'{type}' is not an event type; known types: {string.Join(", ", EventTypes.All.Keys.Order(StringComparer.Ordinal))}");
        }

        try
        {
            return DomainEventJson.Deserialize(type, JsonFormatter.Default.Format(replacement));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or UnknownEventTypeException)
        {
            // The serializer's messages name the CLR type; clients know the event by its stable name.
            var reason = e.Message.Replace(clrType.FullName ?? clrType.Name, type, StringComparison.Ordinal);
            throw DomainException.Invalid("replacement", $"is not a valid {type}: {reason}");
        }
    }
}
