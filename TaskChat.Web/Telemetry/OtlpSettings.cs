namespace TaskChat.Web.Telemetry;

/// <summary>
/// The standard OpenTelemetry variables TaskChat reads itself. The SDK reads the same
/// configuration for the rest (OTEL_METRIC_EXPORT_INTERVAL, OTEL_BSP_SCHEDULE_DELAY, headers);
/// these are checked here first so a typo stops start-up with a sentence, not silence.
/// </summary>
public sealed record OtlpSettings(Uri Endpoint, string Protocol, string ServiceName)
{
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ProtocolKey = "OTEL_EXPORTER_OTLP_PROTOCOL";
    public const string ServiceNameKey = "OTEL_SERVICE_NAME";
    public const string DefaultServiceName = "taskchat";

    /// <summary>Null when no endpoint is set: then nothing is collected or exported.</summary>
    public static OtlpSettings? From(IConfiguration configuration)
    {
        var endpoint = configuration[EndpointKey];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return null;
        }

        if (!Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException(
                $"{EndpointKey} is '{endpoint}'; set it to the collector's URL, e.g. http://localhost:4317 (gRPC) or http://localhost:4318 (HTTP). See the README.");
        }

        var protocol = configuration[ProtocolKey] is { Length: > 0 } value ? value.Trim() : "grpc";
        if (protocol is not ("grpc" or "http/protobuf"))
        {
            throw new InvalidOperationException(
                $"{ProtocolKey} is '{protocol}'; TaskChat exports with 'grpc' (the default) or 'http/protobuf'. See the README.");
        }

        var serviceName = configuration[ServiceNameKey] is { Length: > 0 } name ? name.Trim() : DefaultServiceName;
        return new OtlpSettings(uri, protocol, serviceName);
    }
}
