namespace Augment.Views;

/// <summary>How the views of a <see cref="ViewGroup"/> are laid out in its (N · V, C, H, W) batch.</summary>
public enum ViewLayout
{
    /// <summary>Sample-major: sample n's V views are rows <c>[n · V, (n + 1) · V)</c> (what <see cref="Tta.ViewAveraging"/> reads).</summary>
    SampleMajor,

    /// <summary>View-major: view v of every sample is rows <c>[v · N, (v + 1) · N)</c> (SimCLR's <c>torch.cat([x1, x2])</c>).</summary>
    ViewMajor,
}
