using Augment.Imaging;

namespace Augment.Views;

/// <summary>Where a <see cref="ViewGroup"/> writes one sample's views: its rows of the group's batch.</summary>
internal interface IViewTarget
{
    /// <summary>Writes view <paramref name="view"/> (read, not consumed), normalized as the collator says, with the sample's label and origin.</summary>
    void Write(int view, ImageTensor image);

    /// <summary>
    /// Normalizes <paramref name="image"/> in place as the collator normalizes rows, once, for a dense writer whose
    /// views are linear in the image (copies, crops, resizes): <see cref="Complete"/> then leaves the rows as written.
    /// Does nothing when the loader handed over an image it had already normalized.
    /// </summary>
    void NormalizeSource(ImageTensor image);

    /// <summary>
    /// The raw rows of all the sample's views, contiguous (sample-major layout only), for a dense writer; call
    /// <see cref="Complete"/> once they are written.
    /// </summary>
    Span<float> Rows(int channels, ImageSize size);

    /// <summary>
    /// The raw row of view <paramref name="view"/> (either layout), for a writer that cuts its views one by one
    /// straight into the batch; call <see cref="Complete"/> once all the sample's views are written.
    /// </summary>
    Span<float> Row(int view, int channels, ImageSize size);

    /// <summary>Normalizes the rows given by <see cref="Rows"/> or <see cref="Row"/> (unless <see cref="NormalizeSource"/> did it) and sets their labels and origins.</summary>
    void Complete();
}
