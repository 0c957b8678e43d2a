using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace EventDialogue.Server.Tests.Faults.Fuzzing;

/// <summary>
/// Well-formed messages of any type with random field values, drawn mostly from values near the edges of what the
/// server accepts (empty, plausible, wrong format, huge, control characters), so that some calls pass validation
/// and the rest are refused for many different reasons.
/// </summary>
internal sealed class RandomMessages(Random random)
{
    private const int MaxDepth = 4;

    private static readonly string[] Strings =
    [
        "", " ", "us", "cn", "2010-05-14", "2011-04", "2010-05-14/2010-09", "2011?", "2010-13-45", "next year", "transcript", "briefing",
        "neutral", "kept", "detained", "A", "rule of law", "fuzz-source", "statement-fuzz", "\0", "a\0b", "\u202e\u0000x", "𝕏𝕐", "é",
        "../../etc/passwd", "' OR 1=1 --", "%00", "{}", "null", "eyJhZnRlciI6MX0", new string('x', 3000),
    ];

    private static readonly long[] Longs = [0, 1, 2, -1, long.MinValue, long.MaxValue, int.MaxValue + 1L, 1_000_000_000_000];

    // A read with a min_position past the log's head waits for its deadline by design (read-your-writes, tested
    // elsewhere): kept low here so the fuzz spends its time on calls rather than waits.
    private static readonly long[] MinPositions = [0, 1, -1, long.MinValue];

    private static readonly int[] Ints = [0, 1, -1, 2, 1000, int.MaxValue, int.MinValue];

    public IMessage Next(MessageDescriptor descriptor) => Next(descriptor, 0);

    private IMessage Next(MessageDescriptor descriptor, int depth)
    {
        var message = descriptor.Parser.ParseFrom(ByteString.Empty);
        foreach (var field in descriptor.Fields.InDeclarationOrder().Where(f => f.RealContainingOneof is null))
        {
            if (random.Next(10) < 7)
            {
                Fill(message, field, depth);
            }
        }

        foreach (var oneof in descriptor.Oneofs.Where(o => !o.IsSynthetic))
        {
            if (random.Next(10) < 8)
            {
                Fill(message, oneof.Fields[random.Next(oneof.Fields.Count)], depth);
            }
        }

        return message;
    }

    private void Fill(IMessage message, FieldDescriptor field, int depth)
    {
        if (field.FieldType is FieldType.Message or FieldType.Group && depth >= MaxDepth)
        {
            return;
        }

        if (field.IsMap)
        {
            var entry = field.MessageType;
            var map = (IDictionary)field.Accessor.GetValue(message);
            for (var i = random.Next(3); i > 0; i--)
            {
                map[Value(entry.FindFieldByNumber(1), depth + 1)] = Value(entry.FindFieldByNumber(2), depth + 1);
            }
        }
        else if (field.IsRepeated)
        {
            var list = (IList)field.Accessor.GetValue(message);
            for (var i = random.Next(4); i > 0; i--)
            {
                list.Add(Value(field, depth + 1));
            }
        }
        else
        {
            field.Accessor.SetValue(message, Value(field, depth + 1));
        }
    }

    private object Value(FieldDescriptor field, int depth) => field.FieldType switch
    {
        FieldType.Bool => random.Next(2) == 0,
        FieldType.String => AString(),
        FieldType.Bytes => ByteString.CopyFrom(Bytes(random.Next(16))),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => field.Name == "min_position" ? Pick(MinPositions) : ALong(),
        FieldType.UInt64 or FieldType.Fixed64 => unchecked((ulong)ALong()),
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => AnInt(),
        FieldType.UInt32 or FieldType.Fixed32 => unchecked((uint)AnInt()),
        FieldType.Double => Pick([0d, -1d, 1.5d, double.NaN, double.PositiveInfinity, 1e300]),
        FieldType.Float => Pick([0f, -1f, 1.5f, float.NaN, float.NegativeInfinity]),
        FieldType.Enum => random.Next(4) == 0 ? random.Next(-2, 100) : field.EnumType.Values[random.Next(field.EnumType.Values.Count)].Number,
        FieldType.Message or FieldType.Group => Next(field.MessageType, depth),
        _ => throw new InvalidOperationException($"no values for {field.FieldType}"),
    };

    private string AString() => random.Next(4) switch
    {
        // A few ids used over and over, so that later calls meet the streams and request ids earlier ones made.
        0 => $"fuzz-{random.Next(8)}",
        1 => new string([.. Enumerable.Range(0, random.Next(1, 20)).Select(_ => (char)random.Next(0x20, 0x3000))]),
        _ => Pick(Strings),
    };

    private long ALong() => random.Next(3) == 0 ? random.NextInt64(-10, 100) : Pick(Longs);

    private int AnInt() => random.Next(3) == 0 ? random.Next(-10, 100) : Pick(Ints);

    private T Pick<T>(T[] values) => values[random.Next(values.Length)];

    private byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
