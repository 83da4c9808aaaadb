package bnfreeze.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {

    @TempDir
    Path dir;

    @Test
    void readsPlainAndGzippedImagesAlike() throws Exception {
        byte[] content = IdxFiles.images(3, 2, 4);
        IdxFile.Images plain = IdxFile.readImages(IdxFiles.write(dir.resolve("a-idx3-ubyte"), content));
        IdxFile.Images gzipped = IdxFile.readImages(IdxFiles.write(dir.resolve("a-idx3-ubyte.gz"), IdxFiles.gzip(content)));

        assertThat(plain.count()).isEqualTo(3);
        assertThat(plain.rows()).isEqualTo(2);
        assertThat(plain.cols()).isEqualTo(4);
        assertThat(plain.pixel(1, 1, 2)).isEqualTo((8 + 4 + 2) * 7 % 256);
        assertThat(gzipped.pixels()).isEqualTo(plain.pixels());
    }

    @Test
    void pairsImagesWithLabels() throws Exception {
        ImageSet set = IdxFile.imageSet(dir.resolve("i"), IdxFiles.images(3, 2, 2), dir.resolve("l"), IdxFiles.labels(9, 0, 4));

        assertThat(set.labels()).containsExactly(9, 0, 4);
        assertThat(set.channels()).isEqualTo(1);
    }

    @Test
    void aTruncatedFileIsNamedWithWhatIsMissing() throws Exception {
        byte[] content = IdxFiles.images(3, 2, 2);
        Path file = IdxFiles.write(dir.resolve("train-images-idx3-ubyte"), Arrays.copyOf(content, content.length - 5));

        assertThatThrownBy(() -> IdxFile.readImages(file))
                .isInstanceOf(DataFileException.class)
                .hasMessage(file + ": truncated: the header announces 12 data bytes but only 7 follow");
    }

    @Test
    void aForeignFileIsRejectedByItsMagicNumber() throws Exception {
        Path file = IdxFiles.write(dir.resolve("labels"), IdxFiles.labels(1, 2, 3));

        assertThatThrownBy(() -> IdxFile.readImages(file))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("not an IDX file of rank 3 (magic number 0x00000801, expected 0x00000803)");
    }

    @Test
    void aDamagedGzipStreamIsReported() throws Exception {
        byte[] gz = IdxFiles.gzip(IdxFiles.images(50, 28, 28));
        Path file = IdxFiles.write(dir.resolve("x.gz"), Arrays.copyOf(gz, gz.length / 2));

        assertThatThrownBy(() -> IdxFile.readImages(file))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(file + ": damaged gzip stream");
    }

    @Test
    void labelsThatDoNotMatchTheImagesAreRejected() {
        assertThatThrownBy(() -> IdxFile.imageSet(dir.resolve("i"), IdxFiles.images(3, 2, 2), dir.resolve("l"),
                IdxFiles.labels(1, 2)))
                .isInstanceOf(DataFileException.class)
                .hasMessage(dir.resolve("l") + ": 2 labels for the 3 images of i");
    }
}
