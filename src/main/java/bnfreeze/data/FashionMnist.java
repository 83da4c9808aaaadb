package bnfreeze.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017) in its four IDX files. Every file is verified
 * against the SHA-256 of its content before it is used.
 */
public final class FashionMnist {

    public static final String DIRECTORY_NAME = "fashion-mnist";
    public static final Path DEBIAN_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");
    public static final String HOW_TO_GET = "run `make data` (installs Debian's dataset-fashion-mnist package,"
            + " or downloads the official files), or pass --data DIR";
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private static final String BASE_URL = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";

    public static final DatasetFile TRAIN_IMAGES = new DatasetFile("train-images-idx3-ubyte.gz",
            "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888", 47_040_016,
            BASE_URL + "train-images-idx3-ubyte.gz", "8d4fb7e6c68d591d4c3dfef9ec88bf0d");
    public static final DatasetFile TRAIN_LABELS = new DatasetFile("train-labels-idx1-ubyte.gz",
            "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9", 60_008,
            BASE_URL + "train-labels-idx1-ubyte.gz", "25c81989df183df01b3e8a0aad5dffbe");
    public static final DatasetFile TEST_IMAGES = new DatasetFile("t10k-images-idx3-ubyte.gz",
            "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b", 7_840_016,
            BASE_URL + "t10k-images-idx3-ubyte.gz", "bef4ecab320f06d8554ea6380940ec79");
    public static final DatasetFile TEST_LABELS = new DatasetFile("t10k-labels-idx1-ubyte.gz",
            "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34", 10_008,
            BASE_URL + "t10k-labels-idx1-ubyte.gz", "bb300cfdad3c16e7a12a480ee83cd310");
    public static final List<DatasetFile> FILES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);

    public enum Split { TRAIN, TEST }

    private final Path directory;
    private final Map<DatasetFile, byte[]> contents = new LinkedHashMap<>();

    private FashionMnist(Path directory) {
        this.directory = directory;
    }

    /** The default download directory, used when Debian's package cannot be installed. */
    public static Path downloadDirectory() {
        return DataLocator.cacheRoot().resolve("data").resolve(DIRECTORY_NAME);
    }

    /** Locates the data set and verifies all four files. */
    public static FashionMnist open(Optional<Path> explicitDirectory) {
        Path dir = DataLocator.locate(explicitDirectory, DIRECTORY_NAME, TRAIN_IMAGES.name(),
                List.of(DEBIAN_DIRECTORY, downloadDirectory()), HOW_TO_GET);
        FashionMnist dataset = new FashionMnist(dir);
        for (DatasetFile file : FILES) {
            dataset.contents.put(file, verifiedContent(dir.resolve(file.name()), file));
        }
        return dataset;
    }

    /** The decompressed content of {@code path}, checked against {@code file}'s size and checksum. */
    static byte[] verifiedContent(Path path, DatasetFile file) {
        if (!Files.exists(path)) {
            throw new DataFileException(path, "file not found; " + HOW_TO_GET);
        }
        byte[] content = IdxFile.decompressedContent(path);
        if (content.length != file.contentBytes()) {
            throw new DataFileException(path, "damaged: " + content.length + " bytes after decompression, expected "
                    + file.contentBytes() + "; " + HOW_TO_GET);
        }
        String sha = Checksums.sha256(content);
        if (!sha.equals(file.contentSha256())) {
            throw new DataFileException(path, "damaged: content SHA-256 " + sha + " differs from the published data's "
                    + file.contentSha256() + "; " + HOW_TO_GET);
        }
        return content;
    }

    public Path directory() {
        return directory;
    }

    /** File name → SHA-256 of its decompressed content, for provenance. */
    public Map<String, String> checksums() {
        Map<String, String> sums = new LinkedHashMap<>();
        FILES.forEach(f -> sums.put(f.name(), f.contentSha256()));
        return sums;
    }

    public ImageSet split(Split split) {
        DatasetFile images = split == Split.TRAIN ? TRAIN_IMAGES : TEST_IMAGES;
        DatasetFile labels = split == Split.TRAIN ? TRAIN_LABELS : TEST_LABELS;
        return IdxFile.imageSet(directory.resolve(images.name()), contents.get(images),
                directory.resolve(labels.name()), contents.get(labels));
    }
}
