package bnfreeze.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Fetches the official CIFAR-10 binary archive, verifies its published MD5 before unpacking, and
 * unpacks its six data files into {@code <directory>/cifar-10-batches-bin}.
 */
public final class Cifar10Download {

    private Cifar10Download() {}

    public static void fetch(Path directory, PrintStream out) {
        fetch(Cifar10.ARCHIVE_URL, Cifar10.ARCHIVE_MD5, directory, out);
    }

    /** As {@link #fetch(Path, PrintStream)} from another address (tests serve a generated archive). */
    public static void fetch(String url, String md5, Path directory, PrintStream out) {
        Path target = directory.resolve(Cifar10.DIRECTORY_NAME);
        if (Cifar10.allFiles().stream().allMatch(f -> Files.exists(target.resolve(f)))) {
            out.println("CIFAR-10 already in " + target);
            return;
        }
        Path archive = directory.resolve("cifar-10-binary.tar.gz");
        out.println("Downloading " + url);
        Downloads.fetch(url, archive, md5, "copy cifar-10-binary.tar.gz from " + Cifar10.ARCHIVE_URL
                + " into " + directory + " and run `make cifar10` again");
        unpack(archive, target);
        out.println("CIFAR-10 unpacked into " + target);
    }

    /** Unpacks the six data files of the archive, each written atomically; other entries are ignored. */
    static void unpack(Path archive, Path target) {
        Set<String> wanted = Set.copyOf(Cifar10.allFiles());
        try (InputStream file = Files.newInputStream(archive);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            Files.createDirectories(target);
            int found = 0;
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String name = Path.of(entry.getName()).getFileName().toString();
                if (entry.isFile() && wanted.contains(name)) {
                    AtomicFiles.write(target.resolve(name), tar.readAllBytes());
                    found++;
                }
            }
            if (found != wanted.size()) {
                throw new DataFileException(archive, "holds " + found + " of the " + wanted.size()
                        + " CIFAR-10 data files: not the CIFAR-10 binary archive");
            }
        } catch (IOException e) {
            throw new DataFileException(archive, "cannot unpack: " + e.getMessage());
        }
    }
}
