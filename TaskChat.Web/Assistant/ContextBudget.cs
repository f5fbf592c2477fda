using System.Text.Json;
using Microsoft.Extensions.AI;

namespace TaskChat.Web.Assistant;

/// <summary>
/// Fits a conversation into <see cref="AssistantOptions.HistoryBudgetChars"/>. System messages and
/// the current turn (the last user message and everything after it: tool calls, results, a
/// confirmed deletion) are always sent. Earlier turns are added newest first while they fit, and
/// only whole turns, so a tool call is never separated from its result and the model never sees
/// an answer without its question. Characters stand in for tokens (about four per token).
/// </summary>
public static class ContextBudget
{
    public static List<ChatMessage> Trim(IEnumerable<ChatMessage> messages, int budgetChars)
    {
        var all = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        var system = all.TakeWhile(m => m.Role == ChatRole.System).ToList();
        var turns = SplitIntoTurns(all.Skip(system.Count));
        if (turns.Count == 0)
        {
            return [.. all];
        }

        var kept = new List<List<ChatMessage>> { turns[^1] };
        var used = 0;
        for (var i = turns.Count - 2; i >= 0; i--)
        {
            used += turns[i].Sum(Size);
            if (used > budgetChars)
            {
                break;
            }

            kept.Add(turns[i]);
        }

        kept.Reverse();
        return [.. system, .. kept.SelectMany(turn => turn)];
    }

    /// <summary>A turn starts at a user message; anything before the first one is a turn of its own.</summary>
    private static List<List<ChatMessage>> SplitIntoTurns(IEnumerable<ChatMessage> messages)
    {
        var turns = new List<List<ChatMessage>>();
        foreach (var message in messages)
        {
            if (message.Role == ChatRole.User || turns.Count == 0)
            {
                turns.Add([]);
            }

            turns[^1].Add(message);
        }

        return turns;
    }

    public static int Size(ChatMessage message) => message.Contents.Sum(content => content switch
    {
        TextContent text => text.Text.Length,
        FunctionCallContent call => call.Name.Length + JsonSerializer.Serialize(call.Arguments).Length,
        FunctionResultContent result => result.Result?.ToString()?.Length ?? 0,
        _ => 0,
    });
}
