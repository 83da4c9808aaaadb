package bnfreeze.cli;

import bnfreeze.experiment.NativeBuilds;
import bnfreeze.experiment.bench.BenchmarkPlan;
import bnfreeze.experiment.bench.BenchmarkRunner;
import bnfreeze.results.Measurement;
import bnfreeze.results.PerformanceReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure training and inference speed, memory and the data pipeline against PyTorch; writes results/PERFORMANCE.md.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--steps", defaultValue = "5", description = "measured steps per case after warm-up (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--out", defaultValue = "results/PERFORMANCE.md", description = "report file (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<Measurement> measurements = new BenchmarkRunner(steps, System.out).runAll(BenchmarkPlan.groups());
        new PerformanceReport(measurements).write(out, machine(), BenchmarkRunner.pytorchMissing());
        System.out.println("wrote " + out);
        return 0;
    }

    private static Map<String, String> machine() throws Exception {
        Map<String, String> machine = new LinkedHashMap<>();
        long memoryKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .map(l -> l.replaceAll("[^0-9]", "")).mapToLong(Long::parseLong).findFirst().orElse(0);
        machine.put("CPU", bnfreeze.experiment.Backends.cpuModel());
        machine.put("memory", (memoryKb / 1024 / 1024) + " GiB");
        machine.put("Java", System.getProperty("java.version"));
        machine.put("DL4J / ND4J", "1.0.0-M2.1");
        machine.put("libnd4j build bnfreeze chooses here", "linux-x86_64" + NativeBuilds.configure());
        machine.put("date", java.time.LocalDate.now().toString());
        return machine;
    }
}
