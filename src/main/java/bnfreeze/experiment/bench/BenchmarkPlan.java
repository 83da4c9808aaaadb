package bnfreeze.experiment.bench;

import java.util.ArrayList;
import java.util.List;

/** What {@code make bench} measures (the definition; {@link BenchmarkRunner} runs it). */
public final class BenchmarkPlan {

    public static final int RESNET_BATCH = 16;
    public static final int SMALL_BATCH = 32;

    private BenchmarkPlan() {}

    /**
     * The cases, in groups: a group of one runs alone in its process; the cases of a larger group
     * alternate step by step in one process, for the ratios between them.
     */
    public static List<List<BenchmarkCase>> groups() {
        List<List<BenchmarkCase>> groups = new ArrayList<>();
        BenchmarkCase resnetFit = BenchmarkCase.of("resnet50 train, all layers", "resnet50", "bare-fit", "none", RESNET_BATCH);
        BenchmarkCase resnetInfer = BenchmarkCase.of("resnet50 inference", "resnet50", "inference", "none", RESNET_BATCH);
        BenchmarkCase smallFit = BenchmarkCase.of("small train", "small", "bare-fit", "none", SMALL_BATCH);
        groups.add(List.of(resnetFit));
        groups.add(List.of(BenchmarkCase.of("resnet50 train, all layers, bnfreeze loop", "resnet50", "loop", "none", RESNET_BATCH)));
        groups.add(List.of(resnetInfer));
        groups.add(List.of(BenchmarkCase.of("resnet50 train, stages 1-4 frozen, patched", "resnet50", "bare-fit", "patched", RESNET_BATCH),
                BenchmarkCase.of("resnet50 train, stages 1-4 frozen, keras", "resnet50", "bare-fit", "keras", RESNET_BATCH)));
        groups.add(layersCompared(resnetFit));
        groups.add(layersCompared(resnetInfer));
        groups.add(List.of(smallFit));
        groups.add(List.of(BenchmarkCase.of("small train, bnfreeze loop", "small", "loop", "none", SMALL_BATCH)));
        groups.add(List.of(BenchmarkCase.of("small inference", "small", "inference", "none", SMALL_BATCH)));
        groups.add(layersCompared(smallFit));
        BenchmarkCase pipeline = BenchmarkCase.of("pipeline 32->224", "resnet50", "pipeline", "none", 32);
        groups.add(List.of(pipeline.withThreads("pipeline 32->224, in the training thread", 0)));
        groups.add(List.of(pipeline.withThreads("pipeline 32->224, 1 background thread", 1)));
        groups.add(List.of(pipeline.withThreads("pipeline 32->224, 2 background threads", 2)));
        for (BenchmarkCase base : List.of(resnetFit, resnetInfer)) {
            String what = base.mode().equals("inference") ? "inference" : "train";
            groups.add(List.of(base.withBuild("build: generic, " + what, "", false)));
            groups.add(List.of(base.withBuild("build: onednn-avx512, helpers off (DL4J's default), " + what, "-onednn-avx512", false)));
            groups.add(List.of(base.withBuild("build: onednn-avx512, helpers on, " + what, "-onednn-avx512", true)));
            groups.add(List.of(base.withBuild("build: onednn-avx2, helpers on, " + what, "-onednn-avx2", true)));
            groups.add(List.of(base.withBuild("build: onednn, helpers on, " + what, "-onednn", true)));
        }
        return groups;
    }

    /** {@code base} with bnfreeze's layer implementations and with DL4J's, alternating. */
    private static List<BenchmarkCase> layersCompared(BenchmarkCase base) {
        return List.of(base.withName(base.name() + ", bnfreeze's layers"), base.withDl4jLayers(base.name() + ", DL4J's layers"));
    }

    /** The PyTorch peers: network, mode, batch. */
    public static List<String[]> pytorchCases() {
        return List.of(new String[] {"resnet50", "train", String.valueOf(RESNET_BATCH)},
                new String[] {"resnet50", "inference", String.valueOf(RESNET_BATCH)},
                new String[] {"small", "train", String.valueOf(SMALL_BATCH)},
                new String[] {"small", "inference", String.valueOf(SMALL_BATCH)});
    }
}
