namespace TaskChat.Web.Usage;

/// <summary>Where one bar goes, in the chart's own units (a slot is <see cref="BarChart.SlotWidth"/> wide, the plot <see cref="BarChart.Height"/> tall).</summary>
public sealed record BarGeometry(BarSeries Series, DateOnly Date, int Value, double X, double Y, double Width, double Height);
