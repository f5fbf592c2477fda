using TaskChat.Web.Assistant.Matching;
using TaskChat.Web.Assistant.Offline.Understanding;

namespace TaskChat.Web.Assistant.Offline.Acting;

/// <summary>
/// What the offline assistant says when no tool is involved: small talk, help, questions back.
/// Small talk is short and varied: an opener and two or three things to try, picked by how far
/// the conversation has got, so the same question twice gets a different answer.
/// </summary>
public static class ChatReplies
{
    public const string NothingToConfirm = "There's nothing waiting for your confirmation right now.";

    public const string NothingDeleted = "Okay, nothing was deleted.";

    public const string ToolsUnavailable = "I can't change your tasks from here right now.";

    public const string CannotUndo = "I can't undo changes from here right now.";

    public const string WhichTaskIsIt = "Which task do you mean? Tell me its name or number, for example “mark the report as done” or “complete task 2”.";

    public static string For(RequestIntent intent, TurnState state)
    {
        var turn = state.RepliesSoFar + (state.UserText?.Length ?? 0);
        var opener = intent switch
        {
            RequestIntent.Greeting => Pick(Greetings, turn),
            RequestIntent.Thanks => Pick(Thanks, turn),
            RequestIntent.SmallTalk => Pick(SmallTalk, turn),
            RequestIntent.Help => "I keep your to-do list. Tell me what to do in your own words, for example:",
            _ => Pick(NotUnderstood, turn),
        };
        var count = intent == RequestIntent.Help ? 5 : intent == RequestIntent.Thanks ? 2 : 3;
        var ideas = Enumerable.Range(0, count).Select(i => Ideas[(turn * 3 + i) % Ideas.Length]);
        return opener + "\n\n" + string.Join("\n", ideas.Select(idea => $"- {idea}"));
    }

    public const string AskWhat =
        "Tell me a little more: which task, or what should it say? For example “add call mom tomorrow”, “mark the report as done” or “delete task 3”.";

    public static string NothingToApply(RequestIntent intent) => intent switch
    {
        RequestIntent.Complete => "There's nothing left to complete: every task is already done.",
        RequestIntent.Reopen => "There's nothing to reopen: no task is done yet.",
        RequestIntent.Delete => "There's nothing to delete.",
        _ => "There's no task for that yet.",
    };

    public static string WhichOne(string words, IReadOnlyList<TaskMatch> candidates) =>
        $"More than one task fits {TaskText.Quote(words)}:\n\n" +
        string.Join("\n", candidates.Select(c => $"- {c.Number}. {c.Title}")) +
        $"\n\n{TurnState.WhichOneQuestion} Reply with its number.";

    public static string NotFound(string words, TaskMatch? closest) =>
        closest is null
            ? $"I couldn't find a task matching {TaskText.Quote(words)}. Say “show my tasks” to see them all."
            : $"I couldn't find a task matching {TaskText.Quote(words)}. The closest is task {closest.Number}, {TaskText.Quote(closest.Title)}: say “task {closest.Number}” if that's the one.";

    private static string Pick(string[] options, int turn) => options[turn % options.Length];

    private static readonly string[] Greetings =
    [
        "Hi! What's on your list today? You could say:",
        "Hello! I'm here to keep track of your tasks. Try:",
        "Hey there! Ready when you are. For instance:",
        "Good to see you! Here are a few things I can do:",
    ];

    private static readonly string[] Thanks =
    [
        "You're welcome! Anything else?",
        "Happy to help! What's next?",
        "Any time! If you need more:",
        "Glad that worked. Whenever you're ready:",
    ];

    private static readonly string[] SmallTalk =
    [
        "I'm doing well, thanks for asking! I'm best at your to-do list, though:",
        "I'm just TaskChat's offline assistant, so I stick to tasks. Try:",
        "Ha! I'm better with tasks than small talk. How about:",
        "I'm here and ready to help with your tasks, like:",
    ];

    private static readonly string[] NotUnderstood =
    [
        "Sorry, I didn't get that. I'm the offline assistant and I know everyday requests about your tasks, such as:",
        "Hmm, I'm not sure what you mean. I can help with things like:",
        "I didn't quite catch that. You could try:",
        "That one's beyond me, but I can do these:",
    ];

    private static readonly string[] Ideas =
    [
        "“remind me to call mom tomorrow”",
        "“what's due today?”",
        "“mark the report as done”",
        "“add eggs, milk and bread to my shopping list”",
        "“move the dentist to Friday”",
        "“what's on my work list?”",
        "“complete 1 and 3”",
        "“undo”",
        "“make it urgent”",
        "“what's overdue?”",
        "“delete the groceries task”",
        "“show my tasks”",
    ];
}
