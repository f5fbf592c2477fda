namespace TaskChat.Web.ScaleOut;

/// <summary>
/// Whether this node is one of several (Redis configured). The chat page then connects its hub
/// by WebSocket without SignalR's negotiate request: behind a load balancer without sticky
/// sessions, negotiate and the connection it names can land on different nodes, and the second
/// node does not know the first one's connection id.
/// </summary>
public sealed record ScaleOutMode(bool Enabled);
