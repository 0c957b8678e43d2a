using System.Collections;
using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using YamlDotNet.RepresentationModel;

namespace EventDialogue.Client.Dataset;

/// <summary>
/// Reads a YAML mapping into a protobuf message, field by field from the message's descriptor, so that every problem
/// is reported at the line of the key or value at fault.
/// </summary>
internal sealed class YamlMessage(string file, List<DatasetProblem> problems)
{
    /// <summary>Fills a new message of the given type; keys named in <paramref name="leftOut"/> are refused with their reason.</summary>
    public IMessage Read(YamlMappingNode mapping, MessageDescriptor type, IReadOnlyDictionary<string, string> leftOut)
    {
        var message = (IMessage)Activator.CreateInstance(type.ClrType)!;
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                Problem(keyNode, "a key must be a plain name");
                continue;
            }

            if (leftOut.TryGetValue(key, out var reason))
            {
                Problem(keyNode, reason);
                continue;
            }

            var field = type.FindFieldByName(key) ?? type.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == key);
            if (field is null)
            {
                var known = type.Fields.InDeclarationOrder().Select(f => f.Name).Where(name => !leftOut.ContainsKey(name));
                Problem(keyNode, $"'{key}' is not a field of {type.Name}; its fields are: {string.Join(", ", known)}");
                continue;
            }

            ReadField(message, field, valueNode);
        }

        return message;
    }

    private void ReadField(IMessage message, FieldDescriptor field, YamlNode node)
    {
        if (field.IsMap)
        {
            Problem(node, $"{field.Name}: map fields are not supported in a dataset");
            return;
        }

        if (!field.IsRepeated)
        {
            if (ReadValue(field, node) is { } value)
            {
                field.Accessor.SetValue(message, value);
            }

            return;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Problem(node, $"{field.Name} is a list: write it as [a, b] or as lines starting with '- '");
            return;
        }

        var list = (IList)field.Accessor.GetValue(message);
        foreach (var item in sequence.Children)
        {
            if (ReadValue(field, item) is { } value)
            {
                list.Add(value);
            }
        }
    }

    private object? ReadValue(FieldDescriptor field, YamlNode node)
    {
        if (field.FieldType == FieldType.Message)
        {
            if (field.MessageType.FullName == Struct.Descriptor.FullName)
            {
                return node is YamlMappingNode structure ? ReadStruct(structure) : Invalid(node, $"{field.Name} is a mapping of fields");
            }

            return node is YamlMappingNode mapping
                ? Read(mapping, field.MessageType, new Dictionary<string, string>())
                : Invalid(node, $"{field.Name} is a mapping with the fields {string.Join(", ", field.MessageType.Fields.InDeclarationOrder().Select(f => f.Name))}");
        }

        if (node is not YamlScalarNode { Value: { } text } scalar)
        {
            return Invalid(node, $"{field.Name} takes a single value, not a list or mapping");
        }

        if (IsNull(scalar))
        {
            return Invalid(node, $"{field.Name} has no value: give one, or leave the field out");
        }

        return field.FieldType switch
        {
            FieldType.String => text,
            FieldType.Bool => bool.TryParse(text, out var flag) ? flag : Invalid(node, $"{field.Name} is true or false, not '{text}'"),
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 =>
                int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var small) ? small : Invalid(node, $"{field.Name} is a whole number, not '{text}'"),
            FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 =>
                long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var large) ? large : Invalid(node, $"{field.Name} is a whole number, not '{text}'"),
            _ => Invalid(node, $"{field.Name}: fields of type {field.FieldType} are not supported in a dataset"),
        };
    }

    private Struct ReadStruct(YamlMappingNode mapping)
    {
        var structure = new Struct();
        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: { } name })
            {
                structure.Fields[name] = ReadAny(value);
            }
            else
            {
                Problem(key, "a key must be a plain name");
            }
        }

        return structure;
    }

    /// <summary>A free-form value (a correction's replacement): unquoted true, false, numbers and null keep their type.</summary>
    private Value ReadAny(YamlNode node) => node switch
    {
        YamlMappingNode mapping => Value.ForStruct(ReadStruct(mapping)),
        YamlSequenceNode sequence => Value.ForList([.. sequence.Children.Select(ReadAny)]),
        YamlScalarNode scalar when IsNull(scalar) => Value.ForNull(),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "true" or "false" } scalar => Value.ForBool(scalar.Value == "true"),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar
            when double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => Value.ForNumber(number),
        YamlScalarNode scalar => Value.ForString(scalar.Value ?? string.Empty),
        _ => Value.ForNull(),
    };

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null";

    private object? Invalid(YamlNode node, string message)
    {
        Problem(node, message);
        return null;
    }

    private void Problem(YamlNode node, string message) => problems.Add(new DatasetProblem(file, (int)node.Start.Line, message));
}
