using System.Globalization;

namespace TaskChat.Web.Usage;

/// <summary>
/// A per-day bar chart drawn on the server as SVG (see _BarChart.cshtml): one slot per day, one
/// bar per series in each slot. The bars live in a stretchable box; the labels are HTML, so they
/// stay readable at any width, on a phone too, and take the theme's colours.
/// </summary>
public sealed record BarChart(string Id, string Title, IReadOnlyList<DateOnly> Dates, IReadOnlyList<BarSeries> Series)
{
    public const double SlotWidth = 10;
    public const double Height = 100;

    /// <summary>The top of the scale: the largest value rounded up to a "nice" number, at least 1.</summary>
    public int Scale
    {
        get
        {
            var max = Series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max();
            if (max <= 5)
            {
                return Math.Max(max, 1);
            }

            // A step of 1, 2 or 5 times a power of ten, about a quarter of the largest value.
            var rough = max / 4.0;
            var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
            var step = new[] { 1, 2, 5, 10 }.Select(f => f * magnitude).First(candidate => candidate >= rough);
            return (int)(Math.Ceiling((double)max / step) * step);
        }
    }

    public double Width => Dates.Count * SlotWidth;

    public IEnumerable<BarGeometry> Bars()
    {
        var scale = Scale;
        var barWidth = SlotWidth * 0.7 / Series.Count;
        for (var day = 0; day < Dates.Count; day++)
        {
            for (var s = 0; s < Series.Count; s++)
            {
                var value = Series[s].Values[day];
                var height = Height * value / scale;
                yield return new BarGeometry(
                    Series[s], Dates[day], value,
                    X: day * SlotWidth + SlotWidth * 0.15 + s * barWidth, Y: Height - height, Width: barWidth, Height: height);
            }
        }
    }

    /// <summary>A date label for the first, middle and last slot: enough to read the axis on a phone.</summary>
    public IEnumerable<string> AxisLabels()
    {
        if (Dates.Count == 0)
        {
            yield break;
        }

        int[] slots = Dates.Count < 3 ? [0, Dates.Count - 1] : [0, Dates.Count / 2, Dates.Count - 1];
        foreach (var slot in slots.Distinct())
        {
            yield return Dates[slot].ToString("MMM d", CultureInfo.InvariantCulture);
        }
    }

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
