package bnfreeze.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CIFAR-10 (Krizhevsky, 2009) in its official binary format, {@code cifar-10-batches-bin}: five
 * training files and one test file of 10,000 records, each one label byte (0..9) followed by 3,072
 * pixel bytes, channel-planar RGB (1,024 red, 1,024 green, 1,024 blue, row-major 32x32). Every
 * file's size, record count and labels are checked before use; a damaged or foreign file is named
 * with the byte offset where it goes wrong.
 */
public final class Cifar10 {

    public static final String DIRECTORY_NAME = "cifar-10-batches-bin";
    public static final int SIZE = 32;
    public static final int PIXELS = 3 * SIZE * SIZE;
    public static final int RECORD_BYTES = 1 + PIXELS;
    public static final int RECORDS_PER_FILE = 10_000;
    public static final List<String> TRAIN_FILES = List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
            "data_batch_4.bin", "data_batch_5.bin");
    public static final String TEST_FILE = "test_batch.bin";
    public static final List<String> CLASS_NAMES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
            "frog", "horse", "ship", "truck");
    public static final String ARCHIVE_URL = "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz";
    public static final String ARCHIVE_MD5 = "c32a1d4ab5d03f1284b67883e8d87530";
    public static final String HOW_TO_GET = "run `make cifar10` (downloads " + ARCHIVE_URL
            + " and verifies its MD5), or pass --data DIR";

    public enum Split { TRAIN, TEST }

    private final Path directory;
    private final int recordsPerFile;

    private Cifar10(Path directory, int recordsPerFile) {
        this.directory = directory;
        this.recordsPerFile = recordsPerFile;
    }

    /** The default place for the data set, where {@code make cifar10} puts it. */
    public static Path downloadDirectory() {
        return DataLocator.cacheRoot().resolve("data").resolve(DIRECTORY_NAME);
    }

    /** Locates the data set; checks that all six files are there (their content is checked when read). */
    public static Cifar10 open(Optional<Path> explicitDirectory) {
        Path dir = DataLocator.locate(explicitDirectory, DIRECTORY_NAME, TEST_FILE,
                List.of(downloadDirectory()), HOW_TO_GET);
        for (String file : allFiles()) {
            if (!Files.exists(dir.resolve(file))) {
                throw new DataFileException(dir.resolve(file), "file not found; " + HOW_TO_GET);
            }
        }
        return new Cifar10(dir, RECORDS_PER_FILE);
    }

    /** A data set whose files hold {@code recordsPerFile} records each: for tests with small generated files. */
    public static Cifar10 openWithRecordsPerFile(Path directory, int recordsPerFile) {
        return new Cifar10(directory, recordsPerFile);
    }

    public Path directory() {
        return directory;
    }

    public static List<String> allFiles() {
        List<String> files = new java.util.ArrayList<>(TRAIN_FILES);
        files.add(TEST_FILE);
        return files;
    }

    /** The images of a split, in file order (the training files one after another). */
    public ImageSet split(Split split) {
        List<String> files = split == Split.TRAIN ? TRAIN_FILES : List.of(TEST_FILE);
        byte[] pixels = new byte[files.size() * recordsPerFile * PIXELS];
        int[] labels = new int[files.size() * recordsPerFile];
        for (int f = 0; f < files.size(); f++) {
            byte[] content = read(directory.resolve(files.get(f)), recordsPerFile);
            for (int r = 0; r < recordsPerFile; r++) {
                int record = f * recordsPerFile + r;
                labels[record] = content[r * RECORD_BYTES];
                System.arraycopy(content, r * RECORD_BYTES + 1, pixels, record * PIXELS, PIXELS);
            }
        }
        return new ImageSet(labels.length, 3, SIZE, SIZE, pixels, labels);
    }

    /** File name → SHA-256 of its content, for provenance. */
    public Map<String, String> checksums() {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String file : allFiles()) {
            try {
                sums.put(DIRECTORY_NAME + "/" + file, Checksums.sha256(Files.readAllBytes(directory.resolve(file))));
            } catch (IOException e) {
                throw new DataFileException(directory.resolve(file), "cannot read: " + e.getMessage());
            }
        }
        return sums;
    }

    /** The content of one binary file, checked record by record. */
    static byte[] read(Path file, int expectedRecords) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, "file not found; " + HOW_TO_GET);
        } catch (IOException e) {
            throw new DataFileException(file, "cannot read: " + e.getMessage());
        }
        if (content.length % RECORD_BYTES != 0) {
            long lastRecord = (long) (content.length / RECORD_BYTES) * RECORD_BYTES;
            throw new DataFileException(file, "truncated or foreign: " + content.length + " bytes is not a whole number of "
                    + RECORD_BYTES + "-byte records (the record at byte offset " + lastRecord + " is cut short); " + HOW_TO_GET);
        }
        int records = content.length / RECORD_BYTES;
        if (records != expectedRecords) {
            throw new DataFileException(file, "holds " + records + " records, expected " + expectedRecords + "; " + HOW_TO_GET);
        }
        for (int r = 0; r < records; r++) {
            int label = content[r * RECORD_BYTES] & 0xFF;
            if (label > 9) {
                throw new DataFileException(file, "label " + label + " at byte offset " + (long) r * RECORD_BYTES
                        + " is outside 0..9: not a CIFAR-10 file; " + HOW_TO_GET);
            }
        }
        return content;
    }
}
