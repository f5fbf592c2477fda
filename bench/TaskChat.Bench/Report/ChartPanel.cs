namespace TaskChat.Bench.Report;

/// <summary>One panel of a <see cref="CategoryChart"/>: series of values over named points on the x axis, as lines or as bars.</summary>
internal sealed record ChartPanel(
    string Title,
    IReadOnlyList<string> XLabels,
    IReadOnlyList<ChartSeries> Series,
    (double Value, string Label)? Reference = null,
    bool LogScale = false,
    bool Bars = false);

/// <summary>A line of a panel; NaN values (not measured) are left out.</summary>
internal sealed record ChartSeries(string Name, string Colour, IReadOnlyList<double> Values, bool Dashed = false);
