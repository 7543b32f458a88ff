using System.Threading.Tasks.Sources;

namespace Augment.Data;

/// <summary>
/// Wakes an epoch's consumer when something it may be waiting for has happened (a batch finished, a batch was
/// planned, the planning ended, the epoch was cancelled): an auto-reset event with one waiter, waited on blocking
/// (<see cref="Wait"/>) or asynchronously (<see cref="WaitAsync"/>), allocating nothing either way.
/// </summary>
/// <remarks>
/// The consumer checks its condition and waits only when it does not hold; a <see cref="Set"/> that comes in between
/// leaves the signal set, so the wait returns at once and the consumer checks again. A wait may return although the
/// condition still does not hold (another event woke it): the consumer loops. The asynchronous wait completes through
/// a reused <see cref="ManualResetValueTaskSourceCore{TResult}"/> whose versioned tokens keep a stale await from
/// completing a later one; its continuation runs on the thread pool, never on the worker that set the signal.
/// </remarks>
internal sealed class ConsumerSignal : IValueTaskSource
{
    private readonly object _gate = new();
    private ManualResetValueTaskSourceCore<bool> _core = new() { RunContinuationsAsynchronously = true };
    private bool _set;
    private bool _awaited;

    /// <summary>Wakes the waiter, or leaves the signal set for the next wait when there is none. Any thread.</summary>
    public void Set()
    {
        lock (_gate)
        {
            if (!_awaited)
            {
                _set = true;
                Monitor.Pulse(_gate);
                return;
            }

            _awaited = false;
        }

        // Outside the lock: the awaiting consumer cannot wait again (and reset the core) before this completes it.
        _core.SetResult(true);
    }

    /// <summary>Blocks until the signal is set, and resets it (consumer thread).</summary>
    public void Wait()
    {
        lock (_gate)
        {
            while (!_set)
            {
                Monitor.Wait(_gate);
            }

            _set = false;
        }
    }

    /// <summary>Completes once the signal is set, and resets it; await it before waiting again (consumer).</summary>
    public ValueTask WaitAsync()
    {
        lock (_gate)
        {
            if (_set)
            {
                _set = false;
                return ValueTask.CompletedTask;
            }

            _core.Reset();
            _awaited = true;
            return new ValueTask(this, _core.Version);
        }
    }

    /// <inheritdoc/>
    void IValueTaskSource.GetResult(short token) => _core.GetResult(token);

    /// <inheritdoc/>
    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

    /// <inheritdoc/>
    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
