using Augment.Data;

namespace Augment.Tests.Data;

public sealed class ConsoleProgressTests
{
    private static LoaderProgress At(long batches, double seconds, long total = 10) =>
        new(Epoch: 2, Batches: batches, TotalBatches: total, Images: batches * 32, Skipped: 1, ImagesPerSecond: batches * 32 / seconds, QueueDepth: 0, Elapsed: TimeSpan.FromSeconds(seconds));

    [Fact]
    public void FormatShowsBatchesRateSkippedAndTimeLeft()
    {
        Assert.Equal("epoch 2  4/10 batches  32 img/s  1 skipped  0:00:04  ETA 0:00:06", ConsoleProgress.Format(At(4, 4)));
        Assert.Equal("epoch 2  4 batches  32 img/s  1 skipped  0:00:04", ConsoleProgress.Format(At(4, 4, total: -1)));
    }

    [Fact]
    public void OnATerminalTheLineIsRedrawnInPlaceAndEndedWithTheEpoch()
    {
        var writer = new StringWriter();
        var progress = new ConsoleProgress(writer, inPlace: true) { Interval = TimeSpan.Zero };
        progress.Report(At(9, 9));
        progress.Report(At(10, 10));
        string text = writer.ToString();
        Assert.StartsWith("\r", text);
        Assert.Equal(2, text.Count(c => c == '\r'));
        Assert.EndsWith(Environment.NewLine, text);
        Assert.Single(text.Split(Environment.NewLine), line => line.Length > 0);
    }

    [Fact]
    public void RedirectedOutputGetsPlainLinesAtTheInterval()
    {
        var writer = new StringWriter();
        var progress = new ConsoleProgress(writer, inPlace: false) { Interval = TimeSpan.FromSeconds(5) };
        for (int b = 1; b <= 10; b++)
        {
            progress.Report(At(b, b));
        }

        string[] lines = writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain('\r', writer.ToString());
        Assert.Equal(["epoch 2  1/10 ", "epoch 2  6/10 ", "epoch 2  10/10"], lines.Select(l => l[..14]));
    }
}
