using System.Globalization;
using System.Text;
using TaskChat.Web.Chat.Components;
using TaskChat.Web.Chat.Contracts;
using TaskChat.Web.Chat.Model;

namespace TaskChat.Web.Chat.Exports;

/// <summary>A branch of a conversation as Markdown a person reads: who said what, when, and what the tools did.</summary>
internal static class ConversationMarkdown
{
    /// <summary>Times are in the user's own zone, named once under the title.</summary>
    public static string Write(string title, IReadOnlyList<MessageDto> messages, TimeZoneInfo zone)
    {
        var markdown = new StringBuilder();
        markdown.Append("# ").AppendLine(title.ReplaceLineEndings(" ")).AppendLine();
        markdown.Append("_Times in ").Append(zone.Id).AppendLine("._").AppendLine();
        foreach (var message in messages)
        {
            var who = message.Role == MessageRole.User ? "You" : "TaskChat";
            markdown.Append("**").Append(who).Append("** · ")
                .Append(TimeZoneInfo.ConvertTimeFromUtc(message.CreatedAt, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            if (message.SiblingCount > 1)
            {
                markdown.Append(CultureInfo.InvariantCulture, $" · version {message.SiblingIndex} of {message.SiblingCount}");
            }

            markdown.AppendLine().AppendLine();
            foreach (var call in message.ToolCalls)
            {
                markdown.Append("> 🔧 ").Append(ToolCallText.Describe(call.Name, call.Arguments))
                    .Append(" — ").Append(ToolCallText.Status(call.Status));
                if (ToolCallText.ResultMessage(call.Result) is { Length: > 0 } result)
                {
                    markdown.Append(": ").Append(result.ReplaceLineEndings(" "));
                }

                markdown.AppendLine().AppendLine();
            }

            if (message.Content.Length > 0)
            {
                markdown.AppendLine(message.Content.Trim()).AppendLine();
            }

            if (message.Status is not (MessageStatus.Completed or MessageStatus.Streaming))
            {
                markdown.Append("_(").Append(WireNames.Of(message.Status)).AppendLine(")_").AppendLine();
            }
        }

        return markdown.ToString();
    }
}
