using TaskChat.Web.Chat.Conversations;

namespace TaskChat.Tests.Chat;

/// <summary>A new conversation is titled by what its first message is about, never longer than a line.</summary>
public sealed class ConversationTitleTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Theory]
    [InlineData("add milk to my list", "Milk")]
    [InlineData("remind me to call the dentist tomorrow, it's urgent", "Call the dentist")]
    [InlineData("add eggs, milk and bread to my shopping list", "Eggs, Milk and Bread")]
    [InlineData("hey, can you show me my tasks", "Show me my tasks")]
    [InlineData("Hi there! please mark task 1 as done", "Mark task 1 as done")]
    [InlineData("could you please delete task 3", "Delete task 3")]
    [InlineData("What's left?", "What's left?")]
    [InlineData("Hi", "Hi")]
    [InlineData("hello!", "hello!")]
    [InlineData("   ", ConversationTitle.Untitled)]
    public void IsWhatTheFirstMessageIsAbout(string message, string title) =>
        Assert.Equal(title, ConversationTitle.For(message, Today));

    [Fact]
    public void ALongMessageIsCutAtAWordWithAnEllipsis()
    {
        var title = ConversationTitle.For("I was wondering whether you could explain   how the   weekly review works when I have many lists", Today);

        Assert.Equal("I was wondering whether you could explain how the weekly…", title);
        Assert.DoesNotContain("  ", title);
    }
}
