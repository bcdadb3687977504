using System.Buffers;
using System.IO.Compression;

namespace Pynsights.Api.Traces;

/// <summary>
/// The stored form of a run of steps: their JSON texts joined by '\n' (JSON never holds a raw newline), deflated.
/// Trace text is repetitive, so a chunk keeps a step in tens of bytes, and a page read inflates at most a few chunks.
/// </summary>
public static class TraceChunks
{
    public static byte[] Encode(ReadOnlySpan<byte> joinedSteps)
    {
        using var output = new MemoryStream(joinedSteps.Length / 4 + 64);
        using (var deflate = new DeflateStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(joinedSteps);
        }

        return output.ToArray();
    }

    /// <summary>The step texts of a chunk.</summary>
    public static List<ReadOnlyMemory<byte>> Decode(ReadOnlyMemory<byte> chunk)
    {
        using var input = new MemoryStream(chunk.ToArray(), writable: false);
        using var deflate = new DeflateStream(input, CompressionMode.Decompress);
        using var text = new MemoryStream(chunk.Length * 8);
        deflate.CopyTo(text);
        var all = new ReadOnlyMemory<byte>(text.GetBuffer(), 0, (int)text.Length);

        var steps = new List<ReadOnlyMemory<byte>>();
        while (!all.IsEmpty)
        {
            var end = all.Span.IndexOf((byte)'\n');
            if (end < 0)
            {
                steps.Add(all);
                break;
            }

            steps.Add(all[..end]);
            all = all[(end + 1)..];
        }

        return steps;
    }

    /// <summary>Steps [start, start+count) out of consecutive chunks whose first chunk starts at <paramref name="firstChunkStart"/>.</summary>
    public static IReadOnlyList<ReadOnlyMemory<byte>> Slice(IEnumerable<ReadOnlyMemory<byte>> chunks, int firstChunkStart, int start, int count)
    {
        var result = new List<ReadOnlyMemory<byte>>(count);
        var index = firstChunkStart;
        foreach (var chunk in chunks)
        {
            foreach (var step in Decode(chunk))
            {
                if (index >= start && index < start + count)
                {
                    result.Add(step);
                }

                index++;
            }
        }

        return result;
    }

    /// <summary>Builds chunks from step texts as they come.</summary>
    public sealed class Builder(int chunkSize)
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);

        public int Count { get; private set; }

        public bool IsFull => Count == chunkSize;

        /// <summary>Room for one step's JSON; call <see cref="Commit"/> after writing it.</summary>
        public IBufferWriter<byte> Writer => _buffer;

        public void Commit()
        {
            _buffer.Write("\n"u8);
            Count++;
        }

        /// <summary>The chunk of the steps written since the last flush, or null when there are none.</summary>
        public byte[]? Flush()
        {
            if (Count == 0)
            {
                return null;
            }

            var chunk = Encode(_buffer.WrittenSpan[..^1]);
            _buffer.ResetWrittenCount();
            Count = 0;
            return chunk;
        }
    }
}
