namespace Augment.Transforms;

/// <summary>An <see cref="IParameterRecorder"/> that keeps every draw in order, boxed: for inspection, galleries and tests.</summary>
public sealed class ParameterLog : IParameterRecorder
{
    private readonly List<(ITransform Transform, object Parameters)> _entries = [];

    /// <summary>The recorded draws, in the order they were made.</summary>
    public IReadOnlyList<(ITransform Transform, object Parameters)> Entries => _entries;

    /// <inheritdoc />
    public void Record<TParams>(ITransform transform, in TParams parameters)
        where TParams : struct => _entries.Add((transform, parameters));

    /// <summary>Forgets every recorded draw.</summary>
    public void Clear() => _entries.Clear();

    /// <summary>Returns the parameters of the <paramref name="occurrence"/>-th draw of type <typeparamref name="TParams"/>.</summary>
    /// <typeparam name="TParams">The parameter record type.</typeparam>
    /// <param name="occurrence">Which draw of that type, 0 for the first.</param>
    /// <exception cref="InvalidOperationException">No such draw was recorded.</exception>
    public TParams Get<TParams>(int occurrence = 0)
        where TParams : struct
    {
        int seen = 0;
        foreach (var (_, parameters) in _entries)
        {
            if (parameters is TParams match && seen++ == occurrence)
            {
                return match;
            }
        }

        throw new InvalidOperationException($"No draw #{occurrence} of {typeof(TParams).Name} was recorded ({seen} recorded).");
    }
}
