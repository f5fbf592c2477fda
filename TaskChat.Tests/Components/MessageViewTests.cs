using Bunit;
using TaskChat.Web.Chat.Components;
using TaskChat.Web.Chat.Model;
using static TaskChat.Tests.Components.ComponentTestData;

namespace TaskChat.Tests.Components;

/// <summary>How one message renders on the server: what the page shows before any script runs.</summary>
public sealed class MessageViewTests : IDisposable
{
    private readonly BunitContext context = NewContext();

    [Fact]
    public void UserTextIsShownAsTextNeverAsMarkup()
    {
        const string text = "<img src=x onerror=alert(1)> **not bold** <script>alert(2)</script>";
        var view = context.Render<MessageView>(p => p.Add(x => x.Message, UserMessage(text)));

        Assert.Equal(text, view.Find("li.message.user .text").TextContent);
        Assert.Empty(view.FindAll("img"));
        Assert.Empty(view.FindAll("script"));
        Assert.Empty(view.FindAll("strong"));
    }

    [Fact]
    public void AssistantMarkdownIsRenderedAndSanitized()
    {
        const string reply =
            "Here are **your tasks**:\n\n- ☐ 1. Buy milk\n- ✓ 2. Call mom\n\n" +
            "<script>alert(1)</script> <img src=x onerror=alert(2)> <a href=\"https://evil.example\" onclick=\"alert(3)\">raw</a>\n\n" +
            "[bad](javascript:alert(4)) [good](https://example.com/docs) and `code`";
        var view = context.Render<MessageView>(p => p.Add(x => x.Message, AssistantReply(reply)));

        var content = view.Find(".content.markdown");
        Assert.Equal("your tasks", content.QuerySelector("strong")!.TextContent);
        Assert.Equal(2, content.QuerySelectorAll("ul > li").Length);
        Assert.Equal("code", content.QuerySelector("code")!.TextContent);

        // Raw HTML from the model is shown as text, never as elements.
        Assert.Empty(view.FindAll("script, img, [onclick], [onerror]"));
        Assert.Contains("<script>alert(1)</script>", content.TextContent);
        Assert.Contains("<a href=\"https://evil.example\"", content.TextContent);

        // Links keep only safe schemes and cannot reach back into the page.
        var links = content.QuerySelectorAll("a");
        Assert.DoesNotContain(links, link => (link.GetAttribute("href") ?? "").StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        var good = Assert.Single(links, link => link.GetAttribute("href") == "https://example.com/docs");
        Assert.Equal("noopener noreferrer nofollow", good.GetAttribute("rel"));
        Assert.Equal("_blank", good.GetAttribute("target"));
    }

    [Fact]
    public void AReplyStillBeingWrittenIsPlainText()
    {
        var view = context.Render<MessageView>(p => p.Add(x => x.Message, AssistantReply("**half** a rep", MessageStatus.Streaming)));

        var item = view.Find("li.message.assistant");
        Assert.Equal("streaming", item.GetAttribute("data-status"));
        Assert.Equal("**half** a rep", view.Find(".content.plain").TextContent);
        Assert.Empty(view.FindAll("strong"));
        Assert.Equal("true", view.Find(".bubble").GetAttribute("aria-busy"));
        Assert.Equal("Writing…", view.Find(".message-status").TextContent);
    }

    [Theory]
    [InlineData(MessageStatus.Completed, "completed", "", false)]
    [InlineData(MessageStatus.Cancelled, "cancelled", "Stopped", false)]
    [InlineData(MessageStatus.Failed, "failed", "The reply failed.", true)]
    [InlineData(MessageStatus.Interrupted, "interrupted", "The reply was interrupted.", true)]
    public void StatusIsShownAndFailedOrInterruptedRepliesOfferRetry(MessageStatus status, string wire, string shown, bool retry)
    {
        var view = context.Render<MessageView>(p => p
            .Add(x => x.Message, AssistantReply("Partial answer", status))
            .Add(x => x.RetryText, "Show me my tasks"));

        Assert.Equal(wire, view.Find("li.message").GetAttribute("data-status"));
        Assert.Equal(shown, view.Find(".message-status").TextContent);
        var button = view.FindAll("button[data-retry]");
        Assert.Equal(retry ? 1 : 0, button.Count);
        if (retry)
        {
            // Retry resends the user's message: a submit button of the composer form carrying it.
            Assert.Equal("Show me my tasks", button[0].GetAttribute("value"));
            Assert.Equal("composer", button[0].GetAttribute("form"));
            Assert.Equal("Retry", button[0].TextContent);
        }
    }

    [Fact]
    public void ToolCallsAreShownAboveTheReply()
    {
        var call = Call("add_task", """{"title":"Buy groceries"}""", ToolCallStatus.Succeeded,
            """{"status":"succeeded","message":"Added task 1, “Buy groceries”."}""");
        var view = context.Render<MessageView>(p => p.Add(x => x.Message, AssistantReply("I've added it.", MessageStatus.Completed, call)));

        var card = view.Find(".tool-calls .tool-card");
        Assert.Equal(call.Id.ToString(), card.GetAttribute("data-tool-call-id"));
        Assert.Equal("Add task “Buy groceries”", card.QuerySelector(".tool-words")!.TextContent);
    }

    public void Dispose() => context.Dispose();
}
