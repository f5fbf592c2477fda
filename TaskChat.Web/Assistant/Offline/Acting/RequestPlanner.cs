using TaskChat.Web.Assistant.Offline.Understanding;

namespace TaskChat.Web.Assistant.Offline.Acting;

/// <summary>
/// The acting half of the offline assistant: given what the parser understood and what the tools
/// already returned this turn, decides the next tool calls, or the reply once there is nothing
/// left to call. Lookups (find_tasks, list_tasks) come first when a request names tasks by words
/// or as "everything"; the change follows in the next step.
/// </summary>
public static class RequestPlanner
{
    public static Plan Next(AssistantRequest request, TurnState state, OfflineTools tools, DateOnly today)
    {
        if (state.ThisTurn.Any(r => OfflineTools.Changes.Contains(r.Name)))
        {
            return Plan.Say(ResultReplies.ForChanges(request, state.ThisTurn, today));
        }

        if (!tools.Any && request.Intent is not (RequestIntent.Greeting or RequestIntent.Thanks or RequestIntent.Help
            or RequestIntent.SmallTalk or RequestIntent.Unknown or RequestIntent.Confirm or RequestIntent.Deny))
        {
            return Plan.Say(ChatReplies.ToolsUnavailable);
        }

        switch (request.Intent)
        {
            case RequestIntent.Add:
                return Plan.Call(request.NewTasks.Select(task => ToolCalls.Add(task)));
            case RequestIntent.List or RequestIntent.Count:
                return Question(request, state, today);
            case RequestIntent.Undo when tools.Has(OfflineTools.Undo):
                return Plan.Call(OfflineTools.Call(OfflineTools.Undo));
            case RequestIntent.Undo:
                return Plan.Say(ChatReplies.CannotUndo);
            case RequestIntent.Complete or RequestIntent.Reopen or RequestIntent.Delete or RequestIntent.Update or RequestIntent.AddOrMove:
                return TargetResolver.Resolve(request, state, tools, today);
            case RequestIntent.Confirm:
                return Plan.Say(ChatReplies.NothingToConfirm);
            case RequestIntent.Deny:
                return Plan.Say(ChatReplies.NothingDeleted);
            case RequestIntent.Incomplete:
                return Plan.Say(ChatReplies.AskWhat);
            default:
                return Plan.Say(ChatReplies.For(request.Intent, state));
        }
    }

    private static Plan Question(AssistantRequest request, TurnState state, DateOnly today)
    {
        var query = request.Query ?? ListQuery.Everything;
        var listed = state.ThisTurn.LastOrDefault(r => r.Name == OfflineTools.ListTasks);
        return listed is null
            ? Plan.Call(ToolCalls.List(query, today))
            : Plan.Say(ResultReplies.Answer(request.Intent == RequestIntent.Count, query, listed, today));
    }
}
