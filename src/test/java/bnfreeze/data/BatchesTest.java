package bnfreeze.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

class BatchesTest {

    private static ImageSet images(int count) {
        byte[] pixels = new byte[count * 4];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            pixels[i * 4] = (byte) i;
            labels[i] = i % 2 == 0 ? 2 : 6;
        }
        return new ImageSet(count, 1, 2, 2, pixels, labels);
    }

    @Test
    void anEpochIsFullBatchesThenTheRemainder() {
        ImageBatches batches = new ImageBatches(images(200), new int[] {2, 6}, PixelNormalization.UNIT_INTERVAL);
        List<Long> sizes = new ArrayList<>();
        batches.shuffled(32, 42, 1).forEachRemaining(b -> sizes.add(b.getFeatures().size(0)));

        assertThat(sizes).containsExactly(32L, 32L, 32L, 32L, 32L, 32L, 8L);
        assertThat(batches.batchesPerEpoch(32)).isEqualTo(7);
    }

    @Test
    void labelsAreOneHotInTheOrderOfTheClasses() {
        ImageBatches batches = new ImageBatches(images(4), new int[] {6, 2}, PixelNormalization.UNIT_INTERVAL);
        DataSet all = batches.inOrder(4).next();

        assertThat(all.getLabels().toFloatMatrix()).isDeepEqualTo(new float[][] {{0, 1}, {1, 0}, {0, 1}, {1, 0}});
        assertThat(all.getFeatures().getFloat(3, 0, 0, 0)).isEqualTo(3 / 255f);
    }

    @Test
    void eachEpochIsAPermutationThatDependsOnlyOnSeedAndEpoch() {
        int[] a = EpochOrder.permutation(200, 42, 3);
        int[] b = EpochOrder.permutation(200, 42, 3);
        int[] c = EpochOrder.permutation(200, 42, 4);
        int[] d = EpochOrder.permutation(200, 43, 3);

        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c).isNotEqualTo(d);
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 200; i++) {
            assertThat(sorted[i]).isEqualTo(i);
        }
    }

    @Test
    void shuffledBatchesDeliverEveryExampleOnce() {
        ImageBatches batches = new ImageBatches(images(50), new int[] {2, 6}, PixelNormalization.UNIT_INTERVAL);
        List<Integer> seen = new ArrayList<>();
        Iterator<DataSet> it = batches.shuffled(16, 7, 2);
        while (it.hasNext()) {
            DataSet batch = it.next();
            for (int i = 0; i < batch.numExamples(); i++) {
                seen.add(Math.round(batch.getFeatures().getFloat(i, 0, 0, 0) * 255));
            }
        }
        assertThat(seen).hasSize(50).doesNotHaveDuplicates();
    }

    @Test
    void caffeNormalizationSwapsToBgrAndSubtractsTheImageNetMeans() {
        byte[] rgb = {(byte) 200, 10, (byte) 255}; // one 1x1 pixel: R=200, G=10, B=255
        ImageSet one = new ImageSet(1, 3, 1, 1, rgb, new int[] {0});
        float[] out = new float[3];

        PixelNormalization.CAFFE_IMAGENET.write(one, 0, out, 0);

        assertThat(out).containsExactly(255 - 103.939f, 10 - 116.779f, 200 - 123.68f);
    }
}
