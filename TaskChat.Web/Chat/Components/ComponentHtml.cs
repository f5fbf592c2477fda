using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace TaskChat.Web.Chat.Components;

/// <summary>
/// Renders a component to an HTML string outside a Razor view: the chat page's fragment
/// handlers (one finished message, an older page) answer with the same markup the page
/// itself renders, so the browser never builds Markdown or tool cards of its own for history.
/// </summary>
public sealed class ComponentHtml(IServiceProvider services, ILoggerFactory loggers)
{
    public async Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters) where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(services, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
    }
}
