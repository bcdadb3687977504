namespace Pynsights.Api.Diagrams;

/// <summary>What one frame shows: the visible ids, the highlighted ones, and text/tone changes so far.</summary>
public sealed record DiagramFrameState(
    int Index,
    string Caption,
    string Alt,
    IReadOnlySet<string> Visible,
    IReadOnlySet<string> Highlighted,
    IReadOnlyDictionary<string, string> Texts,
    IReadOnlyDictionary<string, string> Tones)
{
    /// <summary>Plays the frames of <paramref name="spec"/>: each adds to, removes from and restyles the one before.</summary>
    public static IReadOnlyList<DiagramFrameState> All(DiagramSpec spec)
    {
        var states = new List<DiagramFrameState>(spec.Frames.Count);
        var visible = new HashSet<string>(StringComparer.Ordinal);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var tones = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < spec.Frames.Count; i++)
        {
            var frame = spec.Frames[i];
            visible.UnionWith(frame.Add ?? []);
            visible.ExceptWith(frame.Remove ?? []);
            foreach (var change in frame.Set ?? [])
            {
                if (change.Text is not null)
                {
                    texts[change.Id] = change.Text;
                }

                if (change.Tone is not null)
                {
                    tones[change.Id] = change.Tone;
                }
            }

            states.Add(new DiagramFrameState(
                i, frame.Caption, frame.Alt,
                new HashSet<string>(visible, StringComparer.Ordinal),
                new HashSet<string>(frame.Highlight ?? [], StringComparer.Ordinal),
                new Dictionary<string, string>(texts, StringComparer.Ordinal),
                new Dictionary<string, string>(tones, StringComparer.Ordinal)));
        }

        return states;
    }
}
