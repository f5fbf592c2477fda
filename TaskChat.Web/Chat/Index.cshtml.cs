using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using TaskChat.Web.Chat.Components;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Conversations;
using TaskChat.Web.Chat.Events;
using TaskChat.Web.Chat.Turns;
using TaskChat.Web.Identity;
using TaskChat.Web.Tasks;

namespace TaskChat.Web.Chat;

/// <summary>
/// <c>/chat</c> and <c>/chat/{id}</c>: the conversation rendered on the server (readable with
/// JavaScript off), plus the fragments the page's scripts (wwwroot/js/chat/) ask for. Sending and confirming also work as
/// plain form posts; with JavaScript the page uses the hub instead and streams.
/// </summary>
public sealed class ChatPageModel(
    ConversationStore store, TurnLifecycle turns, TurnFollower follower, ComponentHtml html, TaskCalendar calendar, IOptions<ChatSettings> settings) : PageModel
{
    public const int PageSize = 30;

    public IReadOnlyList<ConversationDto> Conversations { get; private set; } = [];

    /// <summary>The cursor of the sidebar's next page, if any.</summary>
    public string? MoreConversations { get; private set; }

    /// <summary>The user's zone and their today in it: message times and the sidebar's headings.</summary>
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public DateOnly Today { get; private set; }

    /// <summary>The conversation's newest sequence number, on whichever branch: where a watch resumes from.</summary>
    public int LastSequenceNumber { get; private set; }
    public Guid? ConversationId { get; private set; }
    public string? Title { get; private set; }
    public IReadOnlyList<MessageDto> Messages { get; private set; } = [];
    public bool HasMore { get; private set; }

    /// <summary>Set when the page shows an older page of the conversation (the no-JavaScript "Load older" link).</summary>
    public int? Before { get; private set; }

    public int MaxMessageLength => settings.Value.MaxMessageLength;

    [TempData]
    public string? Error { get; set; }

    /// <param name="message">A message to show (a search result): the page of the branch that holds it.</param>
    /// <param name="conversations">The sidebar page to show, without JavaScript.</param>
    public async Task<IActionResult> OnGetAsync(Guid? id, int? before, Guid? message, string? conversations, CancellationToken cancellationToken)
    {
        var userId = User.GetUserId();
        await LoadZoneAsync(cancellationToken);
        ConversationCursor.TryDecode(conversations, out var cursor);
        (Conversations, MoreConversations) = await store.ListAsync(userId, cursor, cancellationToken: cancellationToken);
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

        // A message deeper than the newest page: the page that ends with it.
        if (message is { } wanted && before is null && page.Messages.All(m => m.Id != wanted)
            && await store.FindMessageAsync(userId, wanted, cancellationToken) is { } found && found.SequenceNumber < page.Messages[0].SequenceNumber)
        {
            before = found.SequenceNumber + 1;
            page = (await store.PageAsync(userId, conversationId, before, PageSize, cancellationToken))!;
        }

        ConversationId = conversationId;
        Title = conversation.Title;
        LastSequenceNumber = conversation.LastSequenceNumber;
        Messages = page.Messages;
        HasMore = page.HasMore;
        Before = before;
        return Page();
    }

    /// <summary>The sidebar's next page, rendered; sidebar-pages.js appends it.</summary>
    public async Task<IActionResult> OnGetConversationsAsync(string? after, string? group, Guid? current, CancellationToken cancellationToken)
    {
        if (!ConversationCursor.TryDecode(after, out var cursor))
        {
            return BadRequest();
        }

        await LoadZoneAsync(cancellationToken);
        var (conversations, next) = await store.ListAsync(User.GetUserId(), cursor, cancellationToken: cancellationToken);
        return Content(await html.RenderAsync<ConversationList>(new Dictionary<string, object?>
        {
            [nameof(ConversationList.Conversations)] = conversations,
            [nameof(ConversationList.CurrentId)] = current,
            [nameof(ConversationList.Zone)] = Zone,
            [nameof(ConversationList.Today)] = Today,
            [nameof(ConversationList.AfterGroup)] = group,
            [nameof(ConversationList.Next)] = next,
        }), "text/html");
    }

    private async Task LoadZoneAsync(CancellationToken cancellationToken)
    {
        var today = await calendar.TodayAsync(User.GetUserId(), cancellationToken);
        Zone = TimeZones.Find(today.TimeZone);
        Today = today.Today;
    }

    /// <summary>One message as the page renders it; transcript.js swaps it in when a reply completes.</summary>
    public async Task<IActionResult> OnGetMessageAsync(Guid id, Guid messageId, CancellationToken cancellationToken)
    {
        var userId = User.GetUserId();
        var conversation = await store.FindAsync(userId, id, cancellationToken);
        var message = conversation is null ? null : await store.FindMessageAsync(userId, messageId, cancellationToken);
        if (conversation is null || message is null)
        {
            return NotFound();
        }

        await LoadZoneAsync(cancellationToken);
        return Content(await html.RenderAsync<MessageView>(new Dictionary<string, object?>
        {
            [nameof(MessageView.Zone)] = Zone,
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
        await LoadZoneAsync(cancellationToken);
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
            [nameof(MessageList.Zone)] = Zone,
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
