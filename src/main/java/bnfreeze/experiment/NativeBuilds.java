package bnfreeze.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Chooses, before ND4J loads, which libnd4j build runs: the fastest of the oneDNN builds on the
 * class path that this CPU supports, else the generic build. Must run before any ND4J class is
 * touched (it sets JavaCPP's platform extension, read when the native library loads).
 *
 * <p>It also switches DL4J's layer helpers on: 1.0.0-M2.1 ships with them disabled by default
 * ({@code org.eclipse.deeplearning4j.helpers.disable=true}), which keeps convolution and
 * BatchNormalization off oneDNN even in a oneDNN build. A user's own settings of either property
 * win.
 */
public final class NativeBuilds {

    public static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
    public static final String HELPERS_DISABLED_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";
    private static final String BINDINGS_RESOURCE = "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64%s/";

    /** A libnd4j CPU build and the CPU flags it needs. */
    record Build(String extension, Set<String> requiredFlags) {}

    /**
     * In order of preference. The plain oneDNN build comes first: oneDNN chooses AVX2 or AVX-512
     * kernels itself at run time, and on the 2-core AVX-512 machine of {@code results/PERFORMANCE.md}
     * it trained ResNet50 at least as fast as the {@code -avx2} and {@code -avx512} builds with the
     * least memory. Those builds stay on the class path so that the benchmark can compare them.
     */
    static final List<Build> PREFERRED_FIRST = List.of(
            new Build("-onednn", Set.of()),
            new Build("-onednn-avx2", Set.of("avx2", "fma")),
            new Build("-onednn-avx512", Set.of("avx512f", "avx512bw", "avx512vl", "avx512dq", "avx2", "fma")));

    private NativeBuilds() {}

    /** Sets the properties (unless the user set them); returns the chosen extension ({@code ""} = generic). */
    public static synchronized String configure() {
        System.setProperty(HELPERS_DISABLED_PROPERTY, System.getProperty(HELPERS_DISABLED_PROPERTY, "false"));
        String chosen = System.getProperty(EXTENSION_PROPERTY);
        if (chosen == null) {
            chosen = choose(cpuFlags(), extension -> NativeBuilds.class.getClassLoader()
                    .getResource(String.format(BINDINGS_RESOURCE, extension)) != null);
            if (!chosen.isEmpty()) {
                System.setProperty(EXTENSION_PROPERTY, chosen);
            }
        }
        return chosen;
    }

    /** The first preferred build whose flags the CPU has and which is on the class path; {@code ""} if none. */
    static String choose(Set<String> cpuFlags, java.util.function.Predicate<String> onClassPath) {
        return PREFERRED_FIRST.stream()
                .filter(b -> cpuFlags.containsAll(b.requiredFlags()))
                .map(Build::extension)
                .filter(onClassPath)
                .findFirst()
                .orElse("");
    }

    static Set<String> cpuFlags() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("flags"))
                    .findFirst()
                    .map(l -> Stream.of(l.substring(l.indexOf(':') + 1).trim().split("\\s+")).collect(Collectors.toSet()))
                    .orElse(Set.of());
        } catch (IOException e) {
            return Set.of();
        }
    }
}
