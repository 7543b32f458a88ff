using System.Globalization;

namespace Augment.Data;

/// <summary>
/// Expands shell-style brace patterns in shard paths, as the webdataset tools do (Python's <c>braceexpand</c>):
/// <c>train-{000000..000146}.tar</c> is 147 paths, zero-padded like its bounds; <c>{a,b}</c> lists alternatives;
/// several groups multiply out, left to right.
/// </summary>
internal static class BracePattern
{
    /// <summary>The most paths one pattern may expand to.</summary>
    private const int MaxPaths = 10_000_000;

    /// <summary>Returns the paths <paramref name="pattern"/> stands for, in order (the pattern itself when it has no group).</summary>
    /// <exception cref="ArgumentException">A group is unclosed, empty, or a range is not of integers.</exception>
    public static IEnumerable<string> Expand(string pattern)
    {
        int open = pattern.IndexOf('{');
        if (open < 0)
        {
            return [pattern];
        }

        int close = pattern.IndexOf('}', open + 1);
        if (close < 0)
        {
            throw new ArgumentException($"The shard pattern '{pattern}' opens a brace group at character {open} that is never closed.", nameof(pattern));
        }

        string prefix = pattern[..open];
        string[] rest = [.. Expand(pattern[(close + 1)..])];
        IReadOnlyList<string> choices = Choices(pattern, pattern[(open + 1)..close]);
        if ((long)choices.Count * rest.Length > MaxPaths)
        {
            throw new ArgumentException($"The shard pattern '{pattern}' expands to more than {MaxPaths} paths.", nameof(pattern));
        }

        return choices.SelectMany(choice => rest.Select(tail => prefix + choice + tail));
    }

    private static IReadOnlyList<string> Choices(string pattern, string group)
    {
        int dots = group.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0)
        {
            string[] items = group.Split(',');
            return items.Length > 1 ? items : throw new ArgumentException($"The shard pattern '{pattern}' has a brace group '{{{group}}}' that is neither a range (a..b) nor a list (a,b).", nameof(pattern));
        }

        string first = group[..dots], last = group[(dots + 2)..];
        if (!long.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out long from) ||
            !long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out long to))
        {
            throw new ArgumentException($"The shard pattern '{pattern}' has a range '{{{group}}}' whose bounds are not non-negative integers.", nameof(pattern));
        }

        if (Math.Abs(to - from) >= MaxPaths)
        {
            throw new ArgumentException($"The shard pattern '{pattern}' has a range '{{{group}}}' of more than {MaxPaths} paths.", nameof(pattern));
        }

        bool padded = (first.Length > 1 && first[0] == '0') || (last.Length > 1 && last[0] == '0');
        string format = padded ? new string('0', Math.Max(first.Length, last.Length)) : "0";
        int step = to >= from ? 1 : -1;
        var values = new List<string>((int)Math.Abs(to - from) + 1);
        for (long value = from; value != to + step; value += step)
        {
            values.Add(value.ToString(format, CultureInfo.InvariantCulture));
        }

        return values;
    }
}
