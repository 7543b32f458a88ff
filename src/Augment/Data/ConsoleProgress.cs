using System.Globalization;

namespace Augment.Data;

/// <summary>
/// A ready-made progress line for <see cref="DataLoaderOptions.Progress"/>: epoch, batches done of the total,
/// images per second, skipped files and the time left. On a terminal it redraws one line in place (and ends it when
/// the epoch's last batch arrives); when the output is redirected to a file or a pipe it writes a plain line every
/// <see cref="Interval"/> instead, so logs stay readable.
/// </summary>
/// <remarks>
/// The loader calls <see cref="Report"/> on the consumer's thread after each batch; the writer is used from that
/// thread only. Formatting allocates one string per line written (at most a few per second), nothing per batch.
/// </remarks>
public sealed class ConsoleProgress : IProgress<LoaderProgress>
{
    private readonly TextWriter _writer;
    private readonly bool _inPlace;
    private TimeSpan? _lastWrite;
    private int _lastEpoch = -1;
    private int _lastLength;

    /// <summary>Writes to the console's standard error (so standard output stays free for results).</summary>
    public ConsoleProgress()
        : this(Console.Error, !Console.IsErrorRedirected)
    {
    }

    /// <summary>Writes to <paramref name="writer"/>.</summary>
    /// <param name="writer">Where the lines go.</param>
    /// <param name="inPlace">Whether to redraw one line with a carriage return (a terminal) rather than write plain lines.</param>
    public ConsoleProgress(TextWriter writer, bool inPlace)
    {
        _writer = writer ?? throw new ArgumentNullException(nameof(writer));
        _inPlace = inPlace;
    }

    /// <summary>The least time between two lines (a final line is always written). Default: 0.2 s in place, 10 s as plain lines.</summary>
    public TimeSpan Interval
    {
        get => field == default ? TimeSpan.FromSeconds(_inPlace ? 0.2 : 10) : field;
        init => field = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(Interval), value, "The interval must not be negative.");
    }

    /// <inheritdoc />
    public void Report(LoaderProgress value)
    {
        bool last = value.TotalBatches > 0 && value.Batches >= value.TotalBatches;
        if (!last && value.Epoch == _lastEpoch && value.Elapsed - _lastWrite < Interval)
        {
            return;
        }

        _lastWrite = value.Elapsed;
        _lastEpoch = value.Epoch;
        string line = Format(value);
        if (_inPlace)
        {
            _writer.Write('\r' + line.PadRight(_lastLength));
            _lastLength = line.Length;
            if (last)
            {
                _writer.WriteLine();
                _lastLength = 0;
            }
        }
        else
        {
            _writer.WriteLine(line);
        }

        _writer.Flush();
    }

    /// <summary>The text of one progress line, e.g. <c>epoch 3  120/1252 batches  2,431 img/s  2 skipped  ETA 7:45</c>.</summary>
    /// <param name="value">The progress snapshot.</param>
    public static string Format(LoaderProgress value)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        string batches = value.TotalBatches > 0 ? $"{value.Batches}/{value.TotalBatches}" : value.Batches.ToString(c);
        string line = string.Create(c, $"epoch {value.Epoch}  {batches} batches  {value.ImagesPerSecond:N0} img/s  {value.Skipped} skipped  {value.Elapsed:h\\:mm\\:ss}");
        if (value.TotalBatches > 0 && value.Batches > 0 && value.Batches < value.TotalBatches)
        {
            double left = value.Elapsed.TotalSeconds / value.Batches * (value.TotalBatches - value.Batches);
            line += string.Create(c, $"  ETA {TimeSpan.FromSeconds(Math.Round(left)):h\\:mm\\:ss}");
        }

        return line;
    }
}
