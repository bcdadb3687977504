using System.Globalization;
using System.Numerics;
using Pynsights.Simulation.Values;

namespace Pynsights.Simulation.Hashing;

/// <summary>
/// CPython's <c>hash()</c> for the values Pynsights models, for one version and one <c>PYTHONHASHSEED</c>, on a
/// 64-bit build (<c>sys.hash_info</c>: width 64, modulus 2^61 − 1, inf 314159, imag 1000003, cutoff 0).
/// </summary>
internal sealed class PyHasher(PythonVersion version, uint seed)
{
    /// <summary><c>_PyHASH_MODULUS</c> = 2^61 − 1 (Include/pyhash.h).</summary>
    public const ulong Modulus = (1UL << 61) - 1;
    private const int HashBits = 61;
    private const long HashInf = 314159;
    private const ulong HashImag = 1000003;

    private readonly HashSecret _secret = HashSecret.FromSeed(seed);

    public PythonVersion Version { get; } = version;

    public uint Seed { get; } = seed;

    /// <summary>SipHash-2-4 in 3.10, SipHash-1-3 from 3.11 (Include/pyhash.h <c>Py_HASH_ALGORITHM</c>, bpo-29410).</summary>
    public string Algorithm => Version.AtLeast(11) ? "siphash13" : "siphash24";

    public HashOutcome Hash(PyValue value, List<HashEvent>? trace = null) => value switch
    {
        PyBool b => IntHash(b.Value ? BigInteger.One : BigInteger.Zero, trace),
        PyInt i => IntHash(i.Value, trace),
        PyFloat f => FloatHash(f.Value, trace),
        PyComplex c => ComplexHash(c, trace),
        PyNone => NoneHash(trace),
        PyStr s => BytesHash(s.KindBytes(), $"the {s.CodePoints.Count} characters are stored {s.Kind} byte(s) each (PEP 393), so SipHash reads {s.CodePoints.Count * s.Kind} bytes", "unicode_hash", trace),
        PyBytes b => BytesHash(b.Data.ToArray(), $"bytes hashes its {b.Data.Length} bytes", "bytes_hash", trace),
        PyTuple t => TupleHash(t, trace),
        PyFrozenSet s => FrozenSetHash(s, trace),
        _ => new HashOutcome(null, null, PythonError.Unhashable(value)),
    };

    private static HashVariable Var(string name, BigInteger value) => new(name, value.ToString(CultureInfo.InvariantCulture));

    private static HashVariable Var(string name, long value) => new(name, value.ToString(CultureInfo.InvariantCulture));

    private static HashVariable Hex(string name, ulong value) => new(name, "0x" + value.ToString("x16", CultureInfo.InvariantCulture));

    /// <summary><c>long_hash</c>: |x| mod 2^61 − 1, then the sign; −1 is reserved for errors and becomes −2.</summary>
    private static HashOutcome IntHash(BigInteger value, List<HashEvent>? trace)
    {
        var magnitude = BigInteger.Abs(value);
        var reduced = (long)(magnitude % Modulus);
        var hash = value.Sign < 0 ? -reduced : reduced;
        trace?.Add(new HashEvent("int-mod", "long_hash reduces |x| modulo 2**61 - 1, one 30-bit digit at a time, then restores the sign.",
            [Var("x", value), Var("|x| mod (2**61 - 1)", reduced), Var("hash", hash)], "long_hash"));
        if (hash == -1)
        {
            trace?.Add(new HashEvent("minus-one", "-1 is reserved as the error return of tp_hash, so the hash becomes -2.", [Var("hash", -2)], "long_hash"));
            hash = -2;
        }

        return HashOutcome.Of(hash);
    }

    /// <summary><c>_Py_HashDouble</c> (Python/pyhash.c): the exact rational value reduced modulo 2^61 − 1.</summary>
    private static HashOutcome FloatHash(double v, List<HashEvent>? trace)
    {
        if (double.IsNaN(v))
        {
            // bpo-43475 (3.10): a NaN hashes by identity, _Py_HashPointer(inst).
            const string why = "Since Python 3.10 a NaN hashes by its object's address (_Py_HashPointer), so the value differs per object and per run.";
            trace?.Add(new HashEvent("address-hash", why, [], "_Py_HashDouble"));
            return new HashOutcome(null, why, null);
        }

        if (double.IsInfinity(v))
        {
            var inf = v > 0 ? HashInf : -HashInf;
            trace?.Add(new HashEvent("float-inf", "Infinities hash to ±314159 (sys.hash_info.inf).", [Var("hash", inf)], "_Py_HashDouble"));
            return HashOutcome.Of(inf);
        }

        var (m, e) = Frexp(v);
        var sign = 1L;
        if (m < 0)
        {
            sign = -1;
            m = -m;
        }

        trace?.Add(new HashEvent("float-frexp", "frexp splits the float into a mantissa in [0.5, 1) and a power of two.",
            [new HashVariable("m", m.ToString("R", CultureInfo.InvariantCulture)), Var("e", e), Var("sign", sign)], "_Py_HashDouble"));
        ulong x = 0;
        while (m != 0)
        {
            // Process 28 bits at a time: shift x left by 28 (a rotation modulo 2^61 - 1), add the next 28 bits.
            x = ((x << 28) & Modulus) | (x >> (HashBits - 28));
            m *= 268435456.0;
            e -= 28;
            var y = (ulong)m;
            m -= y;
            x += y;
            if (x >= Modulus)
            {
                x -= Modulus;
            }

            trace?.Add(new HashEvent("float-bits", "Take the next 28 bits of the mantissa into x.",
                [Var("x", (BigInteger)x), Var("e", e)], "_Py_HashDouble"));
        }

        e = e >= 0 ? e % HashBits : HashBits - 1 - ((-1 - e) % HashBits);
        x = ((x << e) & Modulus) | (x >> (HashBits - e));
        var hash = unchecked((long)x * sign);
        trace?.Add(new HashEvent("float-exponent", "Multiply by 2**e modulo 2**61 - 1 (a rotation by e mod 61 bits), then apply the sign.",
            [Var("e mod 61", e), Var("hash", hash)], "_Py_HashDouble"));
        if (hash == -1)
        {
            hash = -2;
        }

        return HashOutcome.Of(hash);
    }

    /// <summary>C <c>frexp</c>: v = m × 2^e with 0.5 ≤ |m| &lt; 1 (m = 0, e = 0 for zero).</summary>
    internal static (double M, int E) Frexp(double v)
    {
        if (v == 0)
        {
            return (v, 0);
        }

        var bits = BitConverter.DoubleToInt64Bits(v);
        var exponent = (int)((bits >> 52) & 0x7ff);
        if (exponent == 0)
        {
            // Subnormal: scale into the normal range first.
            var (m, e) = Frexp(v * 18014398509481984.0); // 2^54
            return (m, e - 54);
        }

        var mantissaBits = (bits & ~(0x7ffL << 52)) | (1022L << 52);
        return (BitConverter.Int64BitsToDouble(mantissaBits), exponent - 1022);
    }

    /// <summary><c>complex_hash</c>: hash(real) + 1000003 × hash(imag), wrapping as unsigned 64-bit.</summary>
    private static HashOutcome ComplexHash(PyComplex c, List<HashEvent>? trace)
    {
        trace?.Add(new HashEvent("complex", "complex_hash hashes the real and imaginary parts as floats.", [], "complex_hash"));
        var real = FloatHash(c.Real, trace);
        var imag = FloatHash(c.Imag, trace);
        if (real.Hash is not { } hr || imag.Hash is not { } hi)
        {
            return new HashOutcome(null, real.Explanation ?? imag.Explanation, null);
        }

        var combined = unchecked((long)((ulong)hr + (HashImag * (ulong)hi)));
        if (combined == -1)
        {
            combined = -2;
        }

        trace?.Add(new HashEvent("complex-combine", "Combine: hash(real) + 1000003 * hash(imag), wrapping at 64 bits.",
            [Var("hash(real)", hr), Var("hash(imag)", hi), Var("hash", combined)], "complex_hash"));
        return HashOutcome.Of(combined);
    }

    /// <summary>
    /// <c>none_hash</c>: from 3.12 a constant, 0xFCA86420 (Objects/object.c, gh-99540); before, NoneType had no
    /// tp_hash and used <c>_Py_HashPointer</c> on the object's address.
    /// </summary>
    private HashOutcome NoneHash(List<HashEvent>? trace)
    {
        if (Version.AtLeast(12))
        {
            const long constant = 0xFCA86420;
            trace?.Add(new HashEvent("none-constant", "Since Python 3.12 hash(None) is the constant 0xFCA86420.", [Var("hash", constant)], null));
            return HashOutcome.Of(constant);
        }

        const string why = "Before Python 3.12 hash(None) comes from None's memory address (_Py_HashPointer), so it differs between runs.";
        trace?.Add(new HashEvent("address-hash", why, [], "_Py_HashPointer"));
        return new HashOutcome(null, why, null);
    }

    /// <summary><c>_Py_HashBytes</c>: 0 for empty input, else SipHash of the bytes with the secret key; −1 → −2.</summary>
    private HashOutcome BytesHash(byte[] data, string intro, string function, List<HashEvent>? trace)
    {
        trace?.Add(new HashEvent("bytes", intro + ".", [new HashVariable("bytes", Convert.ToHexStringLower(data.AsSpan(0, Math.Min(data.Length, 64))) + (data.Length > 64 ? "…" : "")),
            Var("length", data.Length), new HashVariable("algorithm", Algorithm)], function));
        if (data.Length == 0)
        {
            trace?.Add(new HashEvent("empty", "_Py_HashBytes returns 0 for an empty buffer without running SipHash.", [Var("hash", 0)], "_Py_HashBytes"));
            return HashOutcome.Of(0);
        }

        List<SipHash.Round>? rounds = trace is null ? null : [];
        var (c, d) = Version.AtLeast(11) ? (1, 3) : (2, 4);
        var hash = unchecked((long)SipHash.Compute(_secret, data, c, d, rounds));
        if (trace is not null && rounds is not null)
        {
            trace.Add(new HashEvent("siphash-key", Seed == 0
                    ? "PYTHONHASHSEED=0: the secret key k0, k1 is all zeros."
                    : $"PYTHONHASHSEED={Seed}: lcg_urandom fills the 24-byte secret; k0 and k1 are its first two words.",
                [Hex("k0", _secret.K0), Hex("k1", _secret.K1)], Seed == 0 ? null : "lcg_urandom"));
            foreach (var round in rounds)
            {
                trace.Add(new HashEvent("siphash", round.What + ".", [Hex("v0", round.V0), Hex("v1", round.V1), Hex("v2", round.V2), Hex("v3", round.V3)],
                    Version.AtLeast(11) ? "siphash13" : null));
            }
        }

        if (hash == -1)
        {
            hash = -2;
        }

        trace?.Add(new HashEvent("siphash-result", "The hash is v0 ^ v1 ^ v2 ^ v3 read as a signed 64-bit integer.", [Var("hash", hash)], "_Py_HashBytes"));
        return HashOutcome.Of(hash);
    }

    /// <summary><c>tuplehash</c> (Objects/tupleobject.c, xxHash-based since 3.8, bpo-34751).</summary>
    private HashOutcome TupleHash(PyTuple t, List<HashEvent>? trace)
    {
        const ulong prime1 = 11400714785074694791UL;
        const ulong prime2 = 14029467366897019727UL;
        const ulong prime5 = 2870177450012600261UL;
        var acc = prime5;
        trace?.Add(new HashEvent("tuple", $"tuplehash starts acc at XXPRIME_5 and mixes in each of the {t.Items.Count} item hashes.", [Hex("acc", acc)], "tuplehash"));
        for (var i = 0; i < t.Items.Count; i++)
        {
            var item = Hash(t.Items[i], trace);
            if (item.Hash is not { } lane)
            {
                return item;
            }

            unchecked
            {
                acc += (ulong)lane * prime2;
                acc = BitOperations.RotateLeft(acc, 31);
                acc *= prime1;
            }

            trace?.Add(new HashEvent("tuple-lane", $"Item {i}: acc += lane * XXPRIME_2; acc = rotl(acc, 31); acc *= XXPRIME_1.",
                [Var("lane", lane), Hex("acc", acc)], "tuplehash"));
        }

        unchecked
        {
            acc += (ulong)t.Items.Count ^ (prime5 ^ 3527539UL);
        }

        var hash = acc == ulong.MaxValue ? 1546275796L : unchecked((long)acc);
        trace?.Add(new HashEvent("tuple-length", "Add the length mangled with XXPRIME_5 ^ 3527539 (keeps hash(()) historical).", [Var("hash", hash)], "tuplehash"));
        return HashOutcome.Of(hash);
    }

    /// <summary>
    /// <c>frozenset_hash</c> (Objects/setobject.c): xor of <c>_shuffle_bits(h)</c> over the entries, so the order and
    /// the table size cancel out, then the size is mixed in and the bits dispersed.
    /// </summary>
    private HashOutcome FrozenSetHash(PyFrozenSet s, List<HashEvent>? trace)
    {
        ulong hash = 0;
        trace?.Add(new HashEvent("frozenset", "frozenset_hash xors the shuffled hash of every element (order does not matter).", [], "frozenset_hash"));
        foreach (var item in s.Items)
        {
            var h = Hash(item, trace);
            if (h.Hash is not { } value)
            {
                return h;
            }

            hash ^= ShuffleBits(unchecked((ulong)value));
            trace?.Add(new HashEvent("frozenset-item", "hash ^= ((h ^ 89869747) ^ (h << 16)) * 3644798167.", [Var("h", value), Hex("hash", hash)], "frozenset_hash"));
        }

        unchecked
        {
            hash ^= ((ulong)s.Items.Count + 1) * 1927868237UL;
            hash ^= (hash >> 11) ^ (hash >> 25);
            hash = (hash * 69069U) + 907133923UL;
        }

        var result = hash == ulong.MaxValue ? 590923713L : unchecked((long)hash);
        trace?.Add(new HashEvent("frozenset-final", "Mix in (len + 1) * 1927868237, disperse the bits, then hash * 69069 + 907133923.", [Var("hash", result)], "frozenset_hash"));
        return HashOutcome.Of(result);
    }

    private static ulong ShuffleBits(ulong h) => unchecked(((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL);
}
