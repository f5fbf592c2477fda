using System.ClientModel;
using System.Net;
using System.Text.Json;

namespace TaskChat.Web.Chat.Turns;

/// <summary>
/// Turns a model failure into a sentence a person can act on; details stay in the log. The SDKs
/// report HTTP errors as <see cref="ClientResultException"/> with the status (0 when no response
/// came at all); a stream cut mid-reply surfaces as an <see cref="IOException"/>, an unreadable
/// chunk as a <see cref="JsonException"/>, and the model's timeouts as a <see cref="TimeoutException"/>.
/// </summary>
internal static class TurnErrors
{
    private const string Kept = " What it wrote so far is kept; try again.";

    public static string Describe(Exception exception) => exception switch
    {
        TimeoutException or TaskCanceledException =>
            "The assistant took too long to answer. Try again in a moment.",
        ClientResultException { Status: 429 } or HttpRequestException { StatusCode: HttpStatusCode.TooManyRequests } =>
            "The assistant is busy right now (rate limited). Try again in a moment.",
        ClientResultException { Status: 401 or 403 } e =>
            $"The model provider refused TaskChat's credentials (HTTP {e.Status}). Whoever runs TaskChat should check Assistant:ApiKey.",
        ClientResultException { Status: 404 } =>
            "The model provider does not know the configured model (HTTP 404). Whoever runs TaskChat should check Assistant:Model and Assistant:Endpoint.",
        ClientResultException { Status: >= 500 } e =>
            $"The model provider had a problem (HTTP {e.Status}). Try again in a moment.",
        ClientResultException { Status: >= 400 } e =>
            $"The model provider rejected the request (HTTP {e.Status}). Try rephrasing, or start a new conversation.",
        ClientResultException or HttpRequestException =>
            "The assistant could not be reached. Try again in a moment.",
        IOException =>
            "The connection to the assistant broke off mid-reply." + Kept,
        JsonException or FormatException =>
            "The assistant sent a reply TaskChat could not read." + Kept,
        _ => "The assistant stopped unexpectedly." + Kept,
    };
}
