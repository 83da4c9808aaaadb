package bnfreeze.data;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * How 8-bit pixels become network inputs. Each network expects the normalization it was trained
 * with, so the choice belongs to the experiment definition, next to the network.
 */
public enum PixelNormalization {

    /** {@code x / 255}: the small networks bnfreeze trains itself. */
    UNIT_INTERVAL,

    /**
     * Keras {@code preprocess_input} for ResNet50 ("caffe" mode): RGB to BGR, subtract the ImageNet
     * channel means (B 103.939, G 116.779, R 123.68), no scaling.
     */
    CAFFE_IMAGENET;

    private static final float[] CAFFE_BGR_MEANS = {103.939f, 116.779f, 123.68f};

    /**
     * The same normalization as {@link #write}, by ND4J ops on 8-bit values held as floats
     * {@code [n, channels, height, width]} (for batches resized on the device).
     */
    public INDArray normalize(INDArray pixels) {
        return switch (this) {
            case UNIT_INTERVAL -> pixels.divi(255f);
            case CAFFE_IMAGENET -> {
                INDArray bgr = Nd4j.concat(1, channel(pixels, 2),
                        channel(pixels, 1), channel(pixels, 0));
                INDArray means = Nd4j.createFromArray(CAFFE_BGR_MEANS);
                yield Nd4j.getExecutioner().exec(
                        new BroadcastSubOp(bgr, means, bgr, 1));
            }
        };
    }

    private static INDArray channel(INDArray nchw, int c) {
        return nchw.get(NDArrayIndex.all(), NDArrayIndex.interval(c, c + 1),
                NDArrayIndex.all(), NDArrayIndex.all());
    }

    /** Writes image {@code image} of {@code images}, normalized, into {@code out} at {@code offset} (CHW order). */
    public void write(ImageSet images, int image, float[] out, int offset) {
        int plane = images.height() * images.width();
        byte[] px = images.pixels();
        int base = image * images.pixelsPerImage();
        switch (this) {
            case UNIT_INTERVAL -> {
                for (int i = 0; i < images.pixelsPerImage(); i++) {
                    out[offset + i] = (px[base + i] & 0xFF) / 255f;
                }
            }
            case CAFFE_IMAGENET -> {
                if (images.channels() != 3) {
                    throw new IllegalArgumentException("caffe normalization needs RGB images, got "
                            + images.channels() + " channel(s)");
                }
                for (int bgr = 0; bgr < 3; bgr++) {
                    int rgb = 2 - bgr;
                    for (int i = 0; i < plane; i++) {
                        out[offset + bgr * plane + i] = (px[base + rgb * plane + i] & 0xFF) - CAFFE_BGR_MEANS[bgr];
                    }
                }
            }
        }
    }
}
