package bnfreeze.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A run's own directory, {@code results/runs/<experiment>/<UTC time>-<policy>-seed<seed>[-n]}.
 * It is created atomically, so two runs started in the same second get different directories
 * and no run ever writes into another's.
 */
final class RunDirectory {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private RunDirectory() {}

    static Path create(Path resultsRoot, String experiment, String policy, long seed, ZonedDateTime start) {
        Path parent = resultsRoot.resolve(experiment);
        String base = STAMP.format(start.withZoneSameInstant(ZoneOffset.UTC)) + "-" + policy + "-seed" + seed;
        try {
            Files.createDirectories(parent);
            for (int n = 1; ; n++) {
                Path candidate = parent.resolve(n == 1 ? base : base + "-" + n);
                try {
                    return Files.createDirectory(candidate);
                } catch (FileAlreadyExistsException taken) {
                    // another run started in the same second: take the next name
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run directory under " + parent + ": " + e.getMessage(), e);
        }
    }
}
