using Augment.Imaging;

namespace Augment.Tests.Kernels.Warp;

/// <summary>
/// A direct, per-pixel transcription of torch's <c>grid_sample(align_corners=False, padding_mode="zeros")</c> at an
/// unnormalised source position, with torchvision's fill applied through the sampled all-ones mask.
/// </summary>
internal static class GridSampleOracle
{
    public static float Sample(ImageTensor image, int c, float ix, float iy, Interpolation interpolation, float fill)
    {
        int w = image.Width, h = image.Height;
        if (interpolation == Interpolation.Nearest)
        {
            int nx = (int)MathF.Round(ix), ny = (int)MathF.Round(iy);
            return nx >= 0 && nx < w && ny >= 0 && ny < h ? image.At(c, ny, nx) : fill;
        }

        int x0 = (int)MathF.Floor(ix), y0 = (int)MathF.Floor(iy);
        float fx = ix - x0, fy = iy - y0;
        float value = 0, mask = 0;
        for (int dy = 0; dy < 2; dy++)
        {
            for (int dx = 0; dx < 2; dx++)
            {
                int sx = x0 + dx, sy = y0 + dy;
                float weight = (dx == 0 ? 1 - fx : fx) * (dy == 0 ? 1 - fy : fy);
                if (sx >= 0 && sx < w && sy >= 0 && sy < h)
                {
                    value += image.At(c, sy, sx) * weight;
                    mask += weight;
                }
            }
        }

        return (value * mask) + ((1 - mask) * fill);
    }
}
