using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace EventDialogue.Server.Tests.Faults.Fuzzing;

/// <summary>
/// Bytes that are mostly not a valid message of the type: garbage, truncations, flipped bits, invalid wire types,
/// lengths past the end, over-long varints, invalid UTF-8 in a string field. Some mutants still parse, which is fine:
/// the server must answer every one of them with a status that says what is wrong, or do the work.
/// </summary>
internal sealed class ProtobufMutations(Random random)
{
    public byte[] Mutate(byte[] valid, MessageDescriptor type) => random.Next(9) switch
    {
        0 => Bytes(random.Next(0, 64)),
        1 => valid.Length == 0 ? Bytes(3) : valid[..random.Next(valid.Length)],
        2 => FlipBits(valid),
        3 => Insert(valid, Bytes(random.Next(1, 8))),
        4 => [.. valid, .. InvalidUtf8(type)],
        // wire types 6 and 7 do not exist
        5 => [.. valid, (byte)((random.Next(1, 16) << 3) | (6 + random.Next(2)))],
        // a length-delimited field that claims more bytes than follow
        6 => [.. valid, (byte)((random.Next(1, 16) << 3) | 2), 0xFF, 0xFF, 0x03, 0x01],
        // a varint of eleven bytes, longer than any 64-bit value
        7 => [.. valid, (byte)(random.Next(1, 16) << 3), .. Enumerable.Repeat((byte)0xFF, 10), 0x01],
        _ => valid,
    };

    /// <summary>A string field of the type (or field 1) holding bytes that are not UTF-8, which proto3 forbids.</summary>
    private byte[] InvalidUtf8(MessageDescriptor type)
    {
        var strings = type.Fields.InDeclarationOrder().Where(f => f.FieldType == FieldType.String && !f.IsRepeated).ToList();
        var number = strings.Count == 0 ? 1 : strings[random.Next(strings.Count)].FieldNumber;
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
        {
            output.WriteTag(number, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(0xC3, 0x28, 0xFF, 0xFE));
        }

        return buffer.ToArray();
    }

    private byte[] FlipBits(byte[] valid)
    {
        if (valid.Length == 0)
        {
            return Bytes(4);
        }

        var copy = (byte[])valid.Clone();
        for (var i = random.Next(1, 5); i > 0; i--)
        {
            copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        }

        return copy;
    }

    private byte[] Insert(byte[] valid, byte[] extra)
    {
        var at = random.Next(valid.Length + 1);
        return [.. valid[..at], .. extra, .. valid[at..]];
    }

    private byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
