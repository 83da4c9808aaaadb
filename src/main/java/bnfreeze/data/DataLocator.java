package bnfreeze.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the directory of a data set. An explicit directory ({@code --data}, else the environment
 * variable {@value #ENVIRONMENT_VARIABLE}) wins and may hold the files or a sub-directory named
 * after the data set; otherwise the data set's default places are tried in order.
 */
public final class DataLocator {

    public static final String ENVIRONMENT_VARIABLE = "BNFREEZE_DATA";

    private DataLocator() {}

    /** The user's cache directory for bnfreeze ({@code $XDG_CACHE_HOME/bnfreeze} or {@code ~/.cache/bnfreeze}). */
    public static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("bnfreeze");
    }

    /**
     * @param explicit     the {@code --data} directory, if given
     * @param datasetDir   the data set's directory name, e.g. {@code fashion-mnist}
     * @param markerFile   a file that must be present in the directory
     * @param defaults     default places, tried in order
     * @param howToGet     what to tell a user who has none
     */
    public static Path locate(Optional<Path> explicit, String datasetDir, String markerFile,
                              List<Path> defaults, String howToGet) {
        Optional<Path> chosen = explicit.or(() -> Optional.ofNullable(System.getenv(ENVIRONMENT_VARIABLE))
                .filter(s -> !s.isBlank()).map(Path::of));
        if (chosen.isPresent()) {
            Path dir = chosen.get();
            if (!Files.isDirectory(dir)) {
                throw new DataFileException(dir, "data directory does not exist; " + howToGet);
            }
            for (Path candidate : List.of(dir, dir.resolve(datasetDir))) {
                if (Files.exists(candidate.resolve(markerFile))) {
                    return candidate;
                }
            }
            throw new DataFileException(dir.resolve(markerFile), "file not found (nor in "
                    + dir.resolve(datasetDir) + "); " + howToGet);
        }
        List<Path> tried = new ArrayList<>(defaults);
        for (Path candidate : tried) {
            if (Files.exists(candidate.resolve(markerFile))) {
                return candidate;
            }
        }
        String elsewhere = tried.size() > 1 ? " (also looked in " + tried.subList(1, tried.size()) + ")" : "";
        throw new DataFileException(tried.get(0).resolve(markerFile), "file not found" + elsewhere + "; " + howToGet);
    }
}
