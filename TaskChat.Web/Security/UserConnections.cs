using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace TaskChat.Web.Security;

/// <summary>
/// The hub connections open on this node, by user, so that when a user's sessions end (a new
/// password, "sign out everywhere", a deleted account) their open sockets end too instead of
/// living on with the old credentials.
/// </summary>
public sealed class UserConnections
{
    // Copy-on-write arrays: a user has one or two connections, and a dictionary per user cost
    // more memory per idle connection than the rest of this node's own bookkeeping together.
    private readonly ConcurrentDictionary<Guid, HubCallerContext[]> byUser = new();

    public void Add(Guid userId, HubCallerContext connection) =>
        byUser.AddOrUpdate(userId, _ => [connection], (_, existing) => [.. existing, connection]);

    public void Remove(Guid userId, string connectionId)
    {
        while (byUser.TryGetValue(userId, out var existing))
        {
            var rest = Array.FindAll(existing, connection => connection.ConnectionId != connectionId);
            var done = rest.Length == 0
                ? byUser.TryRemove(KeyValuePair.Create(userId, existing))
                : byUser.TryUpdate(userId, rest, existing);
            if (done)
            {
                return;
            }
        }
    }

    public int Count(Guid userId) => byUser.TryGetValue(userId, out var connections) ? connections.Length : 0;

    /// <summary>Closes every connection of the user on this node; returns how many there were.</summary>
    public int AbortAll(Guid userId)
    {
        if (!byUser.TryRemove(userId, out var connections))
        {
            return 0;
        }

        foreach (var connection in connections)
        {
            connection.Abort();
        }

        return connections.Length;
    }

    /// <summary>Every tracked connection, for the periodic re-check of sessions changed on other nodes.</summary>
    public IEnumerable<(Guid UserId, HubCallerContext Connection)> All() =>
        byUser.SelectMany(pair => pair.Value.Select(connection => (pair.Key, connection)));
}
