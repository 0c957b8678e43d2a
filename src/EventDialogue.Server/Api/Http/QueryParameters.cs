using System.Globalization;
using EventDialogue.Domain.Common;
using Google.Protobuf.Reflection;
using Microsoft.Extensions.Primitives;

namespace EventDialogue.Server.Api.Http;

/// <summary>
/// Checks the query parameters of a JSON-over-HTTP call against the fields of the request they fill in, so that a value
/// of the wrong kind is refused naming the parameter ("page_size: 'abc' is not an integer") — JSON transcoding's own
/// message names neither the parameter nor what it expected.
/// </summary>
public static class QueryParameters
{
    /// <summary>The first parameter whose value the field it names cannot take, as a refusal; null when all can.</summary>
    public static DomainException? FirstProblem(IEnumerable<KeyValuePair<string, StringValues>> query, MessageDescriptor request)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(request);
        foreach (var (name, values) in query)
        {
            // Parameters that name no field are ignored by transcoding, and so here.
            if (FieldAt(request, name) is not { } field)
            {
                continue;
            }

            foreach (var value in values)
            {
                if (Expected(field, value ?? string.Empty) is { } expected)
                {
                    return DomainException.Invalid(field.Name == name ? name : $"{name} ({field.Name})", $"'{value}' is not {expected}");
                }
            }
        }

        return null;
    }

    /// <summary>The field a dotted parameter name leads to, by proto or JSON name, as transcoding resolves it.</summary>
    private static FieldDescriptor? FieldAt(MessageDescriptor message, string path)
    {
        FieldDescriptor? field = null;
        foreach (var part in path.Split('.'))
        {
            if (field is not null)
            {
                if (field.FieldType != FieldType.Message)
                {
                    return null;
                }

                message = field.MessageType;
            }

            field = message.FindFieldByName(part) ?? message.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == part);
            if (field is null)
            {
                return null;
            }
        }

        // A wrapper (google.protobuf.Int32Value, …) takes the value of its one field.
        return field is { FieldType: FieldType.Message } && field.MessageType.FullName.StartsWith("google.protobuf.", StringComparison.Ordinal)
            ? field.MessageType.FindFieldByName("value")
            : field;
    }

    /// <summary>What the field takes, when <paramref name="value"/> is not that; null when it is.</summary>
    private static string? Expected(FieldDescriptor field, string value) => field.FieldType switch
    {
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 =>
            int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? null : "an integer",
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 =>
            long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? null : "an integer",
        FieldType.UInt32 or FieldType.Fixed32 =>
            uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? null : "a whole number of 0 or more",
        FieldType.UInt64 or FieldType.Fixed64 =>
            ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? null : "a whole number of 0 or more",
        FieldType.Double or FieldType.Float =>
            double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? null : "a number",
        FieldType.Bool => bool.TryParse(value, out _) ? null : "true or false",
        FieldType.Enum => field.EnumType.FindValueByName(value) is not null
            || (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && field.EnumType.FindValueByNumber(number) is not null)
                ? null
                : $"one of {string.Join(", ", field.EnumType.Values.Select(v => v.Name))}",
        _ => null,
    };
}
