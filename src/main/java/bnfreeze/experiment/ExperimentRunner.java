package bnfreeze.experiment;

import bnfreeze.bn.FrozenBnPolicies;
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
import bnfreeze.train.EpochLog;
import bnfreeze.train.EpochRecord;
import bnfreeze.train.NumericalFailureException;
import bnfreeze.train.PhasePlan;
import bnfreeze.train.Trainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Runs one experiment definition under one frozen-BN policy: data → base network → head and
 * freezing → training phases → save, reload and learning-phase evaluation → run directory.
 * Everything that can fail on bad input (definition, backend, data) is checked before the run
 * directory is created, so a failed start leaves nothing behind.
 */
public final class ExperimentRunner {

    /** The run directory and what was written into it. */
    public record RunResult(Path directory, RunSummary summary) {}

    public RunResult run(RunOptions options) {
        ExperimentDefinition definition = Definitions.load(options.definitionFile());
        Backends.BackendInfo backend = Backends.activate(options.backend());
        ExperimentData data = ExperimentData.prepare(definition, options.dataDir(), backend.backend() == Backend.CUDA);
        long seed = options.seed().orElse(definition.seed());
        Trainer trainer = new Trainer(options.out(), options.interactive());
        BaseNetworks.Base base = BaseNetworks.of(definition.network(), options, trainer);

        ZonedDateTime started = ZonedDateTime.now();
        Path directory = RunDirectory.create(options.resultsRoot(), definition.name(), options.policy().id(), seed, started);
        options.out().println("Run " + definition.name() + " under the " + options.policy().id() + " policy, seed "
                + seed + " -> " + directory);
        Provenance provenance = provenance(options, definition, backend, data, base, seed);
        writeResolvedConfiguration(directory, definition, options, seed);
        EpochLog log = new EpochLog(directory.resolve(EpochLog.FILE_NAME));
        try {
            ComputationGraph net = Heads.replaceHead(base.network(), base.inputType(), base.baseOutput(), base.pooling(),
                    data.train().numClasses(), seed);
            for (PhaseSpec phase : definition.phases()) {
                net = Heads.withUpdater(net, phase.optimizer().toUpdater());
                net = FrozenBnPolicies.freeze(net, phase.freezeThrough(), options.policy());
                trainer.train(net, data.train(), new PhasePlan(phase.name(), phase.epochs(), phase.batchSize(), seed),
                        new LearningPhaseEvaluator(definition.evaluation().batchSize(), seed).validation(data.validation()),
                        (n, record) -> log.append(record));
            }
            Map<String, PhaseMetrics> metrics = evaluateReloaded(net, directory, definition, data, seed, options);
            List<EpochRecord> epochs = log.records();
            RunSummary summary = new RunSummary(definition.name(), options.policy().id(), backend.backend().id(), seed,
                    RunSummary.COMPLETE, started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                    ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), null, metrics,
                    epochs.get(epochs.size() - 1), provenance);
            RunFiles.writeSummary(directory, summary);
            return new RunResult(directory, summary);
        } catch (NumericalFailureException e) {
            RunFiles.writeSummary(directory, new RunSummary(definition.name(), options.policy().id(),
                    backend.backend().id(), seed, RunSummary.FAILED,
                    started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                    ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), e.getMessage(), null,
                    null, provenance));
            throw e;
        }
    }

    /** The study's check: save, reload from disk, evaluate the reloaded model in each learning phase. */
    private static Map<String, PhaseMetrics> evaluateReloaded(ComputationGraph net, Path directory,
            ExperimentDefinition definition, ExperimentData data, long seed, RunOptions options) {
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
        LearningPhaseEvaluator evaluator = new LearningPhaseEvaluator(definition.evaluation().batchSize(), seed);
        Map<String, PhaseMetrics> metrics = new LinkedHashMap<>();
        for (String phase : definition.evaluation().learningPhases()) {
            PhaseMetrics m = evaluator.evaluate(reloaded, data.validation(), LearningPhase.valueOf(phase.toUpperCase()));
            metrics.put(phase, m);
            options.out().printf(java.util.Locale.ROOT, "reloaded model, learning phase %-7s: loss %.4f  acc %.4f%s%n",
                    phase, m.loss(), m.acc(), m.auc() == null ? "" : String.format(java.util.Locale.ROOT, "  auc %.4f", m.auc()));
        }
        return metrics;
    }

    private static void writeResolvedConfiguration(Path directory, ExperimentDefinition definition, RunOptions options,
                                                   long seed) {
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put("definition", definition);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("policy", options.policy().id());
        run.put("seed", seed);
        run.put("backend", options.backend().id());
        run.put("data", options.dataDir().map(Path::toString).orElse("default"));
        resolved.put("run", run);
        AtomicFiles.writeString(directory.resolve("config.yaml"), Definitions.toYaml(resolved));
    }

    private static Provenance provenance(RunOptions options, ExperimentDefinition definition,
                                         Backends.BackendInfo backend, ExperimentData data, BaseNetworks.Base base,
                                         long seed) {
        String definitionText;
        try {
            definitionText = Files.readString(options.definitionFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GitState git = GitState.of(Path.of("."));
        String command = "java -jar target/bnfreeze.jar run " + options.definitionFile() + " --bn "
                + options.policy().id() + " --seed " + seed + " --backend " + options.backend().id();
        return new Provenance(command, git.commit(), git.dirty(), options.definitionFile().toString(),
                Checksums.sha256(definitionText.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                System.getProperty("java.version"), backend.libraries(), backend.backend().id(), backend.device(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                backend.threads(), data.checksums(), base.identity());
    }
}
