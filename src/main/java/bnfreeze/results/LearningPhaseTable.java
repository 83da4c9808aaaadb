package bnfreeze.results;

import bnfreeze.eval.PhaseMetrics;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The side-by-side table of learning-phase accuracies that {@code make demo} prints: one row per run. */
public final class LearningPhaseTable {

    private LearningPhaseTable() {}

    public static Table of(String title, List<RunSummary> runs) {
        StringColumn policy = StringColumn.create("policy");
        DoubleColumn seed = DoubleColumn.create("seed");
        DoubleColumn valAcc = DoubleColumn.create("val_acc (last epoch)");
        DoubleColumn dynamic = DoubleColumn.create("dynamic");
        DoubleColumn static0 = DoubleColumn.create("static0");
        DoubleColumn static1 = DoubleColumn.create("static1");
        DoubleColumn gap = DoubleColumn.create("static1 - static0");
        DoubleColumn auc0 = DoubleColumn.create("static0 AUC");
        for (RunSummary run : runs) {
            policy.append(run.policy());
            seed.append(run.seed());
            valAcc.append(run.lastEpoch().valAcc());
            dynamic.append(acc(run, "dynamic"));
            static0.append(acc(run, "static0"));
            static1.append(acc(run, "static1"));
            gap.append(acc(run, "static1") - acc(run, "static0"));
            PhaseMetrics s0 = run.finalMetrics().get("static0");
            auc0.append(s0 == null || s0.auc() == null ? Double.NaN : s0.auc());
        }
        Table table = Table.create(title, policy, seed, valAcc, dynamic, static0, static1, gap, auc0);
        for (DoubleColumn column : List.of(valAcc, dynamic, static0, static1, gap, auc0)) {
            column.setPrintFormatter(new java.text.DecimalFormat("0.0000"), "n/a");
        }
        seed.setPrintFormatter(new java.text.DecimalFormat("0"), "");
        return table;
    }

    private static double acc(RunSummary run, String phase) {
        PhaseMetrics m = run.finalMetrics().get(phase);
        return m == null ? Double.NaN : m.acc();
    }
}
