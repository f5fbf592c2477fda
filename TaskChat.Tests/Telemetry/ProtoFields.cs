using Google.Protobuf;

namespace TaskChat.Tests.Telemetry;

/// <summary>One field of a protobuf message: its number and either a number or the raw bytes.</summary>
public sealed record ProtoField(int Number, ulong Value, ByteString? Bytes)
{
    public string Text => Bytes?.ToStringUtf8() ?? "";

    /// <summary>
    /// Splits a message into its fields with Google.Protobuf's wire reader. Which field means what
    /// is left to <see cref="Otlp"/>: enough of the OTLP schema for these tests, nothing generated.
    /// </summary>
    public static List<ProtoField> Read(ByteString message)
    {
        var fields = new List<ProtoField>();
        var input = new CodedInputStream(message.ToByteArray());
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var number = WireFormat.GetTagFieldNumber(tag);
            fields.Add(WireFormat.GetTagWireType(tag) switch
            {
                WireFormat.WireType.Varint => new ProtoField(number, input.ReadUInt64(), null),
                WireFormat.WireType.Fixed64 => new ProtoField(number, input.ReadFixed64(), null),
                WireFormat.WireType.Fixed32 => new ProtoField(number, input.ReadFixed32(), null),
                WireFormat.WireType.LengthDelimited => new ProtoField(number, 0, input.ReadBytes()),
                var other => throw new InvalidDataException($"Unexpected wire type {other} in field {number}."),
            });
        }

        return fields;
    }
}
