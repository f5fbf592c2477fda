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
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, HubCallerContext>> byUser = new();

    public void Add(Guid userId, HubCallerContext connection) =>
        byUser.GetOrAdd(userId, _ => new ConcurrentDictionary<string, HubCallerContext>())[connection.ConnectionId] = connection;

    public void Remove(Guid userId, string connectionId)
    {
        if (byUser.TryGetValue(userId, out var connections))
        {
            connections.TryRemove(connectionId, out _);
        }
    }

    public int Count(Guid userId) => byUser.TryGetValue(userId, out var connections) ? connections.Count : 0;

    /// <summary>Closes every connection of the user on this node; returns how many there were.</summary>
    public int AbortAll(Guid userId)
    {
        if (!byUser.TryRemove(userId, out var connections))
        {
            return 0;
        }

        foreach (var connection in connections.Values)
        {
            connection.Abort();
        }

        return connections.Count;
    }

    /// <summary>Every tracked connection, for the periodic re-check of sessions changed on other nodes.</summary>
    public IEnumerable<(Guid UserId, HubCallerContext Connection)> All() =>
        byUser.SelectMany(pair => pair.Value.Values.Select(connection => (pair.Key, connection)));
}
