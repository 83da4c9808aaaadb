package bnfreeze.experiment.bench;

import bnfreeze.bn.FrozenBnPolicies;
import bnfreeze.bn.FrozenBnPolicy;
import bnfreeze.data.BatchSource;
import bnfreeze.data.ImageBatches;
import bnfreeze.data.ImageSet;
import bnfreeze.data.PixelNormalization;
import bnfreeze.model.Heads;
import bnfreeze.model.LayerImplementations;
import bnfreeze.model.ResNet50Imagenet;
import bnfreeze.model.SmallResNet;
import bnfreeze.train.Checkpoints;
import bnfreeze.train.LossAndAccuracy;
import bnfreeze.train.PhasePlan;
import bnfreeze.train.Trainer;
import bnfreeze.results.Measurement;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

/** Measures one {@link BenchmarkCase} in this process. */
public final class BenchmarkWorker {

    private static final int WARMUP_STEPS = 2;

    private BenchmarkWorker() {}

    /**
     * Measures a group of cases: one case alone, or several alternating step by step in this
     * process (each going first in turn), so that their ratios are free of the drift between
     * processes, which is about ±10 % on a shared machine.
     *
     * @param resnetSteps measured steps for ResNet50; the small network and the pipeline, whose steps
     *                    are short, measure six times as many so that per-epoch costs are spread as in use
     */
    public static List<Measurement> measure(List<BenchmarkCase> group, int resnetSteps) {
        BenchmarkCase first = group.get(0);
        int steps = stepsFor(first, resnetSteps);
        if (group.size() == 1 && first.mode().equals("pipeline")) {
            return List.of(pipeline(first, steps));
        }
        if (group.size() == 1 && first.mode().equals("loop")) {
            ComputationGraph net = network(first);
            return loop(first, steps, batches(first, steps + WARMUP_STEPS, net), net);
        }
        List<Consumer<DataSet>> stepFunctions = new ArrayList<>();
        List<List<DataSet>> data = new ArrayList<>();
        for (BenchmarkCase c : group) {
            ComputationGraph net = network(c);
            data.add(batches(c, steps + WARMUP_STEPS, net));
            stepFunctions.add(stepFunction(c, net));
        }
        double[][] seconds = new double[group.size()][steps];
        for (int i = 0; i < WARMUP_STEPS + steps; i++) {
            for (int k = 0; k < group.size(); k++) {
                int j = (i + k) % group.size();
                long start = System.nanoTime();
                stepFunctions.get(j).accept(data.get(j).get(i));
                if (i >= WARMUP_STEPS) {
                    seconds[j][i - WARMUP_STEPS] = (System.nanoTime() - start) / 1e9;
                }
            }
        }
        List<Measurement> measurements = new ArrayList<>();
        for (int j = 0; j < group.size(); j++) {
            BenchmarkCase c = group.get(j);
            String others = group.stream().filter(o -> o != c).map(o -> "\"" + o.name() + "\"").collect(Collectors.joining(", "));
            measurements.add(result(c.name(), c.batchSize() / median(seconds[j]), steps,
                    others.isEmpty() ? "" : "alternating step by step with " + others + " (peak memory of both)"));
        }
        return measurements;
    }

    private static int stepsFor(BenchmarkCase c, int resnetSteps) {
        return c.network().equals("small") || c.mode().equals("pipeline") ? 6 * resnetSteps : resnetSteps;
    }

    private static Consumer<DataSet> stepFunction(BenchmarkCase c, ComputationGraph net) {
        return switch (c.mode()) {
            case "bare-fit" -> net::fit;
            case "inference" -> b -> net.output(false, b.getFeatures());
            default -> throw new IllegalArgumentException("benchmark mode " + c.mode() + " cannot be timed step by step");
        };
    }

    private static ComputationGraph network(BenchmarkCase c) {
        ComputationGraph net;
        String boundary;
        if (c.network().equals("resnet50")) {
            net = Heads.replaceHead(ResNet50Imagenet.randomWeights(1), ResNet50Imagenet.INPUT_TYPE,
                    ResNet50Imagenet.BASE_OUTPUT, ResNet50Imagenet.studyPooling(), 10, 1);
            boundary = ResNet50Imagenet.KERAS_LAYER_140;
        } else {
            SmallResNet small = new SmallResNet(1, 28, 28, List.of(16, 32, 64), 2, 2, 0.99, 1e-3);
            net = small.build(1, new Sgd(0.01));
            boundary = small.stageOutput(2);
        }
        net = Heads.withUpdater(net, new Sgd(0.01));
        if (c.dl4jLayers()) {
            net = LayerImplementations.dl4jOnly(net);
        }
        return c.frozen().equals("none") ? net : FrozenBnPolicies.freeze(net, boundary, FrozenBnPolicy.fromId(c.frozen()));
    }

    private static List<DataSet> batches(BenchmarkCase c, int count, ComputationGraph net) {
        long[] shape = c.network().equals("resnet50") ? new long[] {c.batchSize(), 3, 224, 224}
                : new long[] {c.batchSize(), 1, 28, 28};
        int classes = (int) net.getLayer(Heads.HEAD).getParam("b").length();
        Nd4j.getRandom().setSeed(7);
        List<DataSet> batches = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] labels = new float[c.batchSize() * classes];
            for (int r = 0; r < c.batchSize(); r++) {
                labels[r * classes + (r + i) % classes] = 1f;
            }
            batches.add(new DataSet(Nd4j.rand(shape).muli(255).subi(120),
                    Nd4j.create(labels, new long[] {c.batchSize(), classes})));
        }
        return batches;
    }

    /** Rounds of the loop, each next to a bare {@code fit} over the same batches: the machine's drift falls on both alike. */
    static final int OVERHEAD_ROUNDS = 3;

    /** The name of the bare-fit measurement that {@link #loop} makes alongside the loop (the report looks it up). */
    static String bareTwin(String loopCaseName) {
        return loopCaseName + ": bare fit, alternating";
    }

    /**
     * bnfreeze's loop (progress bar, training accuracy, loss checks) against DL4J's bare {@code fit}
     * on the same pre-made batches, alternating in one process over {@link #OVERHEAD_ROUNDS}
     * rounds, so that the ratio of the two does not carry the run-to-run noise of separate
     * processes (about ±10 % here); then one checkpoint is timed.
     */
    private static List<Measurement> loop(BenchmarkCase c, int steps, List<DataSet> batches, ComputationGraph net) {
        for (int i = 0; i < WARMUP_STEPS; i++) {
            net.fit(batches.get(i));
        }
        List<DataSet> measured = batches.subList(WARMUP_STEPS, batches.size());
        Trainer trainer = new Trainer(new PrintStream(java.io.OutputStream.nullOutputStream()), false);
        double bareSeconds = 0;
        double loopSeconds = 0;
        for (int round = 0; round < OVERHEAD_ROUNDS; round++) {
            long start = System.nanoTime();
            measured.forEach(net::fit);
            long middle = System.nanoTime();
            trainer.train(net, new Premade(measured, c.batchSize()), new PhasePlan("bench", 1, c.batchSize(), 1),
                    n -> new LossAndAccuracy(0, 0), (n, r) -> { });
            bareSeconds += (middle - start) / 1e9;
            loopSeconds += (System.nanoTime() - middle) / 1e9;
        }
        double images = (double) OVERHEAD_ROUNDS * steps * c.batchSize();
        String rounds = String.format(java.util.Locale.ROOT, "%d rounds of %d steps, alternating", OVERHEAD_ROUNDS, steps);
        return List.of(result(c.name(), images / loopSeconds, steps, rounds + "; one checkpoint "
                        + String.format(java.util.Locale.ROOT, "%.2f s", checkpointSeconds(net))),
                result(bareTwin(c.name()), images / bareSeconds, steps, rounds));
    }

    private static double checkpointSeconds(ComputationGraph net) {
        try {
            Path dir = Files.createTempDirectory("bnfreeze-bench");
            long t = System.nanoTime();
            Checkpoints.write(dir, net, 0, 1, List.of());
            double seconds = (System.nanoTime() - t) / 1e9;
            Checkpoints.clear(dir);
            Files.deleteIfExists(dir);
            return seconds;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** CIFAR-10-sized 8-bit images through the real pipeline: enlarged to 224, normalized, prefetched. */
    private static Measurement pipeline(BenchmarkCase c, int steps) {
        int images = c.batchSize() * (steps + WARMUP_STEPS);
        byte[] pixels = new byte[images * 3 * 32 * 32];
        new Random(3).nextBytes(pixels);
        int[] labels = new int[images];
        Arrays.setAll(labels, i -> i % 10);
        int threads = c.threads();
        ImageBatches source = new ImageBatches(new ImageSet(images, 3, 32, 32, pixels, labels),
                new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, PixelNormalization.CAFFE_IMAGENET).resizedTo(224).prefetched(threads);
        Iterator<DataSet> it = source.inOrder(c.batchSize());
        for (int i = 0; i < WARMUP_STEPS; i++) {
            it.next();
        }
        long start = System.nanoTime();
        int delivered = 0;
        while (it.hasNext()) {
            delivered += it.next().numExamples();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return result(c.name(), delivered / seconds, steps, threads + " background thread(s)");
    }

    private static Measurement result(String name, double imagesPerSecond, int steps, String detail) {
        String build = System.getProperty("org.bytedeco.javacpp.platform.extension", "");
        boolean oneDnn = org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper.mklDnnEnabled()
                && !Boolean.parseBoolean(System.getProperty(bnfreeze.experiment.NativeBuilds.HELPERS_DISABLED_PROPERTY, "true"));
        String where = "libnd4j linux-x86_64" + build + ", DL4J oneDNN helpers " + (oneDnn ? "in use" : "not in use");
        return new Measurement(name, "bnfreeze (DL4J)", imagesPerSecond, peakRssMb(), steps,
                detail.isEmpty() ? where : where + "; " + detail);
    }

    static double peakRssMb() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                    .map(l -> l.replaceAll("[^0-9]", "")).mapToDouble(kb -> Double.parseDouble(kb) / 1024).findFirst()
                    .orElse(Double.NaN);
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Pre-made batches served as a {@link BatchSource}, so that the loop and bare fit see the same arrays. */
    private record Premade(List<DataSet> batches, int batchSize) implements BatchSource {
        @Override
        public int size() {
            return batches.size() * batchSize;
        }

        @Override
        public int numClasses() {
            return (int) batches.get(0).getLabels().size(1);
        }

        @Override
        public Iterator<DataSet> inOrder(int size) {
            return batches.iterator();
        }

        @Override
        public Iterator<DataSet> shuffled(int size, long seed, int epoch) {
            return batches.iterator();
        }
    }
}
