package bnfreeze.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10Test {

    @TempDir
    Path dir;

    @Test
    void readsChannelPlanarRecordsInFileOrder() throws Exception {
        Cifar10 cifar = Cifar10.openWithRecordsPerFile(Cifar10Files.dataSet(dir, 12), 12);

        ImageSet train = cifar.split(Cifar10.Split.TRAIN);
        ImageSet test = cifar.split(Cifar10.Split.TEST);

        assertThat(train.count()).isEqualTo(60);
        assertThat(test.count()).isEqualTo(12);
        assertThat(train.channels()).isEqualTo(3);
        assertThat(train.labels()[13]).isEqualTo(1); // record 1 of the second file
        assertThat(train.pixel(13, 2, 1, 5)).isEqualTo((1 + 14 + 32 + 5) % 256); // blue, row 1, column 5
        assertThat(train.firstOfEachClass(new int[] {3, 5}, 5)).containsExactly(3, 15, 27, 39, 51, 5, 17, 29, 41, 53);
    }

    @Test
    void aTruncatedFileIsNamedWithTheByteOffsetOfTheBrokenRecord() throws Exception {
        Path file = dir.resolve("data_batch_1.bin");
        Files.write(file, Arrays.copyOf(Cifar10Files.batch(5), 5 * 3073 - 100));

        assertThatThrownBy(() -> Cifar10.read(file, 5))
                .isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(file + ": truncated or foreign: 15265 bytes is not a whole number of 3073-byte records "
                        + "(the record at byte offset 12292 is cut short)");
    }

    @Test
    void aFileWithTheWrongNumberOfRecordsIsRejected() throws Exception {
        Path file = Files.write(dir.resolve("test_batch.bin"), Cifar10Files.batch(4));

        assertThatThrownBy(() -> Cifar10.read(file, Cifar10.RECORDS_PER_FILE))
                .hasMessageStartingWith(file + ": holds 4 records, expected 10000");
    }

    @Test
    void aForeignFileIsRejectedByItsLabels() throws Exception {
        byte[] content = Cifar10Files.batch(3);
        content[2 * 3073] = 42;
        Path file = Files.write(dir.resolve("data_batch_2.bin"), content);

        assertThatThrownBy(() -> Cifar10.read(file, 3))
                .hasMessageStartingWith(file + ": label 42 at byte offset 6146 is outside 0..9: not a CIFAR-10 file");
    }

    @Test
    void withoutTheDataSetOneLineSaysHowToGetIt() {
        assertThatThrownBy(() -> Cifar10.open(Optional.of(dir)))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("test_batch.bin: file not found")
                .hasMessageContaining("run `make cifar10`");
    }

    @Test
    void downloadsVerifiesAndUnpacksTheArchive() throws Exception {
        byte[] archive = Cifar10Files.archive(3);
        HttpServer server = serve(archive);
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/cifar-10-binary.tar.gz";

            Cifar10Download.fetch(url, Checksums.md5(archive), dir, new PrintStream(new ByteArrayOutputStream()));

            Path unpacked = dir.resolve(Cifar10.DIRECTORY_NAME);
            for (String file : Cifar10.allFiles()) {
                assertThat(Files.readAllBytes(unpacked.resolve(file))).isEqualTo(Cifar10Files.batch(3));
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anArchiveWhoseMd5DiffersIsNeitherKeptNorUnpacked() throws Exception {
        HttpServer server = serve(Cifar10Files.archive(3));
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/cifar-10-binary.tar.gz";

            assertThatThrownBy(() -> Cifar10Download.fetch(url, Cifar10.ARCHIVE_MD5, dir, new PrintStream(new ByteArrayOutputStream())))
                    .isInstanceOf(DataFileException.class)
                    .hasMessageContaining("differs from the published " + Cifar10.ARCHIVE_MD5);
            assertThat(dir.resolve("cifar-10-binary.tar.gz")).doesNotExist();
            assertThat(dir.resolve(Cifar10.DIRECTORY_NAME)).doesNotExist();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void offlineTheDownloadFailsInOneLine() {
        // port 9 on loopback: nothing listens there, as nothing answers from outside this network
        assertThatThrownBy(() -> Cifar10Download.fetch("http://127.0.0.1:9/cifar-10-binary.tar.gz", Cifar10.ARCHIVE_MD5,
                dir, new PrintStream(new ByteArrayOutputStream())))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("cannot download (offline or unreachable")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private static HttpServer serve(byte[] content) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, content.length);
            exchange.getResponseBody().write(content);
            exchange.close();
        });
        server.start();
        return server;
    }
}
