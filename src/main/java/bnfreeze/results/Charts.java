package bnfreeze.results;

import bnfreeze.train.EpochRecord;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG charts of one experiment (PNG so that they show in the README and offline). */
public final class Charts {

    private static final Map<String, Color> POLICY_COLOURS = Map.of(
            "keras", new Color(0xD6, 0x27, 0x28), "patched", new Color(0x1F, 0x77, 0xB4), "legacy", new Color(0x2C, 0xA0, 0x2C));
    private static final Font FONT = new Font("DejaVu Sans", Font.PLAIN, 13);

    private Charts() {}

    /**
     * Training accuracy (dashed) and validation accuracy (solid) per epoch, mean over each
     * policy's runs; epochs of successive phases follow each other.
     */
    public static void accuracyCurves(String experiment, List<RunRecord> runs, List<String> policies, Path png) {
        XYChart chart = new XYChartBuilder().width(800).height(480).title(experiment + ": accuracy per epoch")
                .xAxisTitle("epoch (all phases)").yAxisTitle("accuracy").build();
        style(chart.getStyler());
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        for (String policy : policies) {
            List<List<EpochRecord>> logs = runs.stream().filter(r -> r.summary().policy().equals(policy))
                    .map(RunRecord::epochs).toList();
            if (logs.isEmpty()) {
                continue;
            }
            int epochs = logs.stream().mapToInt(List::size).min().orElse(0);
            List<Double> x = new ArrayList<>();
            List<Double> acc = new ArrayList<>();
            List<Double> valAcc = new ArrayList<>();
            for (int e = 0; e < epochs; e++) {
                final int i = e;
                x.add(e + 1.0);
                acc.add(logs.stream().mapToDouble(l -> l.get(i).acc()).average().orElseThrow());
                valAcc.add(logs.stream().mapToDouble(l -> l.get(i).valAcc()).average().orElseThrow());
            }
            String n = " (" + logs.size() + (logs.size() == 1 ? " run)" : " runs)");
            XYSeries train = chart.addSeries(policy + " acc" + n, x, acc);
            train.setMarkerColor(colour(policy));
            train.setLineColor(colour(policy));
            train.setMarker(SeriesMarkers.NONE);
            train.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            XYSeries val = chart.addSeries(policy + " val_acc" + n, x, valAcc);
            val.setMarkerColor(colour(policy));
            val.setLineColor(colour(policy));
            val.setMarker(SeriesMarkers.CIRCLE);
            val.setLineStyle(new BasicStroke(2f));
        }
        save(chart, png);
    }

    /** Mean accuracy of the reloaded model in each learning phase, per policy, with 95 % intervals. */
    public static void learningPhaseBars(String experiment, List<RunRecord> runs, List<String> policies, Path png) {
        CategoryChart chart = new CategoryChartBuilder().width(800).height(480)
                .title(experiment + ": accuracy of the reloaded model by learning phase")
                .xAxisTitle("learning phase").yAxisTitle("accuracy").build();
        style(chart.getStyler());
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        List<String> phases = List.of("dynamic", "static0", "static1");
        Map<String, List<RunSummary>> groups = new LinkedHashMap<>();
        for (String policy : policies) {
            List<RunSummary> group = runs.stream().map(RunRecord::summary).filter(s -> s.policy().equals(policy)).toList();
            if (!group.isEmpty()) {
                groups.put(policy, group);
            }
        }
        for (Map.Entry<String, List<RunSummary>> group : groups.entrySet()) {
            List<Double> means = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            for (String phase : phases) {
                Statistics.Estimate e = Statistics.of(FinalTables.values(group.getValue(), phase + "_acc"));
                means.add(e.mean());
                errors.add(Double.isNaN(e.halfWidth()) ? 0.0 : e.halfWidth());
            }
            chart.addSeries(group.getKey() + " (" + group.getValue().size() + (group.getValue().size() == 1 ? " run)" : " runs)"), phases, means, errors)
                    .setFillColor(colour(group.getKey()));
        }
        if (!groups.isEmpty()) {
            save(chart, png);
        }
    }

    private static void style(Styler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setChartTitleFont(FONT.deriveFont(Font.BOLD, 14f));
        styler.setLegendFont(FONT);
        styler.setAntiAlias(true);
    }

    private static Color colour(String policy) {
        return POLICY_COLOURS.getOrDefault(policy, Color.DARK_GRAY);
    }

    private static void save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path png) {
        try {
            BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png + ": " + e.getMessage(), e);
        }
    }
}
