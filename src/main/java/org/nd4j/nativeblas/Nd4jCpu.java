package org.nd4j.nativeblas;

/**
 * Works around a bug of DL4J 1.0.0-M2.1 that keeps its oneDNN layer helpers off.
 *
 * <p>DL4J's {@code BaseMKLDNNHelper.mklDnnEnabled()} asks, by reflection,
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment.getInstance().isUseMKLDNN()}. In M2.1 the class
 * moved to {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} and the method was
 * renamed {@code isUseONEDNN()}; the lookup fails, DL4J concludes that oneDNN is unavailable,
 * and every convolution falls back to im2col + GEMM: ResNet50 trains about 4x and infers about 7x
 * slower (see {@code results/PERFORMANCE.md}). This class answers the old question with the new
 * answer. It
 * is reached only through that reflective lookup, and only on the CPU backend.
 */
public final class Nd4jCpu {

    private Nd4jCpu() {}

    /** The shape DL4J expects: {@code getInstance().isUseMKLDNN()}. */
    public static final class Environment {

        private static final Environment INSTANCE = new Environment();
        private static final String BINDINGS = "org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment";

        private Environment() {}

        public static Environment getInstance() {
            return INSTANCE;
        }

        /** Whether the loaded libnd4j build has oneDNN and may use it. */
        public boolean isUseMKLDNN() {
            try {
                Class<?> bindings = Class.forName(BINDINGS);
                Object environment = bindings.getMethod("getInstance").invoke(null);
                return (boolean) bindings.getMethod("isUseONEDNN").invoke(environment);
            } catch (ReflectiveOperationException | LinkageError e) {
                return false; // not the CPU backend, or no oneDNN in this build
            }
        }
    }
}
