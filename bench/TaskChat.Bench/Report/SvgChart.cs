using System.Globalization;
using System.Net;
using System.Text;

namespace TaskChat.Bench.Report;

/// <summary>
/// The report's chart, drawn by hand as SVG: four panels over N (log scale) — per-token p99,
/// first-token p99, server CPU, and TaskChat's ratio to the baseline for each.
/// </summary>
internal static class SvgChart
{
    private const int PanelWidth = 440;
    private const int PanelHeight = 260;
    private const int Margin = 56;
    private const string TaskChatColour = "#1f6feb";
    private const string BaselineColour = "#8b949e";
    private const string BatcherColour = "#9a6700";
    private static readonly string[] RatioColours = ["#1f6feb", "#d1242f", "#9a6700", "#1a7f37"];

    private sealed record Series(string Name, string Colour, IReadOnlyList<(int N, double Value)> Points, bool Dashed = false);

    public static string Render(BenchRun run)
    {
        var ours = run.Streaming.Where(r => r.System == Systems.TaskChat).OrderBy(r => r.Streams).ToList();
        var theirs = run.Streaming.Where(r => r.System == Systems.Baseline).OrderBy(r => r.Streams).ToList();
        var batcher = run.Streaming.Where(r => r.System == Systems.Batcher).OrderBy(r => r.Streams).ToList();
        var ns = ours.Select(r => r.Streams).Union(theirs.Select(r => r.Streams)).Order().ToList();
        List<(int, double)> Of(IEnumerable<StreamingResult> results, Func<StreamingResult, double> value) =>
            results.Select(r => (r.Streams, value(r))).Where(p => !double.IsNaN(p.Item2)).ToList();
        List<(int, double)> RatioOf(Func<StreamingResult, double> value) =>
            ours.Join(theirs, r => r.Streams, r => r.Streams, (a, b) => (a.Streams, value(a) / value(b)))
                .Where(p => double.IsFinite(p.Item2)).ToList();

        var svg = new StringBuilder();
        var width = PanelWidth * 2 + 90; // room for the value labels at the right edge
        var height = PanelHeight * 2 + 90;
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">""");
        svg.AppendLine($"""<rect width="{width}" height="{height}" fill="white"/>""");
        svg.AppendLine($"""<text x="20" y="24" font-size="15" font-weight="bold">TaskChat vs a bare SignalR hub as concurrent streams grow ({run.Machine.Cores} cores, clients on the same machine)</text>""");

        Panel(svg, 20, 40, "token latency emit->receive p99 (ms)", ns,
        [
            new(Systems.TaskChat, TaskChatColour, Of(ours, r => r.TokenLatency.P99Ms)),
            new(Systems.Baseline, BaselineColour, Of(theirs, r => r.TokenLatency.P99Ms)),
            new($"batcher ({Targets.BatchMs} ms)", BatcherColour, Of(batcher, r => r.TokenLatency.P99Ms), Dashed: true),
        ], reference: (Targets.TokenLatencyP99Ms, "target at N=100"), logScale: true);
        Panel(svg, 40 + PanelWidth, 40, "time to first token p99 (ms)", ns,
        [
            new(Systems.TaskChat, TaskChatColour, Of(ours, r => r.FirstToken.P99Ms)),
            new(Systems.Baseline, BaselineColour, Of(theirs, r => r.FirstToken.P99Ms)),
            new($"batcher ({Targets.BatchMs} ms)", BatcherColour, Of(batcher, r => r.FirstToken.P99Ms), Dashed: true),
        ], reference: (Targets.FirstTokenP99Ms, "target at N=100"), logScale: true);
        Panel(svg, 20, 70 + PanelHeight, "CPU (cores of 2)", ns,
        [
            new("TaskChat server", TaskChatColour, Of(ours, r => r.ServerCores)),
            new("TaskChat's PostgreSQL", TaskChatColour, Of(ours, r => r.PostgresCores), Dashed: true),
            new("baseline server", BaselineColour, Of(theirs, r => r.ServerCores)),
        ]);
        Panel(svg, 40 + PanelWidth, 70 + PanelHeight, "ratio TaskChat / baseline", ns,
        [
            new("token p99", RatioColours[0], RatioOf(r => r.TokenLatency.P99Ms)),
            new("first token p99", RatioColours[1], RatioOf(r => r.FirstToken.P99Ms)),
            new("server CPU", RatioColours[2], RatioOf(r => r.ServerCores)),
            new("tokens/s", RatioColours[3], RatioOf(r => r.TokensPerSecond)),
        ], reference: (1, "1x"), logScale: true);
        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    private static void Panel(
        StringBuilder svg, int left, int top, string title, IReadOnlyList<int> ns, IReadOnlyList<Series> series,
        (double Value, string Label)? reference = null, bool logScale = false)
    {
        var plotLeft = left + Margin;
        var plotTop = top + 24;
        var plotWidth = PanelWidth - Margin - 16;
        var plotHeight = PanelHeight - 70;
        var values = series.SelectMany(s => s.Points).Select(p => p.Value).Append(reference?.Value ?? 0).ToList();
        var (y, ticks) = logScale ? LogAxis(values, plotTop, plotHeight) : LinearAxis(values, plotTop, plotHeight);
        var logMin = Math.Log10(ns.DefaultIfEmpty(1).Min());
        var logMax = Math.Log10(ns.DefaultIfEmpty(10).Max());
        double X(int n) => logMax - logMin < 1e-9 ? plotLeft + plotWidth / 2.0 : plotLeft + (Math.Log10(n) - logMin) / (logMax - logMin) * plotWidth;
        double Y(double v) => y(v);

        var heading = logScale ? title + ", log scale" : title;
        svg.AppendLine(Invariant($"""<text x="{left}" y="{top + 12}" font-weight="bold">{WebUtility.HtmlEncode(heading)}</text>"""));
        foreach (var v in ticks)
        {
            svg.AppendLine(Invariant($"""<line x1="{plotLeft}" y1="{Y(v):0.0}" x2="{plotLeft + plotWidth}" y2="{Y(v):0.0}" stroke="#e5e7eb"/>"""));
            svg.AppendLine(Invariant($"""<text x="{plotLeft - 6}" y="{Y(v) + 4:0.0}" text-anchor="end" fill="#57606a">{v:0.###}</text>"""));
        }

        foreach (var n in ns)
        {
            svg.AppendLine(Invariant($"""<text x="{X(n):0.0}" y="{plotTop + plotHeight + 16}" text-anchor="middle" fill="#57606a">N={n}</text>"""));
        }

        if (reference is { } line)
        {
            svg.AppendLine(Invariant($"""<line x1="{plotLeft}" y1="{Y(line.Value):0.0}" x2="{plotLeft + plotWidth}" y2="{Y(line.Value):0.0}" stroke="#cf222e" stroke-dasharray="2 3"/>"""));
            svg.AppendLine(Invariant($"""<text x="{plotLeft + plotWidth}" y="{Y(line.Value) - 4:0.0}" text-anchor="end" fill="#cf222e" font-size="10">{WebUtility.HtmlEncode(line.Label)}</text>"""));
        }

        var legendY = plotTop + plotHeight + 34;
        var legendX = (double)plotLeft;
        // A series with nothing measured (the batcher below N = 300) gets no legend either.
        foreach (var s in series.Where(s => s.Points.Count > 0))
        {
            var dash = s.Dashed ? """ stroke-dasharray="6 4" """ : " ";
            if (s.Points.Count > 0)
            {
                var points = string.Join(" ", s.Points.Select(p => Invariant($"{X(p.N):0.0},{Y(p.Value):0.0}")));
                svg.AppendLine(Invariant($"""<polyline points="{points}" fill="none" stroke="{s.Colour}" stroke-width="2"{dash}/>"""));
                foreach (var (n, value) in s.Points)
                {
                    svg.AppendLine(Invariant($"""<circle cx="{X(n):0.0}" cy="{Y(value):0.0}" r="3" fill="{s.Colour}"/>"""));
                    svg.AppendLine(Invariant($"""<text x="{X(n) + 5:0.0}" y="{Y(value) - 5:0.0}" font-size="10" fill="{s.Colour}">{value:0.##}</text>"""));
                }
            }

            svg.AppendLine(Invariant($"""<line x1="{legendX:0}" y1="{legendY - 4}" x2="{legendX + 18:0}" y2="{legendY - 4}" stroke="{s.Colour}" stroke-width="2"{dash}/>"""));
            svg.AppendLine(Invariant($"""<text x="{legendX + 22:0}" y="{legendY}" font-size="11">{WebUtility.HtmlEncode(s.Name)}</text>"""));
            legendX += 30 + s.Name.Length * 6.2;
        }
    }

    /// <summary>From 0 to a round ceiling, gridlines at a readable step.</summary>
    internal static (Func<double, double> Y, List<double> Ticks) LinearAxis(List<double> values, double plotTop, double plotHeight)
    {
        var max = values.DefaultIfEmpty(1).Max();
        var step = NiceStep(max / 4);
        var ceiling = Math.Max(step, Math.Ceiling(max / step) * step);
        var ticks = new List<double>();
        for (var v = 0.0; v <= ceiling + step / 2; v += step)
        {
            ticks.Add(v);
        }

        return (v => plotTop + plotHeight - v / ceiling * plotHeight, ticks);
    }

    /// <summary>
    /// Decades from below the smallest value to above the largest: figures that span 0.3 ms to
    /// 500 ms (or ratios of 1x to 600x) stay readable at every N.
    /// </summary>
    internal static (Func<double, double> Y, List<double> Ticks) LogAxis(List<double> values, double plotTop, double plotHeight)
    {
        var positive = values.Where(v => v > 0).DefaultIfEmpty(1).ToList();
        var low = Math.Floor(Math.Log10(positive.Min()));
        var high = Math.Max(low + 1, Math.Ceiling(Math.Log10(positive.Max())));
        var ticks = Enumerable.Range((int)low, (int)(high - low) + 1).Select(d => Math.Pow(10, d)).ToList();
        return (v => plotTop + plotHeight - (Math.Log10(Math.Max(v, ticks[0])) - low) / (high - low) * plotHeight, ticks);
    }

    /// <summary>1, 2 or 5 times a power of ten: gridlines people can read.</summary>
    private static double NiceStep(double raw)
    {
        if (raw <= 0 || !double.IsFinite(raw))
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / power;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
    }

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
