namespace TaskChat.Web.Usage;

/// <summary>One row of figures, one value per date; <paramref name="CssClass"/> picks its colour.</summary>
public sealed record BarSeries(string Name, string CssClass, IReadOnlyList<int> Values);
