package bnfreeze.data;

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
