package bnfreeze.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Small files in the exact CIFAR-10 binary format, for tests. */
public final class Cifar10Files {

    private Cifar10Files() {}

    /** {@code records} records; record r has label {@code r % 10} and pixel p of channel c the value (r + 7c + p) % 256. */
    public static byte[] batch(int records) {
        byte[] content = new byte[records * Cifar10.RECORD_BYTES];
        for (int r = 0; r < records; r++) {
            content[r * Cifar10.RECORD_BYTES] = (byte) (r % 10);
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < 1024; p++) {
                    content[r * Cifar10.RECORD_BYTES + 1 + c * 1024 + p] = (byte) ((r + 7 * c + p) % 256);
                }
            }
        }
        return content;
    }

    /** The six files of a data set with {@code records} records each, in {@code dir}. */
    public static Path dataSet(Path dir, int records) throws IOException {
        Files.createDirectories(dir);
        for (String file : Cifar10.allFiles()) {
            Files.write(dir.resolve(file), batch(records));
        }
        return dir;
    }

    /** A .tar.gz laid out as the official archive. */
    public static byte[] archive(int records) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            for (String file : Cifar10.allFiles()) {
                byte[] content = batch(records);
                TarArchiveEntry entry = new TarArchiveEntry("cifar-10-batches-bin/" + file);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}
