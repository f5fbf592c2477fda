using System.Net;
using System.Text;
using static TaskChat.Bench.Report.SvgChart;

namespace TaskChat.Bench.Report;

/// <summary>
/// The new sections' charts, in the style of the main one: panels two to a row, each a few
/// series over named points (N = 50, "1,000 messages", ...) spaced evenly.
/// </summary>
internal static class CategoryChart
{
    private const int PanelWidth = 440;
    private const int PanelHeight = 250;
    private const int Margin = 56;

    public static readonly string[] Colours = ["#1f6feb", "#d1242f", "#9a6700", "#1a7f37", "#8250df", "#8b949e"];

    public static string Render(string title, IReadOnlyList<ChartPanel> panels)
    {
        var rows = (panels.Count + 1) / 2;
        var width = PanelWidth * 2 + 90;
        var height = rows * (PanelHeight + 30) + 50;
        var svg = new StringBuilder();
        svg.AppendLine(Invariant($"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">"""));
        svg.AppendLine(Invariant($"""<rect width="{width}" height="{height}" fill="white"/>"""));
        svg.AppendLine(Invariant($"""<text x="20" y="24" font-size="15" font-weight="bold">{WebUtility.HtmlEncode(title)}</text>"""));
        for (var i = 0; i < panels.Count; i++)
        {
            Panel(svg, 20 + i % 2 * (PanelWidth + 20), 40 + i / 2 * (PanelHeight + 30), panels[i]);
        }

        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    private static void Panel(StringBuilder svg, int left, int top, ChartPanel panel)
    {
        var plotLeft = left + Margin;
        var plotTop = top + 24;
        var plotWidth = PanelWidth - Margin - 16;
        var plotHeight = PanelHeight - 70;
        var values = panel.Series.SelectMany(s => s.Values).Where(double.IsFinite).Append(panel.Reference?.Value ?? 0).ToList();
        var (y, ticks) = panel.LogScale ? LogAxis(values, plotTop, plotHeight) : LinearAxis(values, plotTop, plotHeight);
        var count = panel.XLabels.Count;
        double X(int i) => count <= 1 ? plotLeft + plotWidth / 2.0 : plotLeft + 20 + i * (plotWidth - 40.0) / (count - 1);

        svg.AppendLine(Invariant($"""<text x="{left}" y="{top + 12}" font-weight="bold">{WebUtility.HtmlEncode(panel.LogScale ? panel.Title + ", log scale" : panel.Title)}</text>"""));
        foreach (var v in ticks)
        {
            svg.AppendLine(Invariant($"""<line x1="{plotLeft}" y1="{y(v):0.0}" x2="{plotLeft + plotWidth}" y2="{y(v):0.0}" stroke="#e5e7eb"/>"""));
            svg.AppendLine(Invariant($"""<text x="{plotLeft - 6}" y="{y(v) + 4:0.0}" text-anchor="end" fill="#57606a">{v:0.###}</text>"""));
        }

        for (var i = 0; i < count; i++)
        {
            svg.AppendLine(Invariant($"""<text x="{X(i):0.0}" y="{plotTop + plotHeight + 16}" text-anchor="middle" fill="#57606a">{WebUtility.HtmlEncode(panel.XLabels[i])}</text>"""));
        }

        if (panel.Reference is { } line)
        {
            svg.AppendLine(Invariant($"""<line x1="{plotLeft}" y1="{y(line.Value):0.0}" x2="{plotLeft + plotWidth}" y2="{y(line.Value):0.0}" stroke="#cf222e" stroke-dasharray="2 3"/>"""));
            svg.AppendLine(Invariant($"""<text x="{plotLeft + plotWidth}" y="{y(line.Value) - 4:0.0}" text-anchor="end" fill="#cf222e" font-size="10">{WebUtility.HtmlEncode(line.Label)}</text>"""));
        }

        var legendX = (double)plotLeft;
        for (var k = 0; k < panel.Series.Count; k++)
        {
            var series = panel.Series[k];
            var dash = series.Dashed && !panel.Bars ? """ stroke-dasharray="6 4" """ : " ";
            var points = series.Values.Select((v, i) => (X: X(i), V: v)).Where(p => double.IsFinite(p.V)).ToList();
            if (panel.Bars)
            {
                Bars(svg, series, points, k, panel.Series.Count, y, plotTop + plotHeight);
            }
            else
            {
                Line(svg, series, points, dash, y);
            }

            var legendY = plotTop + plotHeight + 34;
            svg.AppendLine(Invariant($"""<line x1="{legendX:0}" y1="{legendY - 4}" x2="{legendX + 18:0}" y2="{legendY - 4}" stroke="{series.Colour}" stroke-width="{(panel.Bars ? 8 : 2)}"{dash}/>"""));
            svg.AppendLine(Invariant($"""<text x="{legendX + 22:0}" y="{legendY}" font-size="11">{WebUtility.HtmlEncode(series.Name)}</text>"""));
            legendX += 30 + series.Name.Length * 6.2;
        }
    }

    private static void Line(StringBuilder svg, ChartSeries series, List<(double X, double V)> points, string dash, Func<double, double> y)
    {
        svg.AppendLine(Invariant($"""<polyline points="{string.Join(" ", points.Select(p => Invariant($"{p.X:0.0},{y(p.V):0.0}")))}" fill="none" stroke="{series.Colour}" stroke-width="2"{dash}/>"""));
        foreach (var (x, v) in points)
        {
            svg.AppendLine(Invariant($"""<circle cx="{x:0.0}" cy="{y(v):0.0}" r="3" fill="{series.Colour}"/>"""));
            svg.AppendLine(Invariant($"""<text x="{x + 5:0.0}" y="{y(v) - 5:0.0}" font-size="10" fill="{series.Colour}">{v:0.##}</text>"""));
        }
    }

    /// <summary>Series side by side around each point, from the axis's zero (bar panels use a linear axis).</summary>
    private static void Bars(StringBuilder svg, ChartSeries series, List<(double X, double V)> points, int index, int count, Func<double, double> y, double bottom)
    {
        const double width = 22;
        foreach (var (x, v) in points)
        {
            var left = x - width * count / 2 + index * width;
            svg.AppendLine(Invariant($"""<rect x="{left:0.0}" y="{y(v):0.0}" width="{width - 3}" height="{Math.Max(0, bottom - y(v)):0.0}" fill="{series.Colour}"/>"""));
            svg.AppendLine(Invariant($"""<text x="{left + (width - 3) / 2:0.0}" y="{y(v) - 4:0.0}" text-anchor="middle" font-size="10" fill="{series.Colour}">{v:0.#}</text>"""));
        }
    }
}
