package bnfreeze.experiment.bench;

/**
 * One measurement of the benchmark, run in a JVM of its own (the libnd4j build is chosen when
 * the native library loads, once per process).
 *
 * @param network     {@code resnet50} (224x224, the study's) or {@code small} (the demo's, 28x28)
 * @param mode        {@code bare-fit} (DL4J's {@code fit} on pre-made arrays), {@code loop} (bnfreeze's
 *                    training loop on the same arrays), {@code inference}, or {@code pipeline} (the data
 *                    pipeline alone: decode, resize, normalize)
 * @param frozen      {@code none}, or a policy with the study's freezing point ({@code keras}, {@code patched})
 * @param threads     background threads of the data pipeline ({@code pipeline} mode)
 * @param nativeBuild libnd4j build extension ({@code ""} generic, {@code -onednn-avx512}, ...); null: bnfreeze's choice
 * @param helpers     whether DL4J's oneDNN layer helpers are on
 * @param dl4jLayers  whether the network uses DL4J's own convolution and BatchNormalization layers
 *                    instead of bnfreeze's faster implementations of them
 */
public record BenchmarkCase(String name, String network, String mode, String frozen, int batchSize, int threads,
                            String nativeBuild, boolean helpers, boolean dl4jLayers) {

    /** The case in bnfreeze's chosen build with helpers on. */
    public static BenchmarkCase of(String name, String network, String mode, String frozen, int batchSize) {
        return new BenchmarkCase(name, network, mode, frozen, batchSize, 0, null, true, false);
    }

    public BenchmarkCase withBuild(String name, String build, boolean helpersOn) {
        return new BenchmarkCase(name, network, mode, frozen, batchSize, threads, build, helpersOn, dl4jLayers);
    }

    public BenchmarkCase withThreads(String name, int pipelineThreads) {
        return new BenchmarkCase(name, network, mode, frozen, batchSize, pipelineThreads, nativeBuild, helpers, dl4jLayers);
    }

    public BenchmarkCase withName(String newName) {
        return new BenchmarkCase(newName, network, mode, frozen, batchSize, threads, nativeBuild, helpers, dl4jLayers);
    }

    public BenchmarkCase withDl4jLayers(String name) {
        return new BenchmarkCase(name, network, mode, frozen, batchSize, threads, nativeBuild, helpers, true);
    }
}
