package bnfreeze.experiment.bench;

import java.util.ArrayList;
import java.util.List;

/** What {@code make bench} measures (the definition; {@link BenchmarkRunner} runs it). */
public final class BenchmarkPlan {

    public static final int RESNET_BATCH = 16;
    public static final int SMALL_BATCH = 32;

    private BenchmarkPlan() {}

    public static List<BenchmarkCase> cases() {
        List<BenchmarkCase> cases = new ArrayList<>();
        BenchmarkCase resnetFit = BenchmarkCase.of("resnet50 train, all layers", "resnet50", "bare-fit", "none", RESNET_BATCH);
        BenchmarkCase resnetInfer = BenchmarkCase.of("resnet50 inference", "resnet50", "inference", "none", RESNET_BATCH);
        cases.add(resnetFit);
        cases.add(BenchmarkCase.of("resnet50 train, all layers, bnfreeze loop", "resnet50", "loop", "none", RESNET_BATCH));
        cases.add(resnetInfer);
        cases.add(BenchmarkCase.of("resnet50 train, stages 1-4 frozen, patched", "resnet50", "bare-fit", "patched", RESNET_BATCH));
        cases.add(BenchmarkCase.of("resnet50 train, stages 1-4 frozen, keras", "resnet50", "bare-fit", "keras", RESNET_BATCH));
        cases.add(BenchmarkCase.of("small train", "small", "bare-fit", "none", SMALL_BATCH));
        cases.add(BenchmarkCase.of("small train, bnfreeze loop", "small", "loop", "none", SMALL_BATCH));
        cases.add(BenchmarkCase.of("small inference", "small", "inference", "none", SMALL_BATCH));
        cases.add(resnetFit.withDl4jLayers("resnet50 train, all layers, DL4J's layers"));
        cases.add(resnetInfer.withDl4jLayers("resnet50 inference, DL4J's layers"));
        cases.add(BenchmarkCase.of("small train", "small", "bare-fit", "none", SMALL_BATCH).withDl4jLayers("small train, DL4J's layers"));
        BenchmarkCase pipeline = BenchmarkCase.of("pipeline 32->224", "resnet50", "pipeline", "none", 32);
        cases.add(pipeline.withThreads("pipeline 32->224, in the training thread", 0));
        cases.add(pipeline.withThreads("pipeline 32->224, 1 background thread", 1));
        cases.add(pipeline.withThreads("pipeline 32->224, 2 background threads", 2));
        for (BenchmarkCase base : List.of(resnetFit, resnetInfer)) {
            String what = base.mode().equals("inference") ? "inference" : "train";
            cases.add(base.withBuild("build: generic, " + what, "", false));
            cases.add(base.withBuild("build: onednn-avx512, helpers off (DL4J's default), " + what, "-onednn-avx512", false));
            cases.add(base.withBuild("build: onednn-avx512, helpers on, " + what, "-onednn-avx512", true));
            cases.add(base.withBuild("build: onednn-avx2, helpers on, " + what, "-onednn-avx2", true));
            cases.add(base.withBuild("build: onednn, helpers on, " + what, "-onednn", true));
        }
        return cases;
    }

    /** The PyTorch peers: network, mode, batch. */
    public static List<String[]> pytorchCases() {
        return List.of(new String[] {"resnet50", "train", String.valueOf(RESNET_BATCH)},
                new String[] {"resnet50", "inference", String.valueOf(RESNET_BATCH)},
                new String[] {"small", "train", String.valueOf(SMALL_BATCH)},
                new String[] {"small", "inference", String.valueOf(SMALL_BATCH)});
    }
}
