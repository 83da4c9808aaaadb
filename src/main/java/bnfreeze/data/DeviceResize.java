package bnfreeze.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.image.ResizeBilinear;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Resizing and normalization by ND4J ops on the backend's device, from the 8-bit batch: on CUDA
 * the host sends 32x32 bytes instead of 224x224 floats, 49x fewer bytes per image. It computes
 * what {@link Resampling#bilinear} and {@link PixelNormalization#write} compute (half-pixel
 * centres, edge pixels repeated, rounded to 8 bits, then normalized); {@link #matchesHost} checks
 * that on a sample before it is used, since the op computes in single precision.
 */
public final class DeviceResize {

    public INDArray resizeAndNormalize(ImageSet images, int size, PixelNormalization normalization) {
        int[] values = new int[images.pixels().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = images.pixels()[i] & 0xFF;
        }
        INDArray bytes = Nd4j.create(values, new long[] {images.count(), images.channels(), images.height(),
                images.width()}, DataType.UINT8);
        INDArray nhwc = bytes.castTo(DataType.FLOAT).permute(0, 2, 3, 1).dup('c');
        // the op's constructor without an output array fails in M2.1, so the output is allocated here
        INDArray resized = Nd4j.create(DataType.FLOAT, images.count(), size, size, images.channels());
        Nd4j.exec(new ResizeBilinear(nhwc, resized, size, size, false, true));
        INDArray rounded = Transforms.round(resized, false);
        return normalization.normalize(rounded.permute(0, 3, 1, 2).dup('c'));
    }

    /** Whether the device computes exactly what the host computes, on {@code sample}. */
    public boolean matchesHost(ImageSet sample, int size, PixelNormalization normalization) {
        INDArray device = resizeAndNormalize(sample, size, normalization);
        INDArray host = ImageBatches.features(Resampling.bilinear(sample, size, size), normalization);
        return device.equals(host);
    }
}
