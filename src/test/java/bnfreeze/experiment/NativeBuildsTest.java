package bnfreeze.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class NativeBuildsTest {

    private static final Set<String> AVX512 = Set.of("avx512f", "avx512bw", "avx512vl", "avx512dq", "avx2", "fma", "sse4_2");

    @Test
    void choosesThePreferredBuildTheCpuSupportsAndFindsOnTheClassPath() {
        assertThat(NativeBuilds.choose(AVX512, e -> true)).isEqualTo("-onednn");
        assertThat(NativeBuilds.choose(AVX512, e -> !e.equals("-onednn"))).isEqualTo("-onednn-avx2");
        assertThat(NativeBuilds.choose(Set.of("sse4_2"), e -> !e.equals("-onednn"))).isEmpty();
        assertThat(NativeBuilds.choose(AVX512, e -> e.endsWith("avx512"))).isEqualTo("-onednn-avx512");
        assertThat(NativeBuilds.choose(AVX512, e -> false)).isEmpty();
    }

    @Test
    void dl4jsOneDnnHelpersAreSwitchedOnInTheDefaultBuild() {
        // the default build carries the oneDNN jars; with the shim, DL4J sees oneDNN
        assertThat(System.getProperty(NativeBuilds.HELPERS_DISABLED_PROPERTY)).isEqualTo("false");
        assertThat(System.getProperty(NativeBuilds.EXTENSION_PROPERTY)).startsWith("-onednn");
        assertThat(org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper.mklDnnEnabled()).isTrue();
    }
}
