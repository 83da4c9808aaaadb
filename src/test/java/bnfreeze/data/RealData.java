package bnfreeze.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The real Fashion-MNIST, which tests need: `make data` (and .ci/run) installs it. */
public final class RealData {

    private RealData() {}

    public static Path fashionMnist() {
        Optional<Path> found = List.of(FashionMnist.DEBIAN_DIRECTORY, FashionMnist.downloadDirectory()).stream()
                .filter(d -> Files.exists(d.resolve(FashionMnist.TRAIN_IMAGES.name())))
                .findFirst();
        assertThat(found).as("Fashion-MNIST is missing: run `make data` first").isPresent();
        return found.get();
    }
}
