package bnfreeze.data;

/**
 * Resizing of 8-bit images, each result rounded back to 8-bit pixels as image libraries do
 * ({@code scipy.misc.imresize}, which the study used, returned {@code uint8} from PIL).
 */
public final class Resampling {

    private Resampling() {}

    /**
     * Bilinear interpolation with pixel centres at half-pixel positions and edge pixels repeated
     * beyond the border: for enlargement this is what PIL's BILINEAR filter (behind
     * {@code scipy.misc.imresize}) computes. Results are rounded half up.
     */
    public static ImageSet bilinear(ImageSet in, int outHeight, int outWidth) {
        byte[] out = new byte[in.count() * in.channels() * outHeight * outWidth];
        Axis rows = Axis.bilinear(in.height(), outHeight);
        Axis cols = Axis.bilinear(in.width(), outWidth);
        int planeIn = in.height() * in.width();
        int planeOut = outHeight * outWidth;
        byte[] src = in.pixels();
        for (int plane = 0; plane < in.count() * in.channels(); plane++) {
            int base = plane * planeIn;
            for (int y = 0; y < outHeight; y++) {
                int r0 = base + rows.first[y] * in.width();
                int r1 = base + rows.second[y] * in.width();
                double wy = rows.weight[y];
                for (int x = 0; x < outWidth; x++) {
                    int c0 = cols.first[x];
                    int c1 = cols.second[x];
                    double wx = cols.weight[x];
                    double top = (src[r0 + c0] & 0xFF) * (1 - wx) + (src[r0 + c1] & 0xFF) * wx;
                    double bottom = (src[r1 + c0] & 0xFF) * (1 - wx) + (src[r1 + c1] & 0xFF) * wx;
                    out[plane * planeOut + y * outWidth + x] = toByte(top * (1 - wy) + bottom * wy);
                }
            }
        }
        return new ImageSet(in.count(), in.channels(), outHeight, outWidth, out, in.labels());
    }

    /**
     * Reduction by area averaging (PIL's BOX filter, OpenCV's INTER_AREA): each output pixel is the
     * mean of the input area it covers, partial pixels weighted by the covered fraction. Unlike
     * bilinear sampling it does not alias, so a reduced image looks like a photograph taken at
     * that resolution.
     */
    public static ImageSet areaAverage(ImageSet in, int outHeight, int outWidth) {
        if (outHeight > in.height() || outWidth > in.width()) {
            throw new IllegalArgumentException("area averaging only reduces: " + in.height() + "x" + in.width()
                    + " -> " + outHeight + "x" + outWidth);
        }
        double[][] rowWeights = areaWeights(in.height(), outHeight);
        double[][] colWeights = areaWeights(in.width(), outWidth);
        byte[] out = new byte[in.count() * in.channels() * outHeight * outWidth];
        int planeIn = in.height() * in.width();
        int planeOut = outHeight * outWidth;
        byte[] src = in.pixels();
        for (int plane = 0; plane < in.count() * in.channels(); plane++) {
            for (int y = 0; y < outHeight; y++) {
                for (int x = 0; x < outWidth; x++) {
                    double sum = 0;
                    for (int r = 0; r < in.height(); r++) {
                        if (rowWeights[y][r] == 0) {
                            continue;
                        }
                        for (int c = 0; c < in.width(); c++) {
                            sum += rowWeights[y][r] * colWeights[x][c] * (src[plane * planeIn + r * in.width() + c] & 0xFF);
                        }
                    }
                    out[plane * planeOut + y * outWidth + x] = toByte(sum);
                }
            }
        }
        return new ImageSet(in.count(), in.channels(), outHeight, outWidth, out, in.labels());
    }

    /**
     * The images as a camera of {@code lowSize x lowSize} pixels would show them, enlarged back to
     * their size: area reduction, then bilinear enlargement, as the study enlarged CIFAR-10's 32x32
     * images to 224x224.
     */
    public static ImageSet lowResolution(ImageSet in, int lowSize) {
        return bilinear(areaAverage(in, lowSize, lowSize), in.height(), in.width());
    }

    private static byte toByte(double value) {
        long rounded = (long) Math.floor(value + 0.5);
        return (byte) Math.max(0, Math.min(255, rounded));
    }

    /** weights[o][i]: share of input pixel i in output pixel o; each row sums to 1. */
    private static double[][] areaWeights(int in, int out) {
        double scale = (double) in / out;
        double[][] weights = new double[out][in];
        for (int o = 0; o < out; o++) {
            double start = o * scale;
            double end = (o + 1) * scale;
            for (int i = (int) Math.floor(start); i < Math.min(in, (int) Math.ceil(end)); i++) {
                double overlap = Math.min(end, i + 1) - Math.max(start, i);
                weights[o][i] = Math.max(0, overlap) / scale;
            }
        }
        return weights;
    }

    /** Source positions and weights of one axis for bilinear sampling. */
    private static final class Axis {
        final int[] first;
        final int[] second;
        final double[] weight;

        private Axis(int n) {
            first = new int[n];
            second = new int[n];
            weight = new double[n];
        }

        static Axis bilinear(int in, int out) {
            Axis axis = new Axis(out);
            double scale = (double) in / out;
            for (int o = 0; o < out; o++) {
                double source = Math.min(Math.max((o + 0.5) * scale - 0.5, 0), in - 1);
                int lower = (int) Math.floor(source);
                axis.first[o] = lower;
                axis.second[o] = Math.min(lower + 1, in - 1);
                axis.weight[o] = source - lower;
            }
            return axis;
        }
    }
}
