using System.Net;

namespace TaskChat.Web.Chat;

/// <summary>Turns a model failure into a sentence a person can act on; details stay in the log.</summary>
internal static class TurnErrors
{
    public static string Describe(Exception exception) => exception switch
    {
        TimeoutException or TaskCanceledException =>
            "The assistant took too long to answer. Try again in a moment.",
        HttpRequestException { StatusCode: HttpStatusCode.TooManyRequests } =>
            "The assistant is busy right now (rate limited). Try again in a moment.",
        HttpRequestException =>
            "The assistant could not be reached. Try again in a moment.",
        _ => "The assistant stopped unexpectedly. What it wrote so far is kept; try again.",
    };
}
