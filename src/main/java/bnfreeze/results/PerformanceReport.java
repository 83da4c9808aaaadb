package bnfreeze.results;

import bnfreeze.data.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code results/PERFORMANCE.md}: the measurements of one {@code make bench} and their ratios.
 * Ratios compare measurements of the same invocation only.
 */
public final class PerformanceReport {

    private static final String DL4J = "bnfreeze (DL4J)";
    private static final String TORCH = "PyTorch";

    private final List<Measurement> measurements;

    public PerformanceReport(List<Measurement> measurements) {
        this.measurements = List.copyOf(measurements);
    }

    /** Measured images per second of a case, if it was measured. */
    Optional<Double> rate(String name, String implementation) {
        return measurements.stream().filter(m -> m.name().equals(name) && m.implementation().equals(implementation))
                .map(Measurement::imagesPerSecond).findFirst();
    }

    /** {@code a / b} where both were measured. */
    Optional<Double> ratio(String a, String implementationA, String b, String implementationB) {
        return rate(a, implementationA).flatMap(x -> rate(b, implementationB).map(y -> x / y));
    }

    public void write(Path file, Map<String, String> machine, Optional<String> pytorchMissing) {
        StringBuilder md = new StringBuilder("# Performance\n\n")
                .append("Written by `make bench`. Each case ran in a fresh JVM (or Python process) on the same machine in ")
                .append("one invocation; the rate is the batch size divided by the median time of a step after two ")
                .append("warm-up steps; peak memory is the process's peak resident set (heap, off-heap arrays, native ")
                .append("code). Inputs are random arrays of the real shapes, so that only computation is timed. ")
                .append("bnfreeze's networks use its own implementations of two DL4J layers, same parameters and results: ")
                .append("convolutions that backpropagate without running their forward pass again ")
                .append("(`SingleForwardConvolutionLayer`) and BatchNormalization on fused CPU loops (`FusedBatchNormalization`); ")
                .append("cases marked \"DL4J's layers\" use DL4J's own.\n\n");
        md.append("## Machine\n\n");
        machine.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        pytorchMissing.ifPresent(why -> md.append("- PyTorch peer: skipped (").append(why).append(")\n"));
        md.append("\n## Ratios\n\n");
        List<List<String>> rows = new ArrayList<>();
        ratioRow(rows, "ResNet50 training step, bnfreeze / PyTorch", "goal ≥ 0.6 (parity hoped for)",
                ratio("resnet50 train, all layers, bnfreeze loop", DL4J, "resnet50 train, all layers", TORCH));
        ratioRow(rows, "ResNet50 inference, bnfreeze / PyTorch", "", ratio("resnet50 inference", DL4J, "resnet50 inference", TORCH));
        ratioRow(rows, "small ResNet training step, bnfreeze / PyTorch", "",
                ratio("small train, bnfreeze loop", DL4J, "small train", TORCH));
        ratioRow(rows, "small ResNet inference, bnfreeze / PyTorch", "", ratio("small inference", DL4J, "small inference", TORCH));
        ratioRow(rows, "ResNet50 training step, bnfreeze's layers / DL4J's layers", "",
                ratio("resnet50 train, all layers", DL4J, "resnet50 train, all layers, DL4J's layers", DL4J));
        ratioRow(rows, "ResNet50 inference, bnfreeze's layers / DL4J's layers", "",
                ratio("resnet50 inference", DL4J, "resnet50 inference, DL4J's layers", DL4J));
        ratioRow(rows, "small ResNet training step, bnfreeze's layers / DL4J's layers", "",
                ratio("small train", DL4J, "small train, DL4J's layers", DL4J));
        ratioRow(rows, "ResNet50 harness overhead: bnfreeze loop / bare DL4J fit", "goal ≥ 0.95 (overhead ≤ 5 %)",
                ratio("resnet50 train, all layers, bnfreeze loop", DL4J, "resnet50 train, all layers", DL4J));
        ratioRow(rows, "small ResNet harness overhead: bnfreeze loop / bare DL4J fit", "goal ≥ 0.95",
                ratio("small train, bnfreeze loop", DL4J, "small train", DL4J));
        ratioRow(rows, "data pipeline (2 background threads) / ResNet50 training step", "goal ≥ 20",
                ratio("pipeline 32->224, 2 background threads", DL4J, "resnet50 train, all layers", DL4J));
        ratioRow(rows, "ResNet50 training, stages 1-4 frozen (patched) / all layers trainable", "",
                ratio("resnet50 train, stages 1-4 frozen, patched", DL4J, "resnet50 train, all layers", DL4J));
        ratioRow(rows, "ResNet50 training, stages 1-4 frozen: keras / patched", "goal ≈ 1 (batch statistics cost little)",
                ratio("resnet50 train, stages 1-4 frozen, keras", DL4J, "resnet50 train, stages 1-4 frozen, patched", DL4J));
        for (String what : List.of("train", "inference")) {
            for (String build : List.of("onednn-avx512, helpers off (DL4J's default)", "onednn-avx512, helpers on",
                    "onednn-avx2, helpers on", "onednn, helpers on")) {
                ratioRow(rows, "ResNet50 " + what + ", build " + build + " / generic build", "",
                        ratio("build: " + build + ", " + what, DL4J, "build: generic, " + what, DL4J));
            }
        }
        md.append(Markdown.table(List.of("ratio", "measured", "target"), rows));
        md.append("\n## Measurements\n\n");
        md.append(Markdown.table(List.of("case", "implementation", "images/s", "peak memory (MB)", "steps", "detail"),
                measurements.stream().map(m -> List.of(m.name(), m.implementation(), fixed(m.imagesPerSecond(), 2),
                        fixed(m.peakRssMb(), 0), String.valueOf(m.steps()), m.detail())).toList()));
        AtomicFiles.writeString(file, md.toString());
    }

    private static void ratioRow(List<List<String>> rows, String what, String target, Optional<Double> value) {
        rows.add(List.of(what, value.map(v -> fixed(v, 2) + "×").orElse("not measured"), target));
    }

    private static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
