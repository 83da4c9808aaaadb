package bnfreeze.results;

import bnfreeze.train.EpochRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Epoch-by-epoch tables of one experiment. */
public final class EpochTables {

    private EpochTables() {}

    /** One row per run, phase and epoch. */
    public static Table long_(String experiment, List<RunRecord> runs) {
        Table table = Table.create(experiment + " epochs",
                StringColumn.create("policy"), StringColumn.create("backend"), IntColumn.create("seed"),
                StringColumn.create("run"), StringColumn.create("phase"), IntColumn.create("epoch"),
                DoubleColumn.create("loss"), DoubleColumn.create("acc"), DoubleColumn.create("val_loss"),
                DoubleColumn.create("val_acc"), DoubleColumn.create("seconds"));
        for (RunRecord run : sorted(runs)) {
            for (EpochRecord e : run.epochs()) {
                table.stringColumn("policy").append(run.summary().policy());
                table.stringColumn("backend").append(run.summary().backend());
                table.intColumn("seed").append((int) run.summary().seed());
                table.stringColumn("run").append(run.directory().getFileName().toString());
                table.stringColumn("phase").append(e.phase());
                table.intColumn("epoch").append(e.epoch());
                table.doubleColumn("loss").append(e.loss());
                table.doubleColumn("acc").append(e.acc());
                table.doubleColumn("val_loss").append(e.valLoss());
                table.doubleColumn("val_acc").append(e.valAcc());
                table.doubleColumn("seconds").append(e.seconds());
            }
        }
        return table;
    }

    /**
     * Policies side by side: one row per phase and epoch, for each policy the mean training and
     * validation accuracy over its runs (and how many runs).
     */
    public static Table sideBySide(String experiment, List<RunRecord> runs, List<String> policies) {
        Map<String, Map<String, List<EpochRecord>>> byStep = new LinkedHashMap<>();
        for (RunRecord run : sorted(runs)) {
            for (EpochRecord e : run.epochs()) {
                byStep.computeIfAbsent(e.phase() + "\u0000" + String.format("%06d", e.epoch()), k -> new TreeMap<>())
                        .computeIfAbsent(run.summary().policy(), k -> new ArrayList<>()).add(e);
            }
        }
        Table table = Table.create(experiment + " epochs by policy", StringColumn.create("phase"), IntColumn.create("epoch"));
        for (String policy : policies) {
            table.addColumns(IntColumn.create(policy + " runs"), DoubleColumn.create(policy + " acc"),
                    DoubleColumn.create(policy + " val_acc"));
        }
        for (Map.Entry<String, Map<String, List<EpochRecord>>> step : byStep.entrySet()) {
            EpochRecord any = step.getValue().values().iterator().next().get(0);
            table.stringColumn("phase").append(any.phase());
            table.intColumn("epoch").append(any.epoch());
            for (String policy : policies) {
                List<EpochRecord> records = step.getValue().getOrDefault(policy, List.of());
                table.intColumn(policy + " runs").append(records.size());
                table.doubleColumn(policy + " acc").append(mean(records.stream().map(EpochRecord::acc).toList()));
                table.doubleColumn(policy + " val_acc").append(mean(records.stream().map(EpochRecord::valAcc).toList()));
            }
        }
        return table;
    }

    static List<RunRecord> sorted(List<RunRecord> runs) {
        return runs.stream().sorted(Comparator.comparing((RunRecord r) -> r.summary().policy())
                .thenComparing(r -> r.summary().backend())
                .thenComparingLong(r -> r.summary().seed())
                .thenComparing(r -> r.directory().toString())).toList();
    }

    private static double mean(List<Double> values) {
        return values.isEmpty() ? Double.NaN : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
