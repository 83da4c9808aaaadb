package bnfreeze.experiment;

import bnfreeze.bn.FrozenBnPolicies;
import bnfreeze.bn.FrozenBnPolicy;
import bnfreeze.data.AtomicFiles;
import bnfreeze.data.Checksums;
import bnfreeze.eval.LearningPhase;
import bnfreeze.eval.LearningPhaseEvaluator;
import bnfreeze.eval.PhaseMetrics;
import bnfreeze.experiment.ExperimentDefinition.PhaseSpec;
import bnfreeze.model.Heads;
import bnfreeze.results.Provenance;
import bnfreeze.results.RunFiles;
import bnfreeze.results.RunSummary;
import bnfreeze.train.Checkpoints;
import bnfreeze.train.EpochLog;
import bnfreeze.train.EpochRecord;
import bnfreeze.train.NumericalFailureException;
import bnfreeze.train.PhasePlan;
import bnfreeze.train.Trainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Runs one experiment definition under one frozen-BN policy: data → base network → head and
 * freezing → training phases (a checkpoint after every epoch) → save, reload and learning-phase
 * evaluation → run directory. Everything that can fail on bad input (definition, backend, data,
 * weights) is checked before the run directory is created, so a failed start leaves nothing
 * behind. An interrupted run continues from its last checkpoint with {@link #resume}.
 */
public final class ExperimentRunner {

    /** The run directory and what was written into it. */
    public record RunResult(Path directory, RunSummary summary) {}

    /** What a run needs before it starts; building it checks every input. */
    private record Prepared(ExperimentDefinition definition, RunOptions options, long seed,
                            Backends.BackendInfo backend, ExperimentData data, BaseNetworks.Base base, Trainer trainer) {}

    /** A new run of {@code options.definitionFile()}. */
    public RunResult run(RunOptions options) {
        // the backend first: reading a definition builds network configurations, which starts ND4J
        Backends.activate(options.backend());
        ExperimentDefinition definition = Definitions.load(options.definitionFile());
        Prepared prepared = prepare(definition, options);
        ZonedDateTime started = ZonedDateTime.now();
        Path directory = RunDirectory.create(options.resultsRoot(), definition.name(), options.policy().id(),
                prepared.seed(), started);
        options.out().println("Run " + definition.name() + " under the " + options.policy().id() + " policy, seed "
                + prepared.seed() + " -> " + directory);
        new ResolvedConfiguration(definition, new ResolvedConfiguration.Run(options.definitionFile().toString(),
                options.policy().id(), prepared.seed(), options.backend().id(),
                options.dataDir().map(Path::toString).orElse("default"), options.weights().map(Path::toString).orElse(null),
                timestamp(started), prepared.backend().threads(), nativeBuild(prepared))).write(directory);
        return execute(prepared, directory, started, Optional.empty());
    }

    /**
     * Continues the interrupted run in {@code directory} from its last checkpoint (or from the
     * start, if it died before finishing an epoch), with the definition and settings it started
     * with; {@code options} gives only the output stream and where caches are.
     */
    public RunResult resume(Path directory, RunOptions options) {
        if (Files.exists(directory.resolve(RunSummary.FILE_NAME))) {
            throw new IllegalArgumentException(directory + ": this run has finished (it has a " + RunSummary.FILE_NAME
                    + "); nothing to resume");
        }
        Backends.activate(Backends.built());
        ResolvedConfiguration config = ResolvedConfiguration.read(directory);
        ResolvedConfiguration.Run run = config.run();
        RunOptions original = new RunOptions(Path.of(run.definitionFile()), FrozenBnPolicy.fromId(run.policy()),
                Optional.of(run.seed()), "default".equals(run.data()) ? Optional.empty() : Optional.of(Path.of(run.data())),
                Optional.ofNullable(run.weights()).map(Path::of), Backend.fromId(run.backend()), options.resultsRoot(),
                options.cacheRoot(), options.out(), options.interactive());
        Prepared prepared = prepare(config.definition(), original);
        if (!java.util.Objects.equals(run.threads(), prepared.backend().threads())
                || !java.util.Objects.equals(run.nativeBuild(), nativeBuild(prepared))) {
            options.out().println("warning: the run started with " + run.threads() + " threads on " + run.nativeBuild()
                    + " and resumes with " + prepared.backend().threads() + " on " + nativeBuild(prepared)
                    + "; its numbers may differ from an uninterrupted run's");
        }
        Optional<Checkpoints.Checkpoint> checkpoint = Checkpoints.latest(directory);
        options.out().println("Resume " + directory + checkpoint.map(c -> " after phase " + (c.phaseIndex() + 1)
                + ", epoch " + c.epoch()).orElse(" from the start (no epoch had finished)"));
        return execute(prepared, directory, ZonedDateTime.parse(run.startedAt()), checkpoint);
    }

    private static Prepared prepare(ExperimentDefinition definition, RunOptions options) {
        Backends.BackendInfo backend = Backends.activate(options.backend());
        ExperimentData data = ExperimentData.prepare(definition, options.dataDir(), backend.backend() == Backend.CUDA);
        long seed = options.seed().orElse(definition.seed());
        Trainer trainer = new Trainer(options.out(), options.interactive());
        BaseNetworks.Base base = BaseNetworks.of(definition.network(), options, trainer);
        return new Prepared(definition, options, seed, backend, data, base, trainer);
    }

    private RunResult execute(Prepared p, Path directory, ZonedDateTime started, Optional<Checkpoints.Checkpoint> checkpoint) {
        ExperimentDefinition definition = p.definition();
        Provenance provenance = provenance(p, checkpoint);
        EpochLog log = new EpochLog(directory, checkpoint.map(Checkpoints.Checkpoint::log).orElse(List.of()));
        CheckpointSchedule schedule = new CheckpointSchedule();
        try {
            ComputationGraph net = checkpoint.map(Checkpoints.Checkpoint::network)
                    .orElseGet(() -> Heads.replaceHead(p.base().network(), p.base().inputType(), p.base().baseOutput(),
                            p.base().pooling(), p.data().train().numClasses(), p.seed()));
            for (int i = checkpoint.map(Checkpoints.Checkpoint::phaseIndex).orElse(0); i < definition.phases().size(); i++) {
                PhaseSpec phase = definition.phases().get(i);
                int index = i;
                int firstEpoch = checkpoint.filter(c -> c.phaseIndex() == index).map(c -> c.epoch() + 1).orElse(1);
                if (firstEpoch > phase.epochs()) {
                    continue; // the checkpoint closed this phase
                }
                if (firstEpoch == 1) {
                    // a new phase: Keras recompiles, with a new optimizer and the phase's freezing point
                    net = Heads.withUpdater(net, phase.optimizer().toUpdater());
                    net = FrozenBnPolicies.freeze(net, phase.freezeThrough(), p.options().policy());
                }
                p.trainer().train(net, p.data().train(), new PhasePlan(phase.name(), phase.epochs(), phase.batchSize(), p.seed()),
                        new LearningPhaseEvaluator(definition.evaluation().batchSize(), p.seed()).validation(p.data().validation()),
                        (n, record) -> {
                            List<EpochRecord> upToNow = new java.util.ArrayList<>(log.records());
                            upToNow.add(record);
                            if (schedule.due(record.epoch() == phase.epochs())) {
                                long start = System.nanoTime();
                                Checkpoints.write(directory, n, index, record.epoch(), upToNow);
                                schedule.written((System.nanoTime() - start) / 1e9);
                            }
                            log.append(record);
                        }, firstEpoch);
            }
            Map<String, PhaseMetrics> metrics = evaluateReloaded(net, directory, p);
            List<EpochRecord> epochs = log.records();
            RunSummary summary = new RunSummary(definition.name(), p.options().policy().id(), p.backend().backend().id(),
                    p.seed(), RunSummary.COMPLETE, timestamp(started), timestamp(ZonedDateTime.now()), null, metrics,
                    epochs.get(epochs.size() - 1), provenance);
            RunFiles.writeSummary(directory, summary);
            Checkpoints.clear(directory);
            return new RunResult(directory, summary);
        } catch (NumericalFailureException e) {
            RunFiles.writeSummary(directory, new RunSummary(definition.name(), p.options().policy().id(),
                    p.backend().backend().id(), p.seed(), RunSummary.FAILED, timestamp(started),
                    timestamp(ZonedDateTime.now()), e.getMessage(), null, null, provenance));
            throw e;
        }
    }

    /** The study's check: save, reload from disk, evaluate the reloaded model in each learning phase. */
    private static Map<String, PhaseMetrics> evaluateReloaded(ComputationGraph net, Path directory, Prepared p) {
        Path model = directory.resolve("model.zip");
        ComputationGraph reloaded;
        try {
            Path temporary = Files.createTempFile(directory, ".model", ".zip.tmp");
            ModelSerializer.writeModel(net, temporary.toFile(), true);
            AtomicFiles.move(temporary, model);
            reloaded = ModelSerializer.restoreComputationGraph(model.toFile(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save and reload the model in " + directory + ": " + e.getMessage(), e);
        }
        LearningPhaseEvaluator evaluator = new LearningPhaseEvaluator(p.definition().evaluation().batchSize(), p.seed());
        Map<String, PhaseMetrics> metrics = new LinkedHashMap<>();
        for (String phase : p.definition().evaluation().learningPhases()) {
            PhaseMetrics m = evaluator.evaluate(reloaded, p.data().validation(), LearningPhase.valueOf(phase.toUpperCase(Locale.ROOT)));
            metrics.put(phase, m);
            p.options().out().printf(Locale.ROOT, "reloaded model, learning phase %-7s: loss %.4f  acc %.4f%s%n",
                    phase, m.loss(), m.acc(), m.auc() == null ? "" : String.format(Locale.ROOT, "  auc %.4f", m.auc()));
        }
        return metrics;
    }

    private static Provenance provenance(Prepared p, Optional<Checkpoints.Checkpoint> checkpoint) {
        RunOptions options = p.options();
        String definitionText = Definitions.toYaml(p.definition());
        GitState git = GitState.of(Path.of("."));
        String command = "java -jar target/bnfreeze.jar run " + options.definitionFile() + " --bn "
                + options.policy().id() + " --seed " + p.seed() + " --backend " + options.backend().id();
        return new Provenance(command, git.commit(), git.dirty(), options.definitionFile().toString(),
                Checksums.sha256(definitionText.getBytes(StandardCharsets.UTF_8)),
                System.getProperty("java.version"), p.backend().libraries(), p.backend().backend().id(),
                p.backend().device(), System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"), p.backend().threads(), p.data().checksums(), p.base().identity(),
                checkpoint.map(c -> c.directory().getFileName().toString()).orElse(null));
    }

    private static String nativeBuild(Prepared p) {
        return p.backend().libraries().get("libnd4j build");
    }

    private static String timestamp(ZonedDateTime time) {
        return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
