package bnfreeze.experiment;

import bnfreeze.results.ExperimentInfo;
import bnfreeze.results.Reference;
import bnfreeze.train.OptimizerSpec;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An experiment as written in {@code experiments/*.yaml}: what data, which network, how it is
 * trained and evaluated, and what the study published for it. Plain immutable data; the
 * {@link ExperimentRunner} gives it effect.
 *
 * @param name        identifier, also the directory of its runs under {@code results/runs/}
 * @param description what the experiment reproduces
 * @param needs       what running it requires (data, weights, hardware), for users and the results page
 * @param data        the training data
 * @param validation  {@code train} (validate on the training images, as the study's overfit test
 *                    did) or {@code test} (the test split of the same classes)
 * @param network     the network and how its base is obtained
 * @param phases      training phases, run in order
 * @param seed        the study's seed: initialisation of the new head and the shuffling of each
 *                    epoch; {@code --seed} replaces it
 * @param evaluation  the final evaluation
 * @param reference   the study's published numbers for this experiment, if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExperimentDefinition(String name, String description, String needs, DataSpec data, String validation,
                                   NetworkSpec network, List<PhaseSpec> phases, long seed,
                                   EvaluationSpec evaluation, Reference reference) {

    public ExperimentDefinition {
        require(name != null && name.matches("[a-z0-9][a-z0-9-]*"), "name",
                "lower-case letters, digits and dashes, e.g. overfit-2class-fmnist");
        require(data != null, "data", "is required");
        require("train".equals(validation) || "test".equals(validation), "validation", "must be train or test");
        require(network != null, "network", "is required");
        require(phases != null && !phases.isEmpty(), "phases", "at least one phase is required");
        require(evaluation != null, "evaluation", "is required");
        phases = List.copyOf(phases);
    }

    /** What the results page shows of this experiment besides its runs. */
    public ExperimentInfo info() {
        return new ExperimentInfo(name, description, needs, reference);
    }

    /** The data set and the images taken from it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DataSpec(String dataset, List<Integer> classes, Integer perClass, Integer lowResolution,
                           Integer resize, String normalization) {
        public DataSpec {
            require(Datasets.NAMES.contains(dataset), "data.dataset", "must be one of " + Datasets.NAMES);
            require(classes != null && classes.size() >= 2, "data.classes", "at least two class ids are required");
            classes = List.copyOf(classes);
            require(classes.stream().distinct().count() == classes.size(), "data.classes", "class ids must differ");
            int numClasses = Datasets.numClasses(dataset);
            for (int c : classes) {
                require(c >= 0 && c < numClasses, "data.classes",
                        "class id " + c + " is outside " + dataset + "'s 0.." + (numClasses - 1));
            }
            require(perClass == null || perClass > 0, "data.perClass", "must be positive");
            require(lowResolution == null || lowResolution >= 2, "data.lowResolution", "must be at least 2");
            require(resize == null || resize >= 1, "data.resize", "must be positive");
            require(normalization == null || Datasets.NORMALIZATIONS.contains(normalization), "data.normalization",
                    "must be one of " + Datasets.NORMALIZATIONS);
        }
    }

    /**
     * The network. {@code small-resnet} is trained by bnfreeze itself ({@code pretraining});
     * {@code resnet50} is DL4J's zoo ResNet50 with {@code weights} {@code imagenet} (or
     * {@code random}, for tests). {@code batchNorm} sets every BatchNormalization layer's momentum
     * and epsilon (Keras's defaults where the study relied on them).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NetworkSpec(String architecture, List<Integer> stages, Integer blocksPerStage,
                              BatchNormSpec batchNorm, PretrainingSpec pretraining, String weights) {
        public NetworkSpec {
            require(Networks.ARCHITECTURES.contains(architecture), "network.architecture",
                    "must be one of " + Networks.ARCHITECTURES);
            if ("small-resnet".equals(architecture)) {
                require(stages != null && !stages.isEmpty() && stages.stream().allMatch(w -> w > 0),
                        "network.stages", "a list of positive stage widths is required");
                require(blocksPerStage != null && blocksPerStage > 0, "network.blocksPerStage", "must be positive");
                require(batchNorm != null, "network.batchNorm", "is required");
                require(pretraining != null, "network.pretraining", "is required for small-resnet");
                stages = List.copyOf(stages);
            }
            if ("resnet50".equals(architecture)) {
                require(Networks.RESNET50_WEIGHTS.contains(weights), "network.weights",
                        "must be one of " + Networks.RESNET50_WEIGHTS);
                require(pretraining == null, "network.pretraining", "applies to small-resnet only");
            }
        }
    }

    /** Keras names: {@code momentum} is DL4J's decay. */
    public record BatchNormSpec(double momentum, double epsilon) {
        public BatchNormSpec {
            require(momentum > 0 && momentum < 1, "network.batchNorm.momentum", "must be in (0, 1)");
            require(epsilon > 0, "network.batchNorm.epsilon", "must be positive");
        }
    }

    /**
     * How bnfreeze trains the base network before the experiment (cached by its configuration).
     *
     * @param imagesPerClass only the first N training images of each class (all when absent): for quick trials
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PretrainingSpec(List<Integer> excludeClasses, Integer imagesPerClass, int epochs, int batchSize,
                                  OptimizerSpec optimizer, long seed) {
        public PretrainingSpec {
            require(imagesPerClass == null || imagesPerClass > 0, "network.pretraining.imagesPerClass", "must be positive");
            require(excludeClasses != null, "network.pretraining.excludeClasses", "is required (may be empty)");
            excludeClasses = List.copyOf(excludeClasses);
            require(epochs > 0, "network.pretraining.epochs", "must be positive");
            require(batchSize > 0, "network.pretraining.batchSize", "must be positive");
            require(optimizer != null, "network.pretraining.optimizer", "is required");
        }
    }

    /**
     * One training phase.
     *
     * @param freezeThrough the last frozen layer: it and everything it depends on are frozen
     */
    public record PhaseSpec(String name, int epochs, int batchSize, OptimizerSpec optimizer, String freezeThrough) {
        public PhaseSpec {
            require(name != null && name.matches("[a-z0-9][a-z0-9-]*"), "phases.name", "lower-case letters, digits and dashes");
            require(epochs > 0, "phases.epochs", "must be positive");
            require(batchSize > 0, "phases.batchSize", "must be positive");
            require(optimizer != null, "phases.optimizer", "is required");
        }
    }

    /** The final evaluation, after save and reload. */
    public record EvaluationSpec(List<String> learningPhases, int batchSize) {
        public EvaluationSpec {
            require(learningPhases != null && !learningPhases.isEmpty(), "evaluation.learningPhases", "is required");
            for (String phase : learningPhases) {
                require(List.of("dynamic", "static0", "static1").contains(phase), "evaluation.learningPhases",
                        "unknown learning phase " + phase + " (dynamic, static0, static1)");
            }
            learningPhases = List.copyOf(learningPhases);
            require(batchSize > 0, "evaluation.batchSize", "must be positive");
        }
    }

    static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw new InvalidDefinitionException(field, message);
        }
    }
}
