package bnfreeze.experiment.bench;

import static org.assertj.core.api.Assertions.assertThat;

import bnfreeze.results.PerformanceReport;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchmarkPlanTest {

    private static final List<BenchmarkCase> CASES = BenchmarkPlan.groups().stream().flatMap(List::stream).toList();

    /** Every name a measurement of {@code make bench} can carry. */
    private static Set<String> measuredNames(String implementation) {
        Set<String> names = new HashSet<>();
        if (implementation.equals("PyTorch")) {
            BenchmarkPlan.pytorchCases().forEach(p -> names.add(BenchmarkRunner.pytorchCaseName(p[0], p[1])));
            return names;
        }
        for (BenchmarkCase c : CASES) {
            names.add(c.name());
            if (c.mode().equals("loop")) {
                names.add(BenchmarkWorker.bareTwin(c.name()));
            }
        }
        return names;
    }

    @Test
    void everyRatioOfTheReportNamesMeasuredCases() {
        for (PerformanceReport.Ratio r : PerformanceReport.RATIOS) {
            assertThat(measuredNames(r.numeratorImplementation())).as(r.what()).contains(r.numerator());
            assertThat(measuredNames(r.denominatorImplementation())).as(r.what()).contains(r.denominator());
        }
    }

    @Test
    void caseNamesAreUnique() {
        assertThat(CASES.stream().map(BenchmarkCase::name)).doesNotHaveDuplicates();
    }

    @Test
    void casesThatAlternateShareTheirProcessAndAreTimedStepByStep() {
        for (List<BenchmarkCase> group : BenchmarkPlan.groups()) {
            if (group.size() > 1) {
                BenchmarkCase first = group.get(0);
                assertThat(group).allSatisfy(c -> {
                    assertThat(c.network()).isEqualTo(first.network());
                    assertThat(c.nativeBuild()).isEqualTo(first.nativeBuild());
                    assertThat(c.helpers()).isEqualTo(first.helpers());
                    assertThat(c.mode()).isIn("bare-fit", "inference");
                });
            }
        }
    }
}
