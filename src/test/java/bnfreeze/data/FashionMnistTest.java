package bnfreeze.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {

    @TempDir
    Path dir;

    @Test
    void aMissingDataDirectoryIsOneClearError() {
        Path missing = dir.resolve("nowhere");

        assertThatThrownBy(() -> FashionMnist.open(Optional.of(missing)))
                .isInstanceOf(DataFileException.class)
                .hasMessage(missing + ": data directory does not exist; " + FashionMnist.HOW_TO_GET);
    }

    @Test
    void aDirectoryWithoutTheFilesNamesTheFirstMissingFile() {
        assertThatThrownBy(() -> FashionMnist.open(Optional.of(dir)))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(dir.resolve("train-images-idx3-ubyte.gz") + ": file not found");
    }

    @Test
    void filesWhoseContentDiffersFromThePublishedDataAreRejected() throws Exception {
        for (DatasetFile file : FashionMnist.FILES) {
            Files.write(dir.resolve(file.name()), IdxFiles.gzip(IdxFiles.images(2, 2, 2)));
        }

        assertThatThrownBy(() -> FashionMnist.open(Optional.of(dir)))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("train-images-idx3-ubyte.gz: damaged: 24 bytes after decompression, expected 47040016");
    }

    @Test
    void aTruncatedCopyOfTheRealFileIsRejected() throws Exception {
        byte[] labels = IdxFile.decompressedContent(RealData.fashionMnist().resolve("train-labels-idx1-ubyte.gz"));
        Path copy = Files.write(dir.resolve("train-labels-idx1-ubyte.gz"),
                IdxFiles.gzip(java.util.Arrays.copyOf(labels, 1000)));

        assertThatThrownBy(() -> FashionMnist.verifiedContent(copy, FashionMnist.TRAIN_LABELS))
                .hasMessage(copy + ": damaged: 1000 bytes after decompression, expected 60008; " + FashionMnist.HOW_TO_GET);
    }

    @Test
    void theRealDataSetHasTheShapeAndClassesOfFashionMnist() {
        FashionMnist fashion = FashionMnist.open(Optional.of(RealData.fashionMnist()));

        ImageSet train = fashion.split(FashionMnist.Split.TRAIN);
        ImageSet test = fashion.split(FashionMnist.Split.TEST);

        assertThat(train.count()).isEqualTo(60_000);
        assertThat(test.count()).isEqualTo(10_000);
        assertThat(train.height()).isEqualTo(28);
        assertThat(train.indicesOfClasses(new int[] {2})).hasSize(6_000);
        assertThat(train.labels()[0]).isEqualTo(9); // the first training image is an ankle boot
    }
}
