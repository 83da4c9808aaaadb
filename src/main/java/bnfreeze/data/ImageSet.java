package bnfreeze.data;

import java.util.Arrays;

/**
 * Labelled 8-bit images, channel-planar per image ({@code [count][channels][height][width]}),
 * the layout of both the IDX and the CIFAR-10 binary files. Immutable by convention: the
 * transforms return new sets.
 */
public record ImageSet(int count, int channels, int height, int width, byte[] pixels, int[] labels) {

    public ImageSet {
        long expected = (long) count * channels * height * width;
        if (pixels.length != expected) {
            throw new IllegalArgumentException("pixels: " + pixels.length + " bytes, expected " + expected);
        }
        if (labels.length != count) {
            throw new IllegalArgumentException("labels: " + labels.length + ", expected " + count);
        }
    }

    public int pixelsPerImage() {
        return channels * height * width;
    }

    /** Pixel value 0..255. */
    public int pixel(int image, int channel, int row, int col) {
        return pixels[((image * channels + channel) * height + row) * width + col] & 0xFF;
    }

    /** The images at the given indices, in that order. */
    public ImageSet select(int[] indices) {
        int size = pixelsPerImage();
        byte[] selected = new byte[indices.length * size];
        int[] selectedLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * size, selected, i * size, size);
            selectedLabels[i] = labels[indices[i]];
        }
        return new ImageSet(indices.length, channels, height, width, selected, selectedLabels);
    }

    /** Indices, in file order, of the images whose label is one of {@code classes}. */
    public int[] indicesOfClasses(int[] classes) {
        return java.util.stream.IntStream.range(0, count)
                .filter(i -> Arrays.stream(classes).anyMatch(c -> c == labels[i]))
                .toArray();
    }

    /** Indices of the first {@code perClass} images of each class, classes in the given order. */
    public int[] firstOfEachClass(int[] classes, int perClass) {
        int[] chosen = new int[classes.length * perClass];
        int n = 0;
        for (int c : classes) {
            int found = 0;
            for (int i = 0; i < count && found < perClass; i++) {
                if (labels[i] == c) {
                    chosen[n++] = i;
                    found++;
                }
            }
            if (found < perClass) {
                throw new IllegalArgumentException("class " + c + " has only " + found
                        + " images, " + perClass + " were asked for");
            }
        }
        return chosen;
    }
}
