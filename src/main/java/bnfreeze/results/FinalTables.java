package bnfreeze.results;

import bnfreeze.eval.PhaseMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Final accuracies of one experiment per policy and backend, over repeated seeds: mean, standard
 * deviation and 95 % interval of each metric, and the differences between policies with their
 * own intervals.
 */
public final class FinalTables {

    /** Metric name → how to read it from a run. */
    static final Map<String, Function<RunSummary, Double>> METRICS = metrics();

    /** The metrics on which policies are compared. */
    static final List<String> COMPARED = List.of("static0_acc", "static1_minus_static0_acc");

    private FinalTables() {}

    private static Map<String, Function<RunSummary, Double>> metrics() {
        Map<String, Function<RunSummary, Double>> m = new LinkedHashMap<>();
        m.put("val_acc_last_epoch", s -> s.lastEpoch().valAcc());
        for (String phase : List.of("dynamic", "static0", "static1")) {
            m.put(phase + "_acc", s -> metric(s, phase, PhaseMetrics::acc));
            m.put(phase + "_loss", s -> metric(s, phase, PhaseMetrics::loss));
        }
        m.put("static0_auc", s -> metric(s, "static0", PhaseMetrics::auc));
        m.put("static1_auc", s -> metric(s, "static1", PhaseMetrics::auc));
        m.put("static1_minus_static0_acc", s -> {
            Double s1 = metric(s, "static1", PhaseMetrics::acc);
            Double s0 = metric(s, "static0", PhaseMetrics::acc);
            return s1 == null || s0 == null ? null : s1 - s0;
        });
        return m;
    }

    private static Double metric(RunSummary s, String phase, Function<PhaseMetrics, Double> read) {
        PhaseMetrics m = s.finalMetrics().get(phase);
        return m == null ? null : read.apply(m);
    }

    /** Runs grouped by "policy backend", groups in a fixed order. */
    static Map<String, List<RunSummary>> groups(List<RunRecord> runs, List<String> policies) {
        Map<String, List<RunSummary>> byBackend = new TreeMap<>();
        Map<String, List<RunSummary>> groups = new LinkedHashMap<>();
        for (RunRecord r : EpochTables.sorted(runs)) {
            byBackend.computeIfAbsent(r.summary().backend(), k -> new ArrayList<>()).add(r.summary());
        }
        for (String backend : byBackend.keySet()) {
            for (String policy : policies) {
                List<RunSummary> group = byBackend.get(backend).stream().filter(s -> s.policy().equals(policy)).toList();
                if (!group.isEmpty()) {
                    groups.put(policy + " " + backend, group);
                }
            }
        }
        return groups;
    }

    static List<Double> values(List<RunSummary> runs, String metric) {
        return runs.stream().map(METRICS.get(metric)).filter(Objects::nonNull).toList();
    }

    /** Long form, for other tools: one row per group (or policy difference) and metric. */
    public static Table statistics(String experiment, List<RunRecord> runs, List<String> policies) {
        Table table = Table.create(experiment + " final", StringColumn.create("policy"), StringColumn.create("backend"),
                StringColumn.create("metric"), IntColumn.create("n"), DoubleColumn.create("mean"),
                DoubleColumn.create("sd"), DoubleColumn.create("ci95_low"), DoubleColumn.create("ci95_high"));
        Map<String, List<RunSummary>> groups = groups(runs, policies);
        for (Map.Entry<String, List<RunSummary>> group : groups.entrySet()) {
            for (String metric : METRICS.keySet()) {
                List<Double> values = values(group.getValue(), metric);
                if (!values.isEmpty()) {
                    add(table, group.getValue().get(0).policy(), group.getValue().get(0).backend(), metric,
                            Statistics.of(values));
                }
            }
        }
        for (Difference d : differences(runs, policies)) {
            add(table, d.policyA() + " - " + d.policyB(), d.backend(), d.metric(), d.estimate());
        }
        return table;
    }

    /** The difference of a metric between two policies on one backend (sd is the standard error). */
    public record Difference(String policyA, String policyB, String backend, String metric, Statistics.Estimate estimate) {}

    public static List<Difference> differences(List<RunRecord> runs, List<String> policies) {
        Map<String, List<RunSummary>> groups = groups(runs, policies);
        List<Difference> out = new ArrayList<>();
        List<String> backends = groups.values().stream().map(g -> g.get(0).backend()).distinct().toList();
        for (String backend : backends) {
            for (int i = 0; i < policies.size(); i++) {
                for (int j = 0; j < policies.size(); j++) {
                    List<RunSummary> a = groups.get(policies.get(i) + " " + backend);
                    List<RunSummary> b = groups.get(policies.get(j) + " " + backend);
                    if (i == j || a == null || b == null || !isPreferredOrder(policies, i, j)) {
                        continue;
                    }
                    for (String metric : COMPARED) {
                        out.add(new Difference(policies.get(i), policies.get(j), backend, metric,
                                Statistics.difference(values(a, metric), values(b, metric))));
                    }
                }
            }
        }
        return out;
    }

    /** Each unordered pair once: every policy against {@code keras} (the study's baseline), then the rest in list order. */
    private static boolean isPreferredOrder(List<String> policies, int i, int j) {
        int keras = policies.indexOf("keras");
        if (j == keras) {
            return true;
        }
        if (i == keras) {
            return false;
        }
        return i < j;
    }

    private static void add(Table table, String policy, String backend, String metric, Statistics.Estimate e) {
        table.stringColumn("policy").append(policy);
        table.stringColumn("backend").append(backend);
        table.stringColumn("metric").append(metric);
        table.intColumn("n").append(e.n());
        table.doubleColumn("mean").append(e.mean());
        table.doubleColumn("sd").append(e.sd());
        table.doubleColumn("ci95_low").append(e.low());
        table.doubleColumn("ci95_high").append(e.high());
    }
}
