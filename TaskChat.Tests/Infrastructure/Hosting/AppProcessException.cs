namespace TaskChat.Tests.Infrastructure.Hosting;

/// <summary>An app process that did not do what the test needed; carries its output.</summary>
public sealed class AppProcessException(string message, string output)
    : Exception($"{message}{Environment.NewLine}--- app output ---{Environment.NewLine}{output}")
{
    public string Output { get; } = output;
}
