using System.Globalization;
using System.Security;
using System.Text;

namespace Pynsights.Api.Diagrams;

/// <summary>
/// Draws one frame of a diagram as an accessible SVG (<c>title</c> and <c>desc</c> from the caption and alt text)
/// with a hand-drawn look: every stroke is drawn twice with small wobbles from a PRNG seeded by the spec's seed and
/// the element id, so the same spec and frame always give the same bytes, and an element wobbles the same way in
/// every frame. Tones map to CSS classes with a light and a dark palette.
/// </summary>
public static class DiagramSvgRenderer
{
    private const string Style = """
        .bg{fill:#fffdf7}.ink{stroke:#2b2b2b;fill:none;stroke-width:1.6;stroke-linecap:round;stroke-linejoin:round}
        .txt{fill:#2b2b2b;font-family:'Comic Neue','Segoe Print','Bradley Hand',cursive}.code{font-family:ui-monospace,'DejaVu Sans Mono',monospace}
        .small{font-size:12px}.normal{font-size:15px}.large{font-size:20px}.idx{fill:#777;font-size:11px;font-family:ui-monospace,monospace}
        .tone-focus .ink{stroke:#0b63c5;stroke-width:2.4}.tone-focus .fill{fill:#dcebff}.tone-muted .ink{stroke:#9a9a9a}.tone-muted .txt{fill:#8a8a8a}
        .tone-empty .ink{stroke:#b8b8b8;stroke-dasharray:4 4}.tone-dummy .fill{fill:#e9e9e9}.tone-dummy .txt{fill:#777}
        .tone-added .ink{stroke:#1d7f36;stroke-width:2.2}.tone-added .fill{fill:#ddf5e3}.tone-removed .ink{stroke:#b3261e;stroke-dasharray:6 3}
        .tone-removed .txt{fill:#b3261e;text-decoration:line-through}.tone-warning .ink{stroke:#b25e00;stroke-width:2.2}.tone-warning .fill{fill:#fff0d6}
        .fill{fill:#ffffff;stroke:none}.hl .ink{stroke-width:3.2}.hl .fill{fill:#fff3a8}.dashed{stroke-dasharray:7 5}.grp{stroke:#888;stroke-dasharray:3 6;fill:none;stroke-width:1.2}
        @media (prefers-color-scheme:dark){.bg{fill:#1e1f22}.ink{stroke:#e6e6e6}.txt{fill:#e6e6e6}.fill{fill:#2a2c31}.idx{fill:#9a9a9a}
        .tone-focus .ink{stroke:#6cb0ff}.tone-focus .fill{fill:#1b3350}.tone-added .fill{fill:#173b22}.tone-dummy .fill{fill:#3a3a3a}.tone-warning .fill{fill:#4a3511}.hl .fill{fill:#5c5320}}
        """;

    public static string Render(DiagramSpec spec, int frame)
    {
        var state = DiagramFrameState.All(spec)[frame];
        var boxes = Layout(spec);
        var svg = new StringBuilder(8 * 1024);
        var (w, h) = (spec.Canvas.Width, spec.Canvas.Height);
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-labelledby=\"d-title d-desc\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"d-title\">{X(spec.Title)} — frame {frame + 1} of {spec.Frames.Count}: {X(state.Caption)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"d-desc\">{X(state.Alt)}</desc>");
        svg.Append("<style>").Append(Style.ReplaceLineEndings("")).Append("</style>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bg\" width=\"{w}\" height=\"{h}\"/>");

        // Groups first (behind), then shapes, then arrows and pointers on top.
        foreach (var e in spec.Elements.Where(e => e.Role == "group" && state.Visible.Contains(e.Id)))
        {
            Group(svg, spec, e, boxes, state);
        }

        foreach (var e in spec.Elements.Where(e => e.Role is not ("group" or "arrow" or "pointer") && state.Visible.Contains(e.Id)))
        {
            Shape(svg, spec, e, boxes, state);
        }

        foreach (var e in spec.Elements.Where(e => e.Role is "arrow" or "pointer" && state.Visible.Contains(e.Id)))
        {
            Connector(svg, spec, e, boxes, state);
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"txt small\" x=\"{w - 8}\" y=\"{h - 8}\" text-anchor=\"end\">{frame + 1}/{spec.Frames.Count}</text>");
        return svg.Append("</svg>").ToString();
    }

    private readonly record struct Box(double X, double Y, double W, double H)
    {
        public double Cx => X + (W / 2);

        public double Cy => Y + (H / 2);
    }

    /// <summary>The rectangle of every element and array cell, by id.</summary>
    private static Dictionary<string, Box> Layout(DiagramSpec spec)
    {
        var boxes = new Dictionary<string, Box>(StringComparer.Ordinal);
        foreach (var e in spec.Elements)
        {
            switch (e.Role)
            {
                case "array":
                    var (cw, ch) = (e.CellWidth!.Value, e.CellHeight!.Value);
                    var vertical = e.Direction == "vertical";
                    for (var i = 0; i < e.Cells!.Count; i++)
                    {
                        boxes[e.Cells[i].Id] = vertical ? new Box(e.X!.Value, e.Y!.Value + (i * ch), cw, ch) : new Box(e.X!.Value + (i * cw), e.Y!.Value, cw, ch);
                    }

                    var (aw, ah) = DiagramLoader.Extent(e);
                    boxes[e.Id] = new Box(e.X!.Value, e.Y!.Value, aw, ah);
                    break;
                case "label" or "code":
                    var lines = e.Text!.Split('\n');
                    var size = FontSize(e);
                    var cwidth = e.Role == "code" ? size * 0.62 : size * 0.55;
                    boxes[e.Id] = new Box(e.X!.Value, e.Y!.Value, (lines.Max(l => l.Length) * cwidth) + (e.Role == "code" ? 16 : 0), (lines.Length * size * 1.35) + (e.Role == "code" ? 12 : 0));
                    break;
                case "box" or "cell":
                    boxes[e.Id] = new Box(e.X!.Value, e.Y!.Value, e.Width!.Value, e.Height!.Value);
                    break;
            }
        }

        foreach (var group in spec.Elements.Where(e => e.Role == "group"))
        {
            var members = group.Children!.Where(boxes.ContainsKey).Select(c => boxes[c]).ToList();
            if (members.Count > 0)
            {
                var (x0, y0) = (members.Min(b => b.X) - 10, members.Min(b => b.Y) - 10);
                var (x1, y1) = (members.Max(b => b.X + b.W) + 10, members.Max(b => b.Y + b.H) + 10);
                boxes[group.Id] = new Box(x0, y0, x1 - x0, y1 - y0);
            }
        }

        return boxes;
    }

    private static void Shape(StringBuilder svg, DiagramSpec spec, DiagramElement e, Dictionary<string, Box> boxes, DiagramFrameState state)
    {
        var random = Wobble.For(spec.Seed, e.Id);
        var box = boxes[e.Id];
        Open(svg, e.Id, Tone(e.Id, e.Tone, state), state.Highlighted.Contains(e.Id));
        switch (e.Role)
        {
            case "box" or "cell":
                RoughRect(svg, box, random);
                Text(svg, state.Texts.GetValueOrDefault(e.Id) ?? e.Text, box.Cx, box.Cy + 5, "normal", "middle");
                if (e.Label is not null)
                {
                    Text(svg, e.Label, box.X, box.Y - 6, "small", "start");
                }

                break;
            case "array":
                for (var i = 0; i < e.Cells!.Count; i++)
                {
                    var cell = e.Cells[i];
                    var cellBox = boxes[cell.Id];
                    Open(svg, cell.Id, Tone(cell.Id, cell.Tone, state), state.Highlighted.Contains(cell.Id));
                    RoughRect(svg, cellBox, random);
                    Text(svg, state.Texts.GetValueOrDefault(cell.Id) ?? cell.Text, cellBox.Cx, cellBox.Cy + 5, "normal", "middle");
                    svg.Append("</g>");
                    if (e.ShowIndices ?? true)
                    {
                        var (ix, iy) = e.Direction == "vertical" ? (cellBox.X - 6, cellBox.Cy + 4) : (cellBox.Cx, cellBox.Y + cellBox.H + 13);
                        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"idx\" x=\"{N(ix)}\" y=\"{N(iy)}\" text-anchor=\"{(e.Direction == "vertical" ? "end" : "middle")}\">{i}</text>");
                    }
                }

                if (e.Label is not null)
                {
                    Text(svg, e.Label, box.X, box.Y - 6, "small", "start");
                }

                break;
            case "label":
                Lines(svg, state.Texts.GetValueOrDefault(e.Id) ?? e.Text!, box.X, box.Y + FontSize(e), e.Size ?? "normal", "txt");
                break;
            case "code":
                RoughRect(svg, box, random);
                Lines(svg, state.Texts.GetValueOrDefault(e.Id) ?? e.Text!, box.X + 8, box.Y + 6 + FontSize(e), e.Size ?? "normal", "txt code");
                if (e.Label is not null)
                {
                    Text(svg, e.Label, box.X, box.Y - 6, "small", "start");
                }

                break;
        }

        svg.Append("</g>");
    }

    private static void Group(StringBuilder svg, DiagramSpec spec, DiagramElement e, Dictionary<string, Box> boxes, DiagramFrameState state)
    {
        if (!boxes.TryGetValue(e.Id, out var box))
        {
            return;
        }

        var random = Wobble.For(spec.Seed, e.Id);
        Open(svg, e.Id, Tone(e.Id, e.Tone, state), state.Highlighted.Contains(e.Id));
        svg.Append(CultureInfo.InvariantCulture, $"<path class=\"grp\" d=\"{RectPath(box, random)}\"/>");
        if (e.Label is not null)
        {
            Text(svg, e.Label, box.X + 4, box.Y - 4, "small", "start");
        }

        svg.Append("</g>");
    }

    private static void Connector(StringBuilder svg, DiagramSpec spec, DiagramElement e, Dictionary<string, Box> boxes, DiagramFrameState state)
    {
        if (!boxes.TryGetValue(e.From!, out var from) || !boxes.TryGetValue(e.To!, out var to))
        {
            return;
        }

        var random = Wobble.For(spec.Seed, e.Id);
        var (x1, y1) = Edge(from, to.Cx, to.Cy);
        var (x2, y2) = Edge(to, from.Cx, from.Cy);
        var (mx, my) = ((x1 + x2) / 2 + random.Next(6), (y1 + y2) / 2 + random.Next(6));
        Open(svg, e.Id, Tone(e.Id, e.Tone, state), state.Highlighted.Contains(e.Id));
        var dash = e.Dashed == true ? " dashed" : "";
        svg.Append(CultureInfo.InvariantCulture, $"<path class=\"ink{dash}\" d=\"M{N(x1)} {N(y1)} Q{N(mx)} {N(my)} {N(x2)} {N(y2)}\"/>");
        if (e.Role == "pointer")
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"ink\" cx=\"{N(x1)}\" cy=\"{N(y1)}\" r=\"3\"/>");
        }

        // Arrowhead along the curve's end tangent (from the control point to the end).
        var angle = Math.Atan2(y2 - my, x2 - mx);
        var (ax, ay) = (x2 - (10 * Math.Cos(angle - 0.45)), y2 - (10 * Math.Sin(angle - 0.45)));
        var (bx, by) = (x2 - (10 * Math.Cos(angle + 0.45)), y2 - (10 * Math.Sin(angle + 0.45)));
        svg.Append(CultureInfo.InvariantCulture, $"<path class=\"ink\" d=\"M{N(ax)} {N(ay)} L{N(x2)} {N(y2)} L{N(bx)} {N(by)}\"/>");
        if (e.Label is not null)
        {
            Text(svg, e.Label, mx, my - 6, "small", "middle");
        }

        svg.Append("</g>");
    }

    /// <summary>Where the segment from the box's centre towards (tx, ty) leaves the box.</summary>
    private static (double X, double Y) Edge(Box box, double tx, double ty)
    {
        var (dx, dy) = (tx - box.Cx, ty - box.Cy);
        if (dx == 0 && dy == 0)
        {
            return (box.Cx, box.Cy);
        }

        var scale = Math.Min(dx == 0 ? double.MaxValue : box.W / 2 / Math.Abs(dx), dy == 0 ? double.MaxValue : box.H / 2 / Math.Abs(dy));
        return (box.Cx + (dx * scale), box.Cy + (dy * scale));
    }

    private static void Open(StringBuilder svg, string id, string tone, bool highlighted) =>
        svg.Append(CultureInfo.InvariantCulture, $"<g id=\"{X(id)}\" class=\"tone-{tone}{(highlighted ? " hl" : "")}\">");

    private static string Tone(string id, string? authored, DiagramFrameState state) =>
        state.Tones.GetValueOrDefault(id) ?? authored ?? "default";

    private static void RoughRect(StringBuilder svg, Box box, Wobble random)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"fill\" x=\"{N(box.X)}\" y=\"{N(box.Y)}\" width=\"{N(box.W)}\" height=\"{N(box.H)}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<path class=\"ink\" d=\"{RectPath(box, random)}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<path class=\"ink\" opacity=\"0.45\" d=\"{RectPath(box, random)}\"/>");
    }

    /// <summary>Four slightly bowed strokes that overshoot their corners, like a marker on a whiteboard.</summary>
    private static string RectPath(Box b, Wobble r)
    {
        var corners = new[] { (b.X, b.Y), (b.X + b.W, b.Y), (b.X + b.W, b.Y + b.H), (b.X, b.Y + b.H) };
        var path = new StringBuilder();
        for (var i = 0; i < 4; i++)
        {
            var (x1, y1) = corners[i];
            var (x2, y2) = corners[(i + 1) % 4];
            var (sx, sy) = (x1 + r.Next(1.5), y1 + r.Next(1.5));
            var (ex, ey) = (x2 + r.Next(2), y2 + r.Next(2));
            var (cx, cy) = (((sx + ex) / 2) + r.Next(1.8), ((sy + ey) / 2) + r.Next(1.8));
            path.Append(CultureInfo.InvariantCulture, $"M{N(sx)} {N(sy)} Q{N(cx)} {N(cy)} {N(ex)} {N(ey)} ");
        }

        return path.ToString().TrimEnd();
    }

    private static void Text(StringBuilder svg, string? text, double x, double y, string size, string anchor)
    {
        if (!string.IsNullOrEmpty(text))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"txt {size}\" x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\">{X(text)}</text>");
        }
    }

    private static void Lines(StringBuilder svg, string text, double x, double y, string size, string classes)
    {
        var lineHeight = FontSize(size) * 1.35;
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"{classes} {size}\" xml:space=\"preserve\">");
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<tspan x=\"{N(x)}\" y=\"{N(y + (i * lineHeight))}\">{X(lines[i])}</tspan>");
        }

        svg.Append("</text>");
    }

    private static double FontSize(DiagramElement e) => FontSize(e.Size ?? "normal");

    private static double FontSize(string size) => size switch
    {
        "small" => 12,
        "large" => 20,
        _ => 15,
    };

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string X(string text) => SecurityElement.Escape(text) ?? "";

    /// <summary>A tiny deterministic PRNG (SplitMix64) per element: seed and FNV-1a of the id.</summary>
    private sealed class Wobble(ulong state)
    {
        public static Wobble For(int seed, string id)
        {
            var hash = 14695981039346656037UL;
            foreach (var c in id)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }

            return new Wobble(hash ^ (ulong)seed);
        }

        /// <summary>A value in [-amplitude, amplitude].</summary>
        public double Next(double amplitude)
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return ((z >> 11) * (1.0 / (1UL << 53)) * 2 - 1) * amplitude;
        }
    }
}
