package bnfreeze.experiment.bench;

import bnfreeze.experiment.NativeBuilds;
import bnfreeze.results.Measurement;
import bnfreeze.results.RunFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs each benchmark case in a fresh JVM (so that each can load its own libnd4j build) and the
 * PyTorch peers with Debian's python3-torch where it is installed. All measurements of a report
 * come from one invocation, so that their ratios compare like with like.
 */
public final class BenchmarkRunner {

    public static final String MARKER = "MEASUREMENT ";
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private final int steps;
    private final PrintStream log;

    public BenchmarkRunner(int steps, PrintStream log) {
        this.steps = steps;
        this.log = log;
    }

    /** @param groups cases measured together in one process (see {@link BenchmarkWorker#measure}) */
    public List<Measurement> runAll(List<List<BenchmarkCase>> groups) {
        List<Measurement> measurements = new ArrayList<>();
        for (List<BenchmarkCase> group : groups) {
            log.println("measuring: " + group.stream().map(BenchmarkCase::name).collect(java.util.stream.Collectors.joining(" | ")));
            measurements.addAll(group.size() == 1 ? inWorker(group) : inBothOrders(group));
        }
        for (String[] p : BenchmarkPlan.pytorchCases()) {
            log.println("measuring: pytorch " + String.join(" ", p));
            pytorch(p[0], p[1], Integer.parseInt(p[2])).ifPresent(measurements::add);
        }
        return measurements;
    }

    /** Whether Debian's python3-torch can be used here, and if not, why. */
    public static Optional<String> pytorchMissing() {
        if (!Files.isExecutable(PYTHON)) {
            return Optional.of(PYTHON + " is not installed");
        }
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import torch").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0 ? Optional.empty() : Optional.of("python3-torch is not installed (apt-get install python3-torch)");
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /**
     * A group measured in two processes, the second with the cases in reverse order, each case's
     * rate the mean of the two: in one process the network built second ran inference 2-6 %
     * faster even when both were the same (measured while building this), a bias that the
     * reversal cancels.
     */
    private List<Measurement> inBothOrders(List<BenchmarkCase> group) {
        List<Measurement> forward = inWorker(group);
        List<BenchmarkCase> reverseOrder = new ArrayList<>(group);
        java.util.Collections.reverse(reverseOrder);
        List<Measurement> reversed = inWorker(reverseOrder);
        List<Measurement> combined = new ArrayList<>();
        for (Measurement m : forward) {
            Measurement other = reversed.stream().filter(r -> r.name().equals(m.name())).findFirst().orElseThrow();
            combined.add(new Measurement(m.name(), m.implementation(), (m.imagesPerSecond() + other.imagesPerSecond()) / 2,
                    Math.max(m.peakRssMb(), other.peakRssMb()), m.steps(), m.detail() + String.format(java.util.Locale.ROOT,
                    "; mean of two processes, in both orders: %.2f and %.2f", m.imagesPerSecond(), other.imagesPerSecond())));
        }
        return combined;
    }

    private List<Measurement> inWorker(List<BenchmarkCase> group) {
        BenchmarkCase c = group.get(0); // a group shares its process, hence its libnd4j build and helpers
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx8g"));
        if (c.nativeBuild() != null) {
            command.add("-D" + NativeBuilds.EXTENSION_PROPERTY + "=" + c.nativeBuild());
        }
        command.add("-D" + NativeBuilds.HELPERS_DISABLED_PROPERTY + "=" + !c.helpers());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "bnfreeze.cli.Main", "bench-worker",
                "--steps", String.valueOf(steps), "--cases"));
        try {
            command.add(RunFiles.json().writeValueAsString(group));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String output = run(command);
        List<Measurement> measurements = new ArrayList<>();
        for (String line : output.lines().filter(l -> l.startsWith(MARKER)).toList()) {
            try {
                measurements.add(RunFiles.json().readValue(line.substring(MARKER.length()), Measurement.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (measurements.isEmpty()) {
            throw new IllegalStateException("benchmark case \"" + c.name() + "\" failed:\n" + output);
        }
        return measurements;
    }

    private Optional<Measurement> pytorch(String network, String mode, int batch) {
        if (pytorchMissing().isPresent()) {
            return Optional.empty();
        }
        try (InputStream script = BenchmarkRunner.class.getResourceAsStream("/bench/pytorch_peer.py")) {
            Path file = Files.createTempFile("pytorch_peer", ".py");
            Files.write(file, script.readAllBytes());
            String output = run(List.of(PYTHON.toString(), file.toString(), "--network", network, "--mode", mode,
                    "--batch", String.valueOf(batch), "--steps", String.valueOf(network.equals("small") ? 6 * steps : steps),
                    "--threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
            Files.deleteIfExists(file);
            String json = output.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalStateException("the PyTorch peer failed:\n" + output));
            var node = RunFiles.json().readTree(json);
            return Optional.of(new Measurement(pytorchCaseName(network, mode), "PyTorch", node.get("imagesPerSecond").asDouble(),
                    node.get("peakRssMb").asDouble(), node.get("steps").asInt(), node.get("detail").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PyTorch peer's case name: that of the bnfreeze case it is compared with. */
    static String pytorchCaseName(String network, String mode) {
        return (network.equals("small") ? "small" : "resnet50") + (mode.equals("train")
                ? (network.equals("small") ? " train" : " train, all layers") : " inference");
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
