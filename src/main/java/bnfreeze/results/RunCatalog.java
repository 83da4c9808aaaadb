package bnfreeze.results;

import bnfreeze.train.EpochLog;
import bnfreeze.train.EpochRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The run directories under {@code results/runs/<experiment>/<run>/}: the complete ones, and the
 * others with the reason they are not results (interrupted, failed, damaged). A damaged directory
 * never stops the others from being read.
 */
public record RunCatalog(List<RunRecord> runs, List<Skipped> skipped) {

    /** A run directory that is not a result, and why. */
    public record Skipped(Path directory, String reason) {}

    public static RunCatalog scan(Path runsRoot) {
        List<RunRecord> runs = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Path experiment : directories(runsRoot)) {
            for (Path run : directories(experiment)) {
                Path relative = runsRoot.relativize(run);
                try {
                    runs.add(read(run, relative));
                } catch (NotAResult e) {
                    skipped.add(new Skipped(relative, e.getMessage()));
                }
            }
        }
        runs.sort(Comparator.comparing(r -> r.directory().toString()));
        List<RunRecord> latest = latestPerSeed(runs, skipped);
        skipped.sort(Comparator.comparing(s -> s.directory().toString()));
        return new RunCatalog(List.copyOf(latest), List.copyOf(skipped));
    }

    /**
     * One run per experiment, policy, backend and seed: a repeated seed is the same measurement
     * again, not another sample, so only the latest counts and earlier ones are listed as superseded.
     */
    private static List<RunRecord> latestPerSeed(List<RunRecord> runs, List<Skipped> skipped) {
        java.util.Map<String, RunRecord> latest = new java.util.LinkedHashMap<>();
        for (RunRecord run : runs) {
            RunSummary s = run.summary();
            String key = s.experiment() + "|" + s.policy() + "|" + s.backend() + "|" + s.seed();
            RunRecord previous = latest.get(key);
            if (previous == null || startOf(run).compareTo(startOf(previous)) > 0) {
                if (previous != null) {
                    skipped.add(superseded(previous, run));
                }
                latest.put(key, run);
            } else {
                skipped.add(superseded(run, previous));
            }
        }
        return latest.values().stream().sorted(Comparator.comparing(r -> r.directory().toString())).toList();
    }

    private static String startOf(RunRecord run) {
        String started = run.summary().startedAt();
        return (started == null ? "" : java.time.OffsetDateTime.parse(started).toInstant().toString())
                + run.directory().getFileName();
    }

    private static Skipped superseded(RunRecord older, RunRecord newer) {
        return new Skipped(older.directory(), "superseded by " + newer.directory().getFileName()
                + " (same policy, backend and seed)");
    }

    private static RunRecord read(Path run, Path relative) {
        if (!Files.exists(run.resolve(RunSummary.FILE_NAME))) {
            throw new NotAResult("interrupted: no " + RunSummary.FILE_NAME);
        }
        RunSummary summary;
        try {
            summary = RunFiles.readSummary(run);
        } catch (IOException e) {
            throw new NotAResult("malformed " + RunSummary.FILE_NAME + ": " + firstLine(e.getMessage()));
        }
        if (!RunSummary.COMPLETE.equals(summary.status())) {
            throw new NotAResult(summary.status() + (summary.error() == null ? "" : ": " + summary.error()));
        }
        if (summary.finalMetrics() == null || summary.lastEpoch() == null || summary.policy() == null) {
            throw new NotAResult("incomplete " + RunSummary.FILE_NAME + " (no final metrics)");
        }
        List<EpochRecord> epochs;
        try {
            epochs = EpochLog.read(run);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new NotAResult("malformed " + EpochLog.FILE_NAME + ": " + firstLine(e.getMessage())
                    .replace(run.resolve(EpochLog.FILE_NAME) + ":", "line "));
        }
        if (epochs.isEmpty()) {
            throw new NotAResult("no epochs in " + EpochLog.FILE_NAME);
        }
        return new RunRecord(relative, summary, epochs);
    }

    private static List<Path> directories(Path parent) {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(parent)) {
            return children.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static final class NotAResult extends RuntimeException {
        NotAResult(String reason) {
            super(reason);
        }
    }
}
