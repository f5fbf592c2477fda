namespace TaskChat.Web.Chat.Components;

/// <summary>The chat page's server-side rendering: Markdown for replies, components to HTML for fragments.</summary>
public static class ChatUiExtensions
{
    public static WebApplicationBuilder AddChatUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MarkdownRenderer>();
        builder.Services.AddScoped<ComponentHtml>();
        return builder;
    }
}
