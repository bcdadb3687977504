using System.Buffers.Binary;
using System.Numerics;

namespace Pynsights.Simulation.Hashing;

/// <summary>
/// SipHash-c-d as Python/pyhash.c computes it (<c>siphash13</c> from 3.11, <c>siphash24</c> in 3.10): 8-byte
/// little-endian blocks, the length in the top byte of the last block, then finalization.
/// </summary>
internal static class SipHash
{
    /// <summary>One observable point of the computation, for a trace.</summary>
    internal readonly record struct Round(string What, ulong V0, ulong V1, ulong V2, ulong V3);

    public static ulong Compute(HashSecret key, ReadOnlySpan<byte> data, int compressionRounds, int finalRounds, List<Round>? trace)
    {
        var v0 = key.K0 ^ 0x736f6d6570736575UL;
        var v1 = key.K1 ^ 0x646f72616e646f6dUL;
        var v2 = key.K0 ^ 0x6c7967656e657261UL;
        var v3 = key.K1 ^ 0x7465646279746573UL;
        trace?.Add(new Round("initialise v0..v3 from k0 and k1", v0, v1, v2, v3));

        var blocks = data.Length / 8;
        for (var b = 0; b < blocks; b++)
        {
            var m = BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(b * 8, 8));
            v3 ^= m;
            for (var r = 0; r < compressionRounds; r++)
            {
                SipRound(ref v0, ref v1, ref v2, ref v3);
            }

            v0 ^= m;
            trace?.Add(new Round($"block {b}: m = 0x{m:x16}", v0, v1, v2, v3));
        }

        var last = (ulong)(uint)data.Length << 56;
        var tail = data[(blocks * 8)..];
        for (var i = 0; i < tail.Length; i++)
        {
            last |= (ulong)tail[i] << (8 * i);
        }

        v3 ^= last;
        for (var r = 0; r < compressionRounds; r++)
        {
            SipRound(ref v0, ref v1, ref v2, ref v3);
        }

        v0 ^= last;
        trace?.Add(new Round($"last block with the length byte: b = 0x{last:x16}", v0, v1, v2, v3));
        v2 ^= 0xff;
        for (var r = 0; r < finalRounds; r++)
        {
            SipRound(ref v0, ref v1, ref v2, ref v3);
        }

        trace?.Add(new Round($"finalization: v2 ^= 0xff, {finalRounds} rounds", v0, v1, v2, v3));
        return v0 ^ v1 ^ v2 ^ v3;
    }

    private static void SipRound(ref ulong v0, ref ulong v1, ref ulong v2, ref ulong v3)
    {
        v0 += v1;
        v1 = BitOperations.RotateLeft(v1, 13);
        v1 ^= v0;
        v0 = BitOperations.RotateLeft(v0, 32);
        v2 += v3;
        v3 = BitOperations.RotateLeft(v3, 16);
        v3 ^= v2;
        v0 += v3;
        v3 = BitOperations.RotateLeft(v3, 21);
        v3 ^= v0;
        v2 += v1;
        v1 = BitOperations.RotateLeft(v1, 17);
        v1 ^= v2;
        v2 = BitOperations.RotateLeft(v2, 32);
    }
}
