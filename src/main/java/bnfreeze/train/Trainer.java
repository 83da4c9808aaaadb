package bnfreeze.train;

import bnfreeze.data.BatchSource;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The training loop of one phase: Keras's {@code fit(x, y, batch_size, epochs, shuffle=True,
 * validation_data=...)} on a DL4J network, with a progress bar and one summary line per epoch.
 */
public final class Trainer {

    /** Called after every epoch, e.g. to write the epoch log and a checkpoint. */
    @FunctionalInterface
    public interface EpochListener {
        void epochDone(ComputationGraph net, EpochRecord record);
    }

    private final PrintStream out;
    private final boolean interactive;

    public Trainer(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    /** Trains {@code net} in place; returns the epoch records, which were also passed to {@code listener}. */
    public List<EpochRecord> train(ComputationGraph net, BatchSource data, PhasePlan plan, Validation validation,
                                   EpochListener listener) {
        return train(net, data, plan, validation, listener, 1);
    }

    /** As {@link #train}, starting at epoch {@code firstEpoch} (1-based), e.g. when resuming. */
    public List<EpochRecord> train(ComputationGraph net, BatchSource data, PhasePlan plan, Validation validation,
                                   EpochListener listener, int firstEpoch) {
        TrainingAccuracyListener accuracy = new TrainingAccuracyListener(net);
        List<TrainingListener> previous = new ArrayList<>(net.getListeners());
        net.addListeners(accuracy);
        try {
            List<EpochRecord> records = new ArrayList<>();
            for (int epoch = firstEpoch; epoch <= plan.epochs(); epoch++) {
                EpochRecord record = trainEpoch(net, data, plan, validation, accuracy, epoch);
                out.println(summaryLine(plan, record));
                records.add(record);
                listener.epochDone(net, record);
            }
            return records;
        } finally {
            net.setListeners(previous);
        }
    }

    private EpochRecord trainEpoch(ComputationGraph net, BatchSource data, PhasePlan plan, Validation validation,
                                   TrainingAccuracyListener accuracy, int epoch) {
        long start = System.nanoTime();
        accuracy.startEpoch(data.numClasses());
        double lossSum = 0;
        long examples = 0;
        int steps = data.batchesPerEpoch(plan.batchSize());
        String title = String.format(Locale.ROOT, "%s epoch %d/%d", plan.name(), epoch, plan.epochs());
        try (EpochProgress progress = new EpochProgress(title, steps, out, interactive)) {
            Iterator<DataSet> batches = data.shuffled(plan.batchSize(), plan.shuffleSeed(), epoch);
            for (int step = 1; batches.hasNext(); step++) {
                DataSet batch = batches.next();
                accuracy.nextBatch(batch.getLabels());
                net.fit(batch);
                double loss = net.score();
                if (!Double.isFinite(loss)) {
                    throw new NumericalFailureException(plan.name(), epoch, step, loss);
                }
                lossSum += loss * batch.numExamples();
                examples += batch.numExamples();
                progress.step(lossSum / examples, accuracy.accuracy());
            }
        }
        LossAndAccuracy val = validation.validate(net);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new EpochRecord(plan.name(), epoch, lossSum / examples, accuracy.accuracy(), val.loss(),
                val.accuracy(), seconds);
    }

    static String summaryLine(PhasePlan plan, EpochRecord r) {
        return String.format(Locale.ROOT, "%s epoch %d/%d - %.1fs - loss: %.4f - acc: %.4f - val_loss: %.4f - val_acc: %.4f",
                plan.name(), r.epoch(), plan.epochs(), r.seconds(), r.loss(), r.acc(), r.valLoss(), r.valAcc());
    }
}
