using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using TaskChat.Web.Chat.Components;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Conversations;
using TaskChat.Web.Chat.Events;
using TaskChat.Web.Chat.Turns;
using TaskChat.Web.Identity;

namespace TaskChat.Web.Chat;

/// <summary>
/// <c>/chat</c> and <c>/chat/{id}</c>: the conversation rendered on the server (readable with
/// JavaScript off), plus the fragments chat.js asks for. Sending and confirming also work as
/// plain form posts; with JavaScript the page uses the hub instead and streams.
/// </summary>
public sealed class ChatPageModel(
    ConversationStore store, TurnLifecycle turns, TurnFollower follower, ComponentHtml html, IOptions<ChatSettings> settings) : PageModel
{
    public const int PageSize = 30;

    public IReadOnlyList<ConversationDto> Conversations { get; private set; } = [];
    public Guid? ConversationId { get; private set; }
    public string? Title { get; private set; }
    public IReadOnlyList<MessageDto> Messages { get; private set; } = [];
    public bool HasMore { get; private set; }

    /// <summary>Set when the page shows an older page of the conversation (the no-JavaScript "Load older" link).</summary>
    public int? Before { get; private set; }

    public int MaxMessageLength => settings.Value.MaxMessageLength;

    [TempData]
    public string? Error { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, int? before, CancellationToken cancellationToken)
    {
        var userId = User.GetUserId();
        Conversations = (await store.ListAsync(userId, cancellationToken: cancellationToken)).Conversations;
        if (id is not { } conversationId)
        {
            return Page();
        }

        var conversation = await store.FindAsync(userId, conversationId, cancellationToken);
        var page = await store.PageAsync(userId, conversationId, before, PageSize, cancellationToken);
        if (conversation is null || page is null)
        {
            return NotFound();
        }

        ConversationId = conversationId;
        Title = conversation.Title;
        Messages = page.Messages;
        HasMore = page.HasMore;
        Before = before;
        return Page();
    }

    /// <summary>One message as the page renders it; chat.js swaps it in when a reply completes.</summary>
    public async Task<IActionResult> OnGetMessageAsync(Guid id, Guid messageId, CancellationToken cancellationToken)
    {
        var userId = User.GetUserId();
        var conversation = await store.FindAsync(userId, id, cancellationToken);
        var message = conversation is null ? null : await store.FindMessageAsync(userId, messageId, cancellationToken);
        if (conversation is null || message is null)
        {
            return NotFound();
        }

        return Content(await html.RenderAsync<MessageView>(new Dictionary<string, object?>
        {
            [nameof(MessageView.Message)] = message,
            [nameof(MessageView.ConversationId)] = id,
            [nameof(MessageView.IsLatest)] = message.Id == conversation.CurrentMessageId,
        }), "text/html");
    }

    /// <summary>
    /// The page of messages before <paramref name="before"/> (the same keyset paging as
    /// <c>GET /api/v1/conversations/{id}/messages</c>), rendered; <c>X-Has-More</c> says if older ones remain.
    /// </summary>
    public async Task<IActionResult> OnGetHistoryAsync(Guid id, int before, CancellationToken cancellationToken)
    {
        var page = await store.PageAsync(User.GetUserId(), id, before, PageSize, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        Response.Headers["X-Has-More"] = page.HasMore ? "true" : "false";
        return Content(await html.RenderAsync<MessageList>(new Dictionary<string, object?>
        {
            [nameof(MessageList.Messages)] = page.Messages,
            [nameof(MessageList.ConversationId)] = id,
            [nameof(MessageList.IncludesNewest)] = false,
        }), "text/html");
    }

    /// <summary>Without JavaScript: runs the turn to its end, then shows the conversation.</summary>
    public Task<IActionResult> OnPostSendAsync(Guid? id, string? text, CancellationToken cancellationToken) =>
        RunTurnAsync(new TurnRequest(id, text, null), cancellationToken);

    /// <summary>Without JavaScript: the Confirm / Cancel buttons of a deletion card.</summary>
    public Task<IActionResult> OnPostConfirmAsync(Guid id, Guid toolCallId, bool approve, CancellationToken cancellationToken) =>
        RunTurnAsync(TurnRequest.From(new ConfirmToolCallRequest(id, toolCallId, approve)), cancellationToken);

    private async Task<IActionResult> RunTurnAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var userId = User.GetUserId();
        var start = await turns.StartAsync(userId, request, cancellationToken);
        if (start.Error is { } refused)
        {
            Error = refused.Message;
            return request.ConversationId is { } back ? Redirect($"/chat/{back}") : Redirect("/chat");
        }

        var finished = await FinishedTurn.FollowAsync(follower, userId, start, cancellationToken);
        Error = finished.Failure?.Message;

        return Redirect($"/chat/{start.ConversationId}");
    }
}
