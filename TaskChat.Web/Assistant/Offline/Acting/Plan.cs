using Microsoft.Extensions.AI;

namespace TaskChat.Web.Assistant.Offline.Acting;

/// <summary>The offline assistant's next step: tool calls for the pipeline to carry out, or the reply.</summary>
public sealed record Plan(IReadOnlyList<FunctionCallContent> Calls, string? Reply)
{
    public static Plan Say(string reply) => new([], reply);

    public static Plan Call(params FunctionCallContent[] calls) => new(calls, null);

    public static Plan Call(IEnumerable<FunctionCallContent> calls) => new(calls.ToList(), null);
}
