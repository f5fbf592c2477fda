namespace TaskChat.Web.Chat.Events;

/// <summary>
/// Event numbers are derived, not stored: a turn's events are numbered from its assistant
/// message's sequence number times <see cref="PerTurn"/>. They grow across turns and across
/// restarts without a database write per event, and a number alone says which turn it is in.
/// </summary>
public static class EventNumbers
{
    public const long PerTurn = 1_000_000;

    public static long First(int assistantSequenceNumber) => assistantSequenceNumber * PerTurn;

    public static int TurnOf(long eventNumber) => (int)(eventNumber / PerTurn);
}
