using TaskChat.Web.Assistant.Matching;
using TaskChat.Web.Assistant.Offline.Understanding;

namespace TaskChat.Web.Assistant.Offline.Acting;

/// <summary>
/// Turns the tasks a request names into task numbers: numbers as they are, "it" from the
/// conversation, words through find_tasks and the matcher, "everything" through list_tasks.
/// When a name fits two tasks about equally it asks which; when none fits it says so and offers
/// the closest.
/// </summary>
public static class TargetResolver
{
    public static Plan Resolve(AssistantRequest request, TurnState state, OfflineTools tools, DateOnly today)
    {
        var numbers = new List<int>();
        var lookups = new List<Microsoft.Extensions.AI.FunctionCallContent>();
        foreach (var target in request.Targets)
        {
            var step = One(request, target, state, tools);
            if (step.Missing)
            {
                return Missing(request, state, tools, today, step);
            }

            if (step.Reply is { } reply)
            {
                return Plan.Say(reply);
            }

            numbers.AddRange(step.Numbers);
            lookups.AddRange(step.Lookups);
        }

        // "by a week" needs each task's current due date.
        if (request.Fields.ShiftDays is not null && lookups.Count == 0 && Seen(state, OfflineTools.ListTasks, "all") is null
            && !numbers.All(n => Known(state, n) is not null))
        {
            lookups.Add(ToolCalls.ListAll());
        }

        if (lookups.Count > 0)
        {
            return Plan.Call(lookups.DistinctBy(call => call.Name + string.Join(",", call.Arguments!.Values)));
        }

        // In number order, as the task list shows them: "delete the bread and the eggs" lists 1 then 3.
        numbers = request.Intent is RequestIntent.Complete or RequestIntent.Delete ? [.. numbers.Distinct().Order()] : [.. numbers.Distinct()];
        if (numbers.Count == 0)
        {
            return Plan.Say(ChatReplies.NothingToApply(request.Intent));
        }

        return Act(request, numbers, state, tools, today);
    }

    /// <summary>
    /// A name that fits nothing: "put X on my list" adds X; "groceries and the dentist" split
    /// wrongly is tried whole ("call mom and dad"); otherwise the reply says so.
    /// </summary>
    private static Plan Missing(AssistantRequest request, TurnState state, OfflineTools tools, DateOnly today, Step step)
    {
        if (request.Intent == RequestIntent.AddOrMove)
        {
            return Plan.Call(request.NewTasks.Select(ToolCalls.Add));
        }

        var words = request.Targets.Where(t => t.Kind == ReferenceKind.Words).Select(t => t.Words!).ToList();
        if (words.Count > 1)
        {
            var whole = request with { Targets = [TaskReference.ByWords(string.Join(" and ", words))] };
            return Resolve(whole, state, tools, today);
        }

        return Plan.Say(step.Reply!);
    }

    private static Plan Act(AssistantRequest request, IReadOnlyList<int> numbers, TurnState state, OfflineTools tools, DateOnly today) =>
        request.Intent switch
        {
            RequestIntent.Complete => Plan.Call(ToolCalls.Complete(numbers, tools)),
            RequestIntent.Reopen => Plan.Call(ToolCalls.Reopen(numbers, tools)),
            RequestIntent.Delete => Plan.Call(ToolCalls.Delete(numbers, tools)),
            _ => Plan.Call(numbers.Select(n => ToolCalls.Update(n, request.Fields, Known(state, n), today))),
        };

    private sealed record Step(IReadOnlyList<int> Numbers, IReadOnlyList<Microsoft.Extensions.AI.FunctionCallContent> Lookups, string? Reply = null, bool Missing = false)
    {
        public static Step Found(params int[] numbers) => new(numbers, []);

        public static Step LookUp(Microsoft.Extensions.AI.FunctionCallContent call) => new([], [call]);

        public static Step Say(string reply) => new([], [], reply);
    }

    private static Step One(AssistantRequest request, TaskReference target, TurnState state, OfflineTools tools)
    {
        switch (target.Kind)
        {
            case ReferenceKind.Number:
                return Step.Found(target.Number!.Value);
            case ReferenceKind.It:
                return state.Context.LastTask is { } last ? Step.Found(last) : Step.Say(ChatReplies.WhichTaskIsIt);
            case ReferenceKind.All or ReferenceKind.Completed:
                var status = target.Kind == ReferenceKind.Completed ? "done" : request.Intent switch
                {
                    RequestIntent.Complete => "open",
                    RequestIntent.Reopen => "done",
                    _ => "all",
                };
                return Seen(state, OfflineTools.ListTasks, status) is { } listed
                    ? Step.Found([.. listed.Tasks.Select(t => t.Number)])
                    : Step.LookUp(ToolCalls.ListAll(status));
            default:
                return ByWords(request, target.Words!, state, tools);
        }
    }

    private static Step ByWords(AssistantRequest request, string words, TurnState state, OfflineTools tools)
    {
        var lookup = tools.Has(OfflineTools.FindTasks) ? ToolCalls.Find(words) : ToolCalls.ListAll();
        var seen = tools.Has(OfflineTools.FindTasks) ? SeenFind(state, words) : Seen(state, OfflineTools.ListTasks, "all");
        if (seen is null)
        {
            return Step.LookUp(lookup);
        }

        // A reopen looks among done tasks, anything else prefers open ones when both fit.
        var candidates = seen.Tasks.Where(t => request.Intent == RequestIntent.Reopen ? t.IsCompleted : true).ToList();
        var outcome = TaskMatcher.Decide(words, candidates.Select(t => (t.Number, t.Title)));
        if (outcome.Kind == MatchKind.Ambiguous && request.Intent == RequestIntent.Complete)
        {
            // Of two that fit, only one still open: that is the one to complete.
            var open = outcome.Candidates.Where(c => candidates.Any(t => t.Number == c.Number && !t.IsCompleted)).ToList();
            if (open.Count == 1)
            {
                return Step.Found(open[0].Number);
            }
        }

        return outcome.Kind switch
        {
            MatchKind.Found => Step.Found(outcome.Best!.Number),
            MatchKind.Ambiguous => Step.Say(ChatReplies.WhichOne(words, outcome.Candidates)),
            _ => new Step([], [], ChatReplies.NotFound(words, outcome.Closest), Missing: true),
        };
    }

    private static SeenResult? SeenFind(TurnState state, string words) =>
        state.ThisTurn.LastOrDefault(r => r.Name == OfflineTools.FindTasks && string.Equals(r.Argument("query"), words, StringComparison.Ordinal));

    private static SeenResult? Seen(TurnState state, string name, string status) =>
        state.ThisTurn.LastOrDefault(r => r.Name == name && (r.Argument("status") ?? "all") == status && r.Status != ToolStatus.Failed);

    private static SeenTask? Known(TurnState state, int number) =>
        state.ThisTurn.SelectMany(r => r.AllTasks).LastOrDefault(t => t.Number == number);
}
