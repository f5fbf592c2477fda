using System.Text;

namespace TaskChat.Bench.Report;

/// <summary>A plain table rendered as padded text for the console or as markdown for the report.</summary>
internal sealed record Table(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public string ToText()
    {
        var widths = Headers.Select((header, i) => Rows.Select(row => row[i].Length).Append(header.Length).Max()).ToArray();
        var text = new StringBuilder().AppendLine(Title);
        void Line(IReadOnlyList<string> cells) =>
            text.AppendLine("  " + string.Join("  ", cells.Select((cell, i) => i == 0 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))).TrimEnd());
        Line(Headers);
        Line(widths.Select(width => new string('-', width)).ToList());
        foreach (var row in Rows)
        {
            Line(row);
        }

        return text.ToString();
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| " + string.Join(" | ", Headers) + " |");
        text.AppendLine("| " + string.Join(" | ", Headers.Select((_, i) => i == 0 ? "---" : "---:")) + " |");
        foreach (var row in Rows)
        {
            text.AppendLine("| " + string.Join(" | ", row.Select(cell => cell.Replace("|", "\\|"))) + " |");
        }

        return text.ToString();
    }
}
