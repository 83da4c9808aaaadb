package bnfreeze.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bnfreeze.data.ImageSet;
import bnfreeze.data.ImageBatches;
import bnfreeze.data.PixelNormalization;
import bnfreeze.model.SmallResNet;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Sgd;

class TrainerTest {

    private static final SmallResNet TINY = new SmallResNet(1, 8, 8, List.of(4, 8), 1, 2, 0.9, 1e-3);

    static ImageBatches data(int count, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[count * 64];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 2;
            for (int p = 0; p < 64; p++) {
                pixels[i * 64 + p] = (byte) (random.nextInt(128) + (labels[i] == 1 && p < 32 ? 100 : 0));
            }
        }
        return new ImageBatches(new ImageSet(count, 1, 8, 8, pixels, labels), new int[] {0, 1},
                PixelNormalization.UNIT_INTERVAL);
    }

    private static final Validation NO_VALIDATION = net -> new LossAndAccuracy(0, 0);

    @Test
    void trainingAccuracyIsMeasuredWithoutChangingTheTraining() {
        ComputationGraph watched = TINY.build(1, new Sgd(0.05));
        ComputationGraph plain = TINY.build(1, new Sgd(0.05));
        ImageBatches data = data(40, 3);
        DataSet batch = data.inOrder(40).next();
        Evaluation expected = new Evaluation(2);
        expected.eval(batch.getLabels(), watched.outputSingle(true, batch.getFeatures()));

        List<EpochRecord> records = new Trainer(new PrintStream(new ByteArrayOutputStream()), false)
                .train(watched, data, new PhasePlan("p", 1, 40, 1), NO_VALIDATION, (n, r) -> { });
        plain.fit(data.shuffled(40, 1, 1).next());

        assertThat(watched.params()).isEqualTo(plain.params());
        assertThat(records.get(0).acc()).isEqualTo(expected.accuracy());
    }

    @Test
    void logsOneRecordAndOneSummaryLinePerEpoch(@TempDir Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EpochLog log = new EpochLog(dir);
        List<EpochRecord> records = new Trainer(new PrintStream(out), false).train(TINY.build(1, new Sgd(0.05)),
                data(20, 3), new PhasePlan("finetune", 3, 8, 42), net -> new LossAndAccuracy(0.5, 0.75),
                (n, r) -> log.append(r));

        assertThat(records).extracting(EpochRecord::epoch).containsExactly(1, 2, 3);
        assertThat(EpochLog.read(dir)).isEqualTo(records);
        assertThat(out.toString()).containsPattern("finetune epoch 3/3 - [0-9.]+s - loss: [0-9.]+ - acc: [0-9.]+ - val_loss: 0.5000 - val_acc: 0.7500");
    }

    @Test
    void aDivergingLossStopsTheRunNamingEpochAndStep() {
        List<EpochRecord> finished = new ArrayList<>();

        assertThatThrownBy(() -> new Trainer(new PrintStream(new ByteArrayOutputStream()), false)
                .train(TINY.build(1, new Sgd(1e30)), data(64, 3), new PhasePlan("finetune", 5, 8, 42), NO_VALIDATION,
                        (n, r) -> finished.add(r)))
                .isInstanceOf(NumericalFailureException.class)
                .hasMessageMatching("training loss is (NaN|Infinity|-Infinity) in phase \"finetune\", epoch \\d+, step \\d+ .*");
    }
}
