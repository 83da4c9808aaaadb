package bnfreeze.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Starts the ND4J backend a run asks for, or explains in one line why it cannot. A bnfreeze
 * build carries one backend: {@code nd4j-native} (CPU) by default, {@code nd4j-cuda-11.6} when
 * built with {@code -Pcuda}.
 */
public final class Backends {

    private static final String CUDA_BACKEND_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";
    private static final String CPU_BACKEND_CLASS = "org.nd4j.linalg.cpu.nativecpu.CpuBackend";
    private static final Path NVIDIA_DRIVER = Path.of("/proc/driver/nvidia/version");

    /** What the run actually used. */
    public record BackendInfo(Backend backend, String device, int threads, Map<String, String> libraries) {}

    private Backends() {}

    /** The backend this build carries. */
    public static Backend built() {
        return present(CUDA_BACKEND_CLASS) ? Backend.CUDA : Backend.CPU;
    }

    public static BackendInfo activate(Backend requested) {
        boolean cudaBuilt = present(CUDA_BACKEND_CLASS);
        boolean cpuBuilt = present(CPU_BACKEND_CLASS);
        if (requested == Backend.CUDA && !cudaBuilt) {
            throw new BackendUnavailableException("--backend cuda needs the CUDA build of bnfreeze "
                    + "(`make build BACKEND=cuda`, i.e. mvn -Pcuda package) and an NVIDIA GPU with a CUDA 11.6 driver;"
                    + " this build has the CPU backend only");
        }
        if (requested == Backend.CPU && !cpuBuilt) {
            throw new BackendUnavailableException("--backend cpu needs the default build of bnfreeze "
                    + "(`make build`); this build has the CUDA backend only");
        }
        if (requested == Backend.CUDA && !Files.exists(NVIDIA_DRIVER)) {
            throw new BackendUnavailableException("no usable CUDA device: no NVIDIA driver on this machine (" + NVIDIA_DRIVER
                    + " is missing); --backend cuda needs an NVIDIA GPU with a driver for CUDA 11.6");
        }
        Properties environment = startQuietly(requested);
        String backendName = String.valueOf(environment.getOrDefault("backend", "unknown"));
        if (requested == Backend.CUDA && !backendName.toLowerCase().contains("cuda")) {
            throw new BackendUnavailableException("no usable CUDA device: ND4J started the " + backendName + " backend");
        }
        String device = requested == Backend.CUDA
                ? String.valueOf(environment.getOrDefault("cuda.devicesInformation", "unknown GPU"))
                : cpuModel();
        int threads = Integer.parseInt(String.valueOf(environment.getOrDefault("omp.threads",
                Runtime.getRuntime().availableProcessors())));
        return new BackendInfo(requested, device, threads, libraryVersions());
    }

    /** Versions of DL4J, ND4J and the backend, read from the Maven metadata inside their jars. */
    /**
     * Starts ND4J. A backend that fails to load prints its stack traces on standard error; they are
     * held back and the failure becomes one line.
     */
    private static Properties startQuietly(Backend requested) {
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream held = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(held, true));
        try {
            return Nd4j.getExecutioner().getEnvironmentInformation();
        } catch (Throwable e) {
            String cause = held.toString().lines().filter(l -> l.contains("Error") || l.contains("Exception"))
                    .findFirst().orElse(rootMessage(e));
            throw new BackendUnavailableException("the " + requested.id() + " backend cannot start on this machine: " + cause);
        } finally {
            System.setErr(stderr);
        }
    }

    static Map<String, String> libraryVersions() {
        Map<String, String> versions = new LinkedHashMap<>();
        for (String artifact : new String[] {"org.deeplearning4j/deeplearning4j-nn", "org.nd4j/nd4j-api",
                "org.nd4j/nd4j-native", "org.nd4j/nd4j-cuda-11.6"}) {
            String resource = "/META-INF/maven/" + artifact + "/pom.properties";
            try (var in = Backends.class.getResourceAsStream(resource)) {
                if (in != null) {
                    Properties pom = new Properties();
                    pom.load(in);
                    versions.put(artifact.replace('/', ':'), pom.getProperty("version"));
                }
            } catch (IOException e) {
                versions.put(artifact.replace('/', ':'), "unreadable");
            }
        }
        String build = System.getProperty(NativeBuilds.EXTENSION_PROPERTY);
        versions.put("libnd4j build", "linux-x86_64" + (build == null ? "" : build));
        return versions;
    }

    /** The CPU's model name and core count. */
    public static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse(System.getProperty("os.arch"))
                    + " (" + Runtime.getRuntime().availableProcessors() + " cores)";
        } catch (IOException e) {
            return System.getProperty("os.arch");
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, Backends.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
