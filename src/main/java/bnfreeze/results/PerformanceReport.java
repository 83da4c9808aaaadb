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

    /** A row of the ratio table: the rate of one measured case over another's. */
    public record Ratio(String what, String target, String numerator, String numeratorImplementation,
                        String denominator, String denominatorImplementation) {
        static Ratio ofDl4j(String what, String target, String numerator, String denominator) {
            return new Ratio(what, target, numerator, DL4J, denominator, DL4J);
        }

        static Ratio againstPytorch(String what, String target, String numerator, String pytorchCase) {
            return new Ratio(what, target, numerator, DL4J, pytorchCase, TORCH);
        }
    }

    /** The ratios the report shows, by the names of the cases of {@code BenchmarkPlan}. */
    public static final List<Ratio> RATIOS = ratios();

    private final List<Measurement> measurements;

    private static List<Ratio> ratios() {
        List<Ratio> ratios = new ArrayList<>(List.of(
                Ratio.againstPytorch("ResNet50 training step, bnfreeze / PyTorch", "goal ≥ 0.6 (parity hoped for)",
                        "resnet50 train, all layers, bnfreeze loop", "resnet50 train, all layers"),
                Ratio.againstPytorch("ResNet50 inference, bnfreeze / PyTorch", "", "resnet50 inference", "resnet50 inference"),
                Ratio.againstPytorch("small ResNet training step, bnfreeze / PyTorch", "", "small train, bnfreeze loop", "small train"),
                Ratio.againstPytorch("small ResNet inference, bnfreeze / PyTorch", "", "small inference", "small inference"),
                Ratio.ofDl4j("ResNet50 training step, bnfreeze's layers / DL4J's layers", "",
                        "resnet50 train, all layers, bnfreeze's layers", "resnet50 train, all layers, DL4J's layers"),
                Ratio.ofDl4j("ResNet50 inference, bnfreeze's layers / DL4J's layers", "",
                        "resnet50 inference, bnfreeze's layers", "resnet50 inference, DL4J's layers"),
                Ratio.ofDl4j("small ResNet training step, bnfreeze's layers / DL4J's layers", "",
                        "small train, bnfreeze's layers", "small train, DL4J's layers"),
                Ratio.ofDl4j("ResNet50 harness overhead: bnfreeze loop / bare DL4J fit", "goal ≥ 0.95 (overhead ≤ 5 %)",
                        "resnet50 train, all layers, bnfreeze loop", "resnet50 train, all layers, bnfreeze loop: bare fit, alternating"),
                Ratio.ofDl4j("small ResNet harness overhead: bnfreeze loop / bare DL4J fit", "goal ≥ 0.95",
                        "small train, bnfreeze loop", "small train, bnfreeze loop: bare fit, alternating"),
                Ratio.ofDl4j("data pipeline (2 background threads) / ResNet50 training step", "goal ≥ 20",
                        "pipeline 32->224, 2 background threads", "resnet50 train, all layers"),
                Ratio.ofDl4j("ResNet50 training, stages 1-4 frozen (patched) / all layers trainable", "",
                        "resnet50 train, stages 1-4 frozen, patched", "resnet50 train, all layers"),
                Ratio.ofDl4j("ResNet50 training, stages 1-4 frozen: keras / patched", "goal ≈ 1 (batch statistics cost little)",
                        "resnet50 train, stages 1-4 frozen, keras", "resnet50 train, stages 1-4 frozen, patched")));
        for (String what : List.of("train", "inference")) {
            for (String build : List.of("onednn-avx512, helpers off (DL4J's default)", "onednn-avx512, helpers on",
                    "onednn-avx2, helpers on", "onednn, helpers on")) {
                ratios.add(Ratio.ofDl4j("ResNet50 " + what + ", build " + build + " / generic build", "",
                        "build: " + build + ", " + what, "build: generic, " + what));
            }
        }
        return List.copyOf(ratios);
    }

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
                .append("Written by `make bench`. Each case (or group of cases) ran in a fresh JVM (or Python process) on the same machine in ")
                .append("one invocation; the rate is the batch size divided by the median time of a step after two ")
                .append("warm-up steps; peak memory is the process's peak resident set (heap, off-heap arrays, native ")
                .append("code). Inputs are random arrays of the real shapes, so that only computation is timed. ")
                .append("bnfreeze's networks use its own implementations of two DL4J layers, same parameters and results: ")
                .append("convolutions that backpropagate without running their forward pass again ")
                .append("(`SingleForwardConvolutionLayer`) and BatchNormalization on fused CPU loops (`FusedBatchNormalization`); ")
                .append("cases marked \"DL4J's layers\" use DL4J's own. The harness overhead compares bnfreeze's loop with ")
                .append("a bare DL4J `fit` over the same batches, alternating in one process, whole epochs timed; cases that name ")
                .append("another in their detail alternated with it step by step in one process, so that ratios between them ")
                .append("are free of the drift between processes (about ±10 % on this shared machine); each such group ran ")
                .append("twice, in both orders, because the network built second in a process ran 2-6 % faster.\n\n");
        md.append("## Machine\n\n");
        machine.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        pytorchMissing.ifPresent(why -> md.append("- PyTorch peer: skipped (").append(why).append(")\n"));
        md.append("\n## Ratios\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (Ratio r : RATIOS) {
            rows.add(List.of(r.what(), ratio(r.numerator(), r.numeratorImplementation(), r.denominator(), r.denominatorImplementation())
                    .map(v -> fixed(v, 2) + "×").orElse("not measured"), r.target()));
        }
        md.append(Markdown.table(List.of("ratio", "measured", "target"), rows));
        md.append("\n## Measurements\n\n");
        md.append(Markdown.table(List.of("case", "implementation", "images/s", "peak memory (MB)", "steps", "detail"),
                measurements.stream().map(m -> List.of(m.name(), m.implementation(), fixed(m.imagesPerSecond(), 2),
                        fixed(m.peakRssMb(), 0), String.valueOf(m.steps()), m.detail())).toList()));
        AtomicFiles.writeString(file, md.toString());
    }

    private static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
