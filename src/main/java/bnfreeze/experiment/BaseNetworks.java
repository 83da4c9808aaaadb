package bnfreeze.experiment;

import bnfreeze.data.Checksums;
import bnfreeze.data.FashionMnist;
import bnfreeze.eval.LearningPhaseEvaluator;
import bnfreeze.experiment.ExperimentDefinition.NetworkSpec;
import bnfreeze.experiment.ExperimentDefinition.PretrainingSpec;
import bnfreeze.model.BatchNormSettings;
import bnfreeze.model.ResNet50Imagenet;
import bnfreeze.model.SmallResNet;
import bnfreeze.model.WeightCache;
import bnfreeze.train.PhasePlan;
import bnfreeze.train.Trainer;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * The pre-trained base network of an experiment. bnfreeze pre-trains its small ResNets itself and
 * caches them under a key derived from everything that determines the weights (architecture,
 * pre-training recipe, data), so that every run of every policy starts from the same base.
 */
final class BaseNetworks {

    /** Bump when the pre-training code changes what it produces for the same configuration. */
    static final String RECIPE = "small-resnet-pretraining/4"; // 4: bnfreeze's layer implementations

    /**
     * A base network and where its head goes: after {@code baseOutput}, behind {@code pooling}
     * when the base has none of its own.
     */
    record Base(ComputationGraph network, InputType inputType, String identity, String baseOutput, Layer pooling) {}

    static Base of(NetworkSpec spec, RunOptions options, Trainer trainer) {
        Base base = Networks.RESNET50.equals(spec.architecture())
                ? resnet50(spec, options.weights())
                : pretrained(spec, options.dataDir(), options.cacheRoot(), trainer, options.out());
        if (spec.batchNorm() != null) {
            base = new Base(BatchNormSettings.apply(base.network(), spec.batchNorm().momentum(), spec.batchNorm().epsilon()),
                    base.inputType(), base.identity(), base.baseOutput(), base.pooling());
        }
        return base;
    }

    /** DL4J's zoo ResNet50: the study's base, cut after its last residual block, with Keras 2.1's 7x7 average pooling. */
    static Base resnet50(NetworkSpec spec, Optional<Path> weightsFile) {
        if ("random".equals(spec.weights())) {
            return new Base(ResNet50Imagenet.randomWeights(1234), ResNet50Imagenet.INPUT_TYPE, "resnet50-random:seed=1234",
                    ResNet50Imagenet.BASE_OUTPUT, ResNet50Imagenet.studyPooling());
        }
        return new Base(ResNet50Imagenet.imagenet(weightsFile), ResNet50Imagenet.INPUT_TYPE, ResNet50Imagenet.identity(weightsFile),
                ResNet50Imagenet.BASE_OUTPUT, ResNet50Imagenet.studyPooling());
    }

    private BaseNetworks() {}

    static Base pretrained(NetworkSpec spec, Optional<Path> dataDir, Path cacheRoot, Trainer trainer,
                           java.io.PrintStream out) {
        FashionMnist fashion = FashionMnist.open(dataDir);
        PretrainingSpec pretraining = spec.pretraining();
        int classes = FashionMnist.CLASS_NAMES.size() - pretraining.excludeClasses().size();
        SmallResNet architecture = new SmallResNet(1, 28, 28, spec.stages(), spec.blocksPerStage(), classes,
                spec.batchNorm().momentum(), spec.batchNorm().epsilon());
        String key = cacheKey(spec, fashion.checksums());
        WeightCache cache = new WeightCache(cacheRoot.resolve("pretrained"));
        ComputationGraph net = cache.getOrBuild(key, () -> {
            out.println("Pre-training " + Networks.SMALL_RESNET + " on the " + classes
                    + " Fashion-MNIST classes other than " + pretraining.excludeClasses()
                    + " (once; cached in " + cache.entry(key).getParent() + ")");
            ExperimentData data = ExperimentData.pretraining(fashion, pretraining.excludeClasses(), pretraining.imagesPerClass());
            ComputationGraph fresh = architecture.build(pretraining.seed(), pretraining.optimizer().toUpdater());
            PhasePlan plan = new PhasePlan("pretrain", pretraining.epochs(), pretraining.batchSize(), pretraining.seed());
            trainer.train(fresh, data.train(), plan,
                    new LearningPhaseEvaluator(256, pretraining.seed()).validation(data.validation()), (n, r) -> { });
            return fresh;
        });
        return new Base(net, architecture.inputType(), "pretrained:" + key, SmallResNet.POOL, null);
    }

    static String cacheKey(NetworkSpec spec, Map<String, String> dataChecksums) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("recipe", RECIPE);
        identity.put("network", spec);
        identity.put("data", dataChecksums);
        // another libnd4j build may sum in another order: its weights are not the same weights
        identity.put("libnd4j", "linux-x86_64" + System.getProperty(NativeBuilds.EXTENSION_PROPERTY, ""));
        try {
            String canonical = bnfreeze.results.RunFiles.json().writeValueAsString(identity);
            return Checksums.sha256(canonical.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
