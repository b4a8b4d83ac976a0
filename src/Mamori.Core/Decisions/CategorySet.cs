using System.Numerics;

namespace Mamori.Decisions;

/// <summary>
/// A set of data-category ids (see <see cref="CompiledPolicy.CategoryId"/>) as a 256-bit value: the rules
/// become a few AND/OR operations on four words, with nothing allocated. The policy has about fifty
/// categories; 256 leaves room without making the struct large. Ids are only meaningful for the
/// <see cref="CompiledPolicy"/> that issued them.
/// </summary>
public readonly struct CategorySet : IEquatable<CategorySet>
{
    /// <summary>The largest number of categories a policy may have.</summary>
    public const int Capacity = 256;

    private readonly ulong _w0, _w1, _w2, _w3;

    private CategorySet(ulong w0, ulong w1, ulong w2, ulong w3) => (_w0, _w1, _w2, _w3) = (w0, w1, w2, w3);

    public static CategorySet Empty => default;

    /// <summary>The set of the ids given; each must lie in [0, <see cref="Capacity"/>).</summary>
    public static CategorySet Of(params ReadOnlySpan<int> ids)
    {
        var set = Empty;
        foreach (var id in ids)
            set = set.With(id);
        return set;
    }

    /// <summary>The ids 0 … count−1.</summary>
    internal static CategorySet FirstN(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Capacity);
        return new(Low(count), Low(count - 64), Low(count - 128), Low(count - 192));

        static ulong Low(int bits) => bits <= 0 ? 0 : bits >= 64 ? ulong.MaxValue : (1UL << bits) - 1;
    }

    public bool IsEmpty => (_w0 | _w1 | _w2 | _w3) == 0;

    public int Count =>
        BitOperations.PopCount(_w0) + BitOperations.PopCount(_w1) + BitOperations.PopCount(_w2) + BitOperations.PopCount(_w3);

    public bool Contains(int id) => (uint)id < Capacity && (Word(id >> 6) & (1UL << id)) != 0;

    /// <summary>This set with <paramref name="id"/> added.</summary>
    public CategorySet With(int id)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(id, Capacity);
        var bit = 1UL << id;   // shift counts are taken mod 64
        return (id >> 6) switch
        {
            0 => new(_w0 | bit, _w1, _w2, _w3),
            1 => new(_w0, _w1 | bit, _w2, _w3),
            2 => new(_w0, _w1, _w2 | bit, _w3),
            _ => new(_w0, _w1, _w2, _w3 | bit),
        };
    }

    public bool Overlaps(in CategorySet other) =>
        ((_w0 & other._w0) | (_w1 & other._w1) | (_w2 & other._w2) | (_w3 & other._w3)) != 0;

    /// <summary>True when some member of this set is not in <paramref name="other"/>.</summary>
    public bool HasAnyOutside(in CategorySet other) =>
        ((_w0 & ~other._w0) | (_w1 & ~other._w1) | (_w2 & ~other._w2) | (_w3 & ~other._w3)) != 0;

    public CategorySet Intersect(in CategorySet other) =>
        new(_w0 & other._w0, _w1 & other._w1, _w2 & other._w2, _w3 & other._w3);

    public CategorySet Union(in CategorySet other) =>
        new(_w0 | other._w0, _w1 | other._w1, _w2 | other._w2, _w3 | other._w3);

    public CategorySet Except(in CategorySet other) =>
        new(_w0 & ~other._w0, _w1 & ~other._w1, _w2 & ~other._w2, _w3 & ~other._w3);

    public Enumerator GetEnumerator() => new(this);

    public bool Equals(CategorySet other) =>
        _w0 == other._w0 && _w1 == other._w1 && _w2 == other._w2 && _w3 == other._w3;

    public override bool Equals(object? obj) => obj is CategorySet other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_w0, _w1, _w2, _w3);

    public static bool operator ==(CategorySet left, CategorySet right) => left.Equals(right);

    public static bool operator !=(CategorySet left, CategorySet right) => !left.Equals(right);

    private ulong Word(int index) => index switch { 0 => _w0, 1 => _w1, 2 => _w2, _ => _w3 };

    /// <summary>The ids in ascending order, without allocating.</summary>
    public struct Enumerator
    {
        private readonly CategorySet _set;
        private int _word;
        private ulong _rest;

        internal Enumerator(CategorySet set) => (_set, _word, _rest, Current) = (set, 0, set._w0, -1);

        public int Current { get; private set; }

        public bool MoveNext()
        {
            while (_rest == 0)
            {
                if (++_word >= Capacity / 64)
                    return false;
                _rest = _set.Word(_word);
            }
            Current = (_word << 6) + BitOperations.TrailingZeroCount(_rest);
            _rest &= _rest - 1;   // clear the lowest set bit
            return true;
        }
    }
}
