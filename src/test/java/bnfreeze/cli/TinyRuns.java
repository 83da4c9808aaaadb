package bnfreeze.cli;

import bnfreeze.data.RealData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The demo definition at a scale that runs in seconds, for end-to-end tests on real Fashion-MNIST. */
final class TinyRuns {

    private TinyRuns() {}

    /** The demo with 20 + 20 images, pre-training on 30 images per class for one epoch, {@code epochs} fine-tuning epochs. */
    static Path definition(Path dir, String name, int perClass, int epochs) throws IOException {
        Path definition = dir.resolve(name + ".yaml");
        Files.writeString(definition, Files.readString(Path.of("experiments/overfit-2class-fmnist.yaml"))
                .replace("name: overfit-2class-fmnist", "name: " + name)
                .replace("  perClass: 100", "  perClass: " + perClass)
                .replace("    excludeClasses: [2, 6]", "    excludeClasses: [2, 6]\n    imagesPerClass: 30")
                .replace("    epochs: 2\n", "    epochs: 1\n")
                .replace("    epochs: 10\n", "    epochs: " + epochs + "\n"));
        return definition;
    }

    static String[] runArguments(Path definition, String policy, long seed, Path dir) {
        return new String[] {"run", definition.toString(), "--bn", policy, "--seed", String.valueOf(seed),
                "--data", RealData.fashionMnist().toString(), "--results", dir.resolve("runs").toString(),
                "--cache", dir.resolve("cache").toString()};
    }

    static List<Path> runDirectories(Path dir, String experiment) throws IOException {
        try (Stream<Path> list = Files.list(dir.resolve("runs").resolve(experiment))) {
            return list.sorted().toList();
        }
    }
}
