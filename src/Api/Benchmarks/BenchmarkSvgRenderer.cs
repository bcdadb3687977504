using System.Globalization;
using System.Security;
using System.Text;
using System.Text.Json;

namespace Pynsights.Api.Benchmarks;

/// <summary>
/// Draws a benchmark as an accessible SVG chart: a line chart (log x when the sizes span orders of magnitude) or
/// grouped bars, with axes, ticks, the unit, a legend, and the environment it was measured on in the caption.
/// Deterministic: the same result gives the same bytes.
/// </summary>
public static class BenchmarkSvgRenderer
{
    private const double Width = 760, Height = 440, Left = 78, Right = 200, Top = 48, Bottom = 92;
    private static readonly string[] Palette = ["#0b63c5", "#c25100", "#1d7f36", "#8e44ad", "#b3261e", "#00838f", "#6d4c41", "#546e7a"];

    public static string Render(BenchmarkResult result)
    {
        var svg = new StringBuilder(8 * 1024);
        var (plotW, plotH) = (Width - Left - Right, Height - Top - Bottom);
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-labelledby=\"b-title b-desc\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"b-title\">{X(result.Title)}</title><desc id=\"b-desc\">{X(Describe(result))}</desc>");
        svg.Append("<style>text{font-family:system-ui,sans-serif;fill:#222}.axis{stroke:#444;stroke-width:1}.grid{stroke:#ddd;stroke-width:1}.small{font-size:11px}.cap{font-size:11px;fill:#555}.ttl{font-size:16px;font-weight:600}@media (prefers-color-scheme:dark){text{fill:#e6e6e6}.axis{stroke:#bbb}.grid{stroke:#444}.cap{fill:#aaa}.bg{fill:#1e1f22}}</style>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bg\" width=\"{Width}\" height=\"{Height}\" fill=\"#ffffff\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"ttl\" x=\"{Left}\" y=\"28\">{X(result.Title)}</text>");

        var measured = result.Series.SelectMany(s => s.Values).Where(v => v is not null).Select(v => v!.Value).ToList();
        var max = measured.DefaultIfEmpty(1).Max();
        var minPositive = measured.Where(v => v > 0).DefaultIfEmpty(max).Min();

        // A line chart whose values span more than two decades gets a log y axis, or its small lines vanish.
        var logY = result.Kind == "line" && minPositive > 0 && max / minPositive > 100;
        var (bottom, top, step) = logY
            ? (Math.Floor(Math.Log10(minPositive)), Math.Ceiling(Math.Log10(max)), 1.0)
            : (0.0, NiceScale(max).Top, NiceScale(max).Step);
        double YOf(double v) => logY
            ? Top + plotH - ((Math.Log10(Math.Max(v, Math.Pow(10, bottom))) - bottom) / (top - bottom) * plotH)
            : Top + plotH - (v / top * plotH);

        // y axis with grid lines and the unit
        for (var tick = bottom; tick <= top + (step / 2); tick += step)
        {
            var value = logY ? Math.Pow(10, tick) : tick;
            var y = YOf(value);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{N(Left)}\" y1=\"{N(y)}\" x2=\"{N(Left + plotW)}\" y2=\"{N(y)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"small\" x=\"{N(Left - 6)}\" y=\"{N(y + 4)}\" text-anchor=\"end\">{Format(value)}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{N(Left)}\" y1=\"{N(Top)}\" x2=\"{N(Left)}\" y2=\"{N(Top + plotH)}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{N(Left)}\" y1=\"{N(Top + plotH)}\" x2=\"{N(Left + plotW)}\" y2=\"{N(Top + plotH)}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"small\" transform=\"translate(16 {N(Top + (plotH / 2))}) rotate(-90)\" text-anchor=\"middle\">{X(result.Unit)}{(logY ? " (log scale)" : "")}</text>");

        var categories = result.Categories;
        if (result.Kind == "line")
        {
            Lines(svg, result, categories, plotW, YOf);
        }
        else
        {
            Bars(svg, result, categories, plotW, YOf);
        }

        if (result.X is not null)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"small\" x=\"{N(Left + (plotW / 2))}\" y=\"{N(Top + plotH + 40)}\" text-anchor=\"middle\">{X(result.X.Label)}</text>");
        }

        Legend(svg, result);
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"cap\" x=\"{Left}\" y=\"{N(Height - 28)}\">{X(Environment(result))}</text>");
        if (result.Notes is not null)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"cap\" x=\"{Left}\" y=\"{N(Height - 12)}\">{X(Shorten(result.Notes, 120))}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static void Lines(StringBuilder svg, BenchmarkResult result, IReadOnlyList<string> categories, double plotW, Func<double, double> yOf)
    {
        var numeric = result.X!.Values.All(v => v.ValueKind == JsonValueKind.Number) && result.X.Values.All(v => v.GetDouble() > 0);
        var values = numeric ? result.X.Values.Select(v => v.GetDouble()).ToArray() : [];
        var log = numeric && values.Max() / values.Min() > 50;
        double XOf(int i)
        {
            if (!numeric || values.Length < 2 || values.Max() == values.Min())
            {
                return Left + (plotW * (i + 0.5) / categories.Count);
            }

            var (lo, hi, v) = log ? (Math.Log10(values.Min()), Math.Log10(values.Max()), Math.Log10(values[i])) : (values.Min(), values.Max(), values[i]);
            return Left + 12 + ((plotW - 24) * (v - lo) / (hi - lo));
        }

        for (var i = 0; i < categories.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"small\" x=\"{N(XOf(i))}\" y=\"{N(Height - Bottom + 18)}\" text-anchor=\"middle\">{X(categories[i])}</text>");
        }

        if (log)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"small\" x=\"{N(Left + plotW)}\" y=\"{N(Height - Bottom + 40)}\" text-anchor=\"end\">(log scale)</text>");
        }

        for (var s = 0; s < result.Series.Count; s++)
        {
            var colour = Palette[s % Palette.Length];
            var points = result.Series[s].Values.Select((v, i) => (v, i)).Where(p => p.v is not null).Select(p => (X: XOf(p.i), Y: yOf(p.v!.Value))).ToList();
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{string.Join(' ', points.Select(p => $"{N(p.X)},{N(p.Y)}"))}\"/>");
            foreach (var (x, y) in points)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"3\" fill=\"{colour}\"/>");
            }
        }
    }

    private static void Bars(StringBuilder svg, BenchmarkResult result, IReadOnlyList<string> categories, double plotW, Func<double, double> yOf)
    {
        // Grouped by category when there is an x axis; otherwise one bar per series.
        var grouped = result.X is not null;
        var groupW = plotW / categories.Count;
        var barsPerGroup = grouped ? result.Series.Count : 1;
        var barW = Math.Min(48, (groupW - 12) / barsPerGroup);
        for (var c = 0; c < categories.Count; c++)
        {
            var x0 = Left + (c * groupW) + ((groupW - (barW * barsPerGroup)) / 2);
            for (var b = 0; b < barsPerGroup; b++)
            {
                var series = grouped ? b : c;
                var value = result.Series[series].Values[grouped ? c : 0];
                if (value is null)
                {
                    continue;
                }

                var y = yOf(value.Value);
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x0 + (b * barW))}\" y=\"{N(y)}\" width=\"{N(barW - 2)}\" height=\"{N(yOf(0) - y)}\" fill=\"{Palette[series % Palette.Length]}\"><title>{X(result.Series[series].Name)}: {Format(value.Value)} {X(result.Unit)}</title></rect>");
            }

            // Grouped bars name their category; lone bars are named by the legend, so they show their value.
            var caption = grouped ? Shorten(categories[c], (int)(groupW / 6)) : Format(result.Series[c].Values[0] ?? 0);
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"small\" x=\"{N(Left + (c * groupW) + (groupW / 2))}\" y=\"{N(Height - Bottom + 18)}\" text-anchor=\"middle\">{X(caption)}</text>");
        }
    }

    private static void Legend(StringBuilder svg, BenchmarkResult result)
    {
        var x = Width - Right + 14;
        for (var s = 0; s < result.Series.Count; s++)
        {
            var y = Top + 6 + (s * 34);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"12\" height=\"12\" fill=\"{Palette[s % Palette.Length]}\"/>");
            var words = Wrap(result.Series[s].Name, 26);
            for (var l = 0; l < words.Count; l++)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"small\" x=\"{N(x + 18)}\" y=\"{N(y + 10 + (l * 13))}\">{X(words[l])}</text>");
            }
        }
    }

    private static string Describe(BenchmarkResult result)
    {
        var parts = new List<string> { $"{(result.Kind == "line" ? "Line" : "Bar")} chart in {result.Unit}." };
        foreach (var series in result.Series)
        {
            parts.Add($"{series.Name}: {string.Join(", ", series.Values.Select(v => v is null ? "n/a" : Format(v.Value)))}.");
        }

        foreach (var (name, ratio) in result.Ratios ?? new Dictionary<string, double>())
        {
            parts.Add($"Ratio {name}: {Format(ratio)}.");
        }

        parts.Add(Environment(result));
        return string.Join(' ', parts);
    }

    private static string Environment(BenchmarkResult result)
    {
        string Text(string key) => result.Environment.TryGetValue(key, out var v) ? (v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()) : "?";
        return $"Measured on {Text("implementation")} {Text("python")}, {Text("platform")}, {Text("cpuCount")} CPUs.";
    }

    /// <summary>An axis top and tick step of 1, 2 or 5 × 10^k that fit <paramref name="max"/> in about five ticks.</summary>
    private static (double Top, double Step) NiceScale(double max)
    {
        if (max <= 0)
        {
            return (1, 0.2);
        }

        var rough = max / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1.0, 2, 5, 10 }.Select(m => m * magnitude).First(s => s >= rough);
        return (Math.Ceiling(max / step) * step, step);
    }

    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + word.Length + 1 > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : $"{line} {word}";
            }
        }

        lines.Add(line);
        return lines.Take(2).ToList();
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, Math.Max(1, max - 1)), "…");

    private static string Format(double value) =>
        value >= 100 ? value.ToString("#,0", CultureInfo.InvariantCulture)
        : value >= 1 ? value.ToString("0.##", CultureInfo.InvariantCulture)
        : value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string X(string text) => SecurityElement.Escape(text) ?? "";
}
