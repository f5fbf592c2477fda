using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TaskChat.Web.Chat.Conversations;
using TaskChat.Web.Data;
using TaskChat.Web.Identity;
using TaskChat.Web.Security;
using TaskChat.Web.Tasks.Api;

namespace TaskChat.Web.Account;

/// <summary>
/// What a person can do to their own account, for the account page and the API alike. Every
/// change that ends sessions (new password, sign out everywhere, deletion) also forgets the
/// cached stamp and closes the user's open hub connections on this node, so old tokens and
/// sockets stop at once; other nodes follow within <see cref="SessionValidator.CacheFor"/>.
/// </summary>
public sealed class AccountService(
    UserManager<AppUser> users, TaskChatDbContext db, SessionValidator sessions, UserConnections connections, TimeProvider time)
{
    /// <summary>Null when done; otherwise the errors by field (current_password, new_password).</summary>
    public async Task<Dictionary<string, string[]>?> ChangePasswordAsync(AppUser user, string? currentPassword, string? newPassword)
    {
        if (string.IsNullOrEmpty(currentPassword) || !await users.CheckPasswordAsync(user, currentPassword))
        {
            return new() { ["current_password"] = ["The current password is incorrect."] };
        }

        if (string.IsNullOrEmpty(newPassword))
        {
            return new() { ["new_password"] = ["Enter a new password."] };
        }

        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded)
        {
            return new() { ["new_password"] = result.Errors.Select(error => error.Description).ToArray() };
        }

        EndSessions(user.Id);
        return null;
    }

    public async Task SignOutEverywhereAsync(AppUser user)
    {
        await users.UpdateSecurityStampAsync(user);
        EndSessions(user.Id);
    }

    /// <summary>Deletes the account and, through the database's cascades, every task, conversation, message and tool call of it.</summary>
    public async Task<bool> DeleteAsync(AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password) || !await users.CheckPasswordAsync(user, password))
        {
            return false;
        }

        EndSessions(user.Id);
        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Deleting account {user.Id} failed: {string.Join(" ", result.Errors.Select(e => e.Code))}");
        }

        EndSessions(user.Id);
        return true;
    }

    public async Task<AccountData> ExportAsync(AppUser user, CancellationToken cancellationToken)
    {
        // A deleted task waits out its undo window before it is removed for good; it is no longer the person's list.
        var tasks = await db.Tasks.AsNoTracking().Where(task => task.UserId == user.Id && task.DeletedAt == null).OrderBy(task => task.Number)
            .ToListAsync(cancellationToken);
        var conversations = await db.Conversations.AsNoTracking().Where(conversation => conversation.UserId == user.Id)
            .Include(conversation => conversation.Messages).ThenInclude(message => message.ToolCalls)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        return new AccountData(
            time.GetUtcNow().UtcDateTime,
            new AccountDataUser(user.Id, user.Email ?? "", user.CreatedAt),
            tasks.Select(TaskDto.From).ToList(),
            conversations.OrderBy(conversation => conversation.CreatedAt).Select(conversation => new AccountDataConversation(
                conversation.Id, conversation.Title, conversation.CreatedAt, conversation.UpdatedAt,
                conversation.Messages.OrderBy(message => message.SequenceNumber).Select(MessageMapping.ToDto).ToList())).ToList());
    }

    private void EndSessions(Guid userId)
    {
        sessions.Forget(userId);
        connections.AbortAll(userId);
    }
}
