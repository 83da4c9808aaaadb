package bnfreeze.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The study's preprocessing of CIFAR-10 for ResNet50, pinned on values computed by hand. */
class PreprocessingTest {

    /** One 32x32 RGB image whose red channel holds 0 in column 0 and 70 elsewhere, green 255, blue 10. */
    private static ImageSet image() {
        byte[] px = new byte[3 * 32 * 32];
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                px[y * 32 + x] = (byte) (x == 0 ? 0 : 70);
                px[1024 + y * 32 + x] = (byte) 255;
                px[2048 + y * 32 + x] = 10;
            }
        }
        return new ImageSet(1, 3, 32, 32, px, new int[] {3});
    }

    @Test
    void enlarging32To224SamplesAtHalfPixelCentres() {
        // scale 1/7: output column x samples input column (x + 0.5) / 7 - 0.5
        ImageSet big = Resampling.bilinear(image(), 224, 224);

        assertThat(big.pixel(0, 0, 100, 0)).isZero();   // -0.43 -> edge: column 0
        assertThat(big.pixel(0, 0, 100, 3)).isZero();   // exactly column 0
        assertThat(big.pixel(0, 0, 100, 4)).isEqualTo(10);  // 0.142857 * 70 = 10
        assertThat(big.pixel(0, 0, 100, 6)).isEqualTo(30);  // 0.428571 * 70 = 30
        assertThat(big.pixel(0, 0, 100, 8)).isEqualTo(50);  // 0.714286 * 70 = 50
        assertThat(big.pixel(0, 0, 100, 10)).isEqualTo(70); // exactly column 1
        assertThat(big.pixel(0, 1, 5, 5)).isEqualTo(255);
    }

    @Test
    void kerasPreprocessInputForResNet50IsBgrMinusTheImageNetMeans() {
        ImageSet big = Resampling.bilinear(image(), 224, 224);

        INDArray x = ImageBatches.features(big, PixelNormalization.CAFFE_IMAGENET);

        assertThat(x.shape()).containsExactly(1, 3, 224, 224);
        assertThat(x.getDouble(0, 0, 7, 7)).isCloseTo(10 - 103.939, within(1e-4));   // B
        assertThat(x.getDouble(0, 1, 7, 7)).isCloseTo(255 - 116.779, within(1e-4));  // G
        assertThat(x.getDouble(0, 2, 7, 6)).isCloseTo(30 - 123.68, within(1e-4));    // R
    }

    @Test
    void theDeviceComputesWhatTheHostComputes() {
        Random random = new Random(5);
        byte[] px = new byte[4 * 3 * 32 * 32];
        random.nextBytes(px);
        ImageSet batch = new ImageSet(4, 3, 32, 32, px, new int[] {0, 1, 2, 3});

        assertThat(new DeviceResize().matchesHost(batch, 224, PixelNormalization.CAFFE_IMAGENET)).isTrue();
        assertThat(new DeviceResize().matchesHost(image(), 224, PixelNormalization.CAFFE_IMAGENET)).isTrue();
    }

    @Test
    void prefetchedBatchesAreTheBatchesInTheSameOrder() {
        Random random = new Random(9);
        byte[] px = new byte[50 * 3 * 32 * 32];
        random.nextBytes(px);
        int[] labels = new int[50];
        for (int i = 0; i < 50; i++) {
            labels[i] = i % 2 == 0 ? 3 : 5;
        }
        ImageBatches plain = new ImageBatches(new ImageSet(50, 3, 32, 32, px, labels), new int[] {3, 5},
                PixelNormalization.CAFFE_IMAGENET).resizedTo(64);
        ImageBatches prefetched = plain.prefetched(2);

        var a = plain.shuffled(8, 42, 3);
        var b = prefetched.shuffled(8, 42, 3);
        int batches = 0;
        while (a.hasNext()) {
            var x = a.next();
            var y = b.next();
            assertThat(y.getFeatures()).isEqualTo(x.getFeatures());
            assertThat(y.getLabels()).isEqualTo(x.getLabels());
            batches++;
        }
        assertThat(b.hasNext()).isFalse();
        assertThat(batches).isEqualTo(7);
    }
}
