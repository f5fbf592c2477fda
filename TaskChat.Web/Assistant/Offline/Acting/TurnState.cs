using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using TaskChat.Web.Assistant.Offline.Understanding;

namespace TaskChat.Web.Assistant.Offline.Acting;

/// <summary>
/// What the offline assistant reads from the conversation it is given: the user's message, the
/// tool calls it already made for it (this turn) and what the turns before tell the parser
/// (the task "it" means, a "which one?" still waiting for an answer).
/// </summary>
public sealed partial record TurnState(string? UserText, IReadOnlyList<SeenResult> ThisTurn, ConversationContext Context, int RepliesSoFar)
{
    /// <summary>Marks a reply that asks the user to choose a task; the next message may answer it.</summary>
    public const string WhichOneQuestion = "Which one do you mean?";

    public static TurnState Read(IReadOnlyList<ChatMessage> history, Func<string?, ConversationContext, AssistantRequest> parse)
    {
        var lastUser = LastIndex(history, ChatRole.User);
        var userText = lastUser >= 0 ? history[lastUser].Text : null;
        var thisTurn = Results(history, lastUser + 1, history.Count);
        var before = lastUser >= 0 ? Results(history, 0, lastUser) : [];

        var previousUser = lastUser > 0 ? LastIndex(history, ChatRole.User, lastUser - 1) : -1;
        var previousReply = lastUser > 0 ? history[lastUser - 1] : null;

        // "It" is the one task the last reply showed ("what's due tomorrow?" then "make it urgent"),
        // else the task of the latest result about a single task.
        var shown = previousReply?.Role == ChatRole.Assistant ? Listed(previousReply.Text) : [];
        var lastTask = shown.Count == 1
            ? shown[0]
            : before.LastOrDefault(r => r.Status != ToolStatus.Failed && r.AllTasks.Count == 1)?.AllTasks[0].Number;
        var context = new ConversationContext(lastTask);
        if (previousUser >= 0 && previousReply?.Role == ChatRole.Assistant && previousReply.Text.Contains(WhichOneQuestion, StringComparison.Ordinal))
        {
            var offered = Results(history, previousUser + 1, lastUser).LastOrDefault(r => r.Tasks.Count > 0)?.Tasks;
            var waiting = parse(history[previousUser].Text, ConversationContext.Empty);
            context = context with { AwaitingChoice = waiting, Offered = Offered(previousReply.Text, offered) };
        }

        var replies = history.Count(m => m.Role == ChatRole.Assistant && m.Text.Length > 0);
        return new TurnState(userText, thisTurn, context, replies);
    }

    /// <summary>The numbers the question listed, in its order ("- 2. Buy groceries").</summary>
    private static IReadOnlyList<int> Offered(string question, IReadOnlyList<SeenTask>? tasks) =>
        Listed(question) is { Count: > 0 } listed ? listed : tasks?.Select(t => t.Number).ToList() ?? [];

    /// <summary>The task numbers of a reply's bullet list ("- ☐ 4. Call the dentist"), in order.</summary>
    private static List<int> Listed(string reply) =>
        ListedTask().Matches(reply).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();

    [GeneratedRegex(@"^- (?:☐ |✓ )?(\d+)\.", RegexOptions.Multiline)]
    private static partial Regex ListedTask();

    private static List<SeenResult> Results(IReadOnlyList<ChatMessage> history, int from, int to)
    {
        var calls = new Dictionary<string, FunctionCallContent>();
        var results = new List<SeenResult>();
        for (var i = from; i < to; i++)
        {
            foreach (var content in history[i].Contents)
            {
                if (content is FunctionCallContent call)
                {
                    calls[call.CallId] = call;
                }
                else if (content is FunctionResultContent result)
                {
                    results.Add(SeenResult.Read(calls.GetValueOrDefault(result.CallId), result));
                }
            }
        }

        return results;
    }

    private static int LastIndex(IReadOnlyList<ChatMessage> history, ChatRole role, int? before = null)
    {
        for (var i = before ?? history.Count - 1; i >= 0; i--)
        {
            if (history[i].Role == role)
            {
                return i;
            }
        }

        return -1;
    }
}
