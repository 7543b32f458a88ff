namespace Augment.Data;

/// <summary>
/// A <see cref="DataLoader"/> is set up so that it would train on wrong data: the message names the setting, the
/// offending value and the fix. Raised when the loader is created where the problem shows from the settings alone,
/// else by the first batch it affects, whatever <see cref="DataLoaderOptions.BadFiles"/> says (it is not a bad file).
/// </summary>
public sealed class LoaderConfigurationException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="setting">The setting at fault, e.g. <c>"DataLoaderOptions.Collator"</c>.</param>
    /// <param name="message">What is wrong, with the offending value and the fix.</param>
    public LoaderConfigurationException(string setting, string message)
        : base($"{setting}: {message}")
    {
        Setting = setting;
    }

    /// <summary>The setting at fault, e.g. <c>"DataLoaderOptions.Collator"</c>.</summary>
    public string Setting { get; }
}
