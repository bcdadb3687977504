namespace Pynsights.Simulation.Hashing;

/// <summary>
/// The SipHash key CPython derives from <c>PYTHONHASHSEED</c> (Python/bootstrap_hash.c,
/// <c>_Py_HashRandomization_Init</c>): seed 0 zeroes <c>_Py_HashSecret</c>; any other seed fills its 24 bytes with
/// <c>lcg_urandom(seed)</c>. <c>k0</c> and <c>k1</c> are its first two little-endian 64-bit words.
/// </summary>
internal readonly record struct HashSecret(ulong K0, ulong K1)
{
    public static HashSecret FromSeed(uint seed)
    {
        if (seed == 0)
        {
            return new HashSecret(0, 0);
        }

        // lcg_urandom: x = x * 214013 + 2531011 (mod 2^32); each byte is (x >> 16) & 0xff.
        Span<byte> buffer = stackalloc byte[24];
        var x = seed;
        for (var i = 0; i < buffer.Length; i++)
        {
            x = unchecked((x * 214013u) + 2531011u);
            buffer[i] = (byte)((x >> 16) & 0xff);
        }

        return new HashSecret(
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(buffer),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(buffer[8..]));
    }
}
