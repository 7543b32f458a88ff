using Augment.Imaging;
using Augment.Transforms;

namespace Augment.Tests.Transforms;

/// <summary>A row of <see cref="TransformRegistry"/>.</summary>
/// <param name="Create">Builds a fresh instance of the transform.</param>
/// <param name="Input">Builds the sample input for a seed (a new tensor every call, owned by the caller).</param>
internal sealed record TransformRow(Func<ITransform> Create, Func<ulong, ImageTensor> Input);
