using Google.Protobuf;

namespace TaskChat.Tests.Telemetry;

/// <summary>A span as exported: ids in hex, its name and its attributes (values as text).</summary>
public sealed record OtlpSpan(string TraceId, string SpanId, string ParentSpanId, string Name, IReadOnlyDictionary<string, string> Attributes);

/// <summary>A metric as exported; for a histogram, the total count over its data points.</summary>
public sealed record OtlpMetric(string Name, string Kind, ulong HistogramCount);

/// <summary>
/// Reads the OTLP/HTTP protobuf requests (opentelemetry-proto's collector/*/v1 messages) by
/// field number: ExportTraceServiceRequest, ExportMetricsServiceRequest, and resource attributes.
/// </summary>
public static class Otlp
{
    public static IEnumerable<OtlpSpan> Spans(ByteString request) =>
        from resourceSpans in Sub(request, 1)
        from scopeSpans in Sub(resourceSpans, 2)
        from span in Sub(scopeSpans, 2)
        select ToSpan(ProtoField.Read(span));

    public static IEnumerable<OtlpMetric> Metrics(ByteString request) =>
        from resourceMetrics in Sub(request, 1)
        from scopeMetrics in Sub(resourceMetrics, 2)
        from metric in Sub(scopeMetrics, 2)
        select ToMetric(ProtoField.Read(metric));

    /// <summary>The resource attributes (service.name ...) of every resource in a request of any signal.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, string>> Resources(ByteString request) =>
        from resourceGroup in Sub(request, 1)
        from resource in Sub(resourceGroup, 1)
        select Attributes(ProtoField.Read(resource), 1);

    private static OtlpSpan ToSpan(List<ProtoField> span) => new(
        Hex(span, 1), Hex(span, 2), Hex(span, 4),
        span.FirstOrDefault(f => f.Number == 5)?.Text ?? "",
        Attributes(span, 9));

    private static OtlpMetric ToMetric(List<ProtoField> metric)
    {
        var name = metric.First(f => f.Number == 1).Text;
        // Metric.data: 5 gauge, 7 sum, 9 histogram, 10 exponential histogram, 11 summary.
        var data = metric.FirstOrDefault(f => f.Number is 5 or 7 or 9 or 10 or 11);
        var kind = data?.Number switch { 5 => "gauge", 7 => "sum", 9 => "histogram", 10 => "exponential_histogram", 11 => "summary", _ => "none" };
        ulong count = 0;
        if (data?.Number == 9)
        {
            // HistogramDataPoint.count is field 4 (fixed64).
            count = Sub(data.Bytes!, 1).Select(point => ProtoField.Read(point).FirstOrDefault(f => f.Number == 4)?.Value ?? 0).Aggregate(0UL, (a, b) => a + b);
        }

        return new OtlpMetric(name, kind, count);
    }

    private static Dictionary<string, string> Attributes(List<ProtoField> fields, int number)
    {
        var attributes = new Dictionary<string, string>();
        foreach (var keyValue in fields.Where(f => f.Number == number))
        {
            var pair = ProtoField.Read(keyValue.Bytes!);
            var key = pair.First(f => f.Number == 1).Text;
            attributes[key] = pair.FirstOrDefault(f => f.Number == 2) is { Bytes: { } value } ? AnyValue(value) : "";
        }

        return attributes;
    }

    private static string AnyValue(ByteString value)
    {
        var field = ProtoField.Read(value).FirstOrDefault();
        return field?.Number switch
        {
            1 => field.Text,
            2 => (field.Value != 0).ToString(),
            3 => ((long)field.Value).ToString(),
            4 => BitConverter.Int64BitsToDouble((long)field.Value).ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => "",
        };
    }

    private static IEnumerable<ByteString> Sub(ByteString message, int number) =>
        ProtoField.Read(message).Where(f => f.Number == number && f.Bytes is not null).Select(f => f.Bytes!);

    private static string Hex(List<ProtoField> fields, int number) =>
        fields.FirstOrDefault(f => f.Number == number)?.Bytes is { Length: > 0 } bytes ? Convert.ToHexString(bytes.ToByteArray()) : "";
}
