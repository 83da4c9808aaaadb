package bnfreeze.results;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/** Mean, standard deviation and 95 % confidence intervals (Student's t) over repeated runs. */
public final class Statistics {

    private Statistics() {}

    /**
     * @param halfWidth half-width of the 95 % confidence interval of the mean; NaN for fewer than two runs
     */
    public record Estimate(int n, double mean, double sd, double halfWidth) {
        public double low() {
            return mean - halfWidth;
        }

        public double high() {
            return mean + halfWidth;
        }
    }

    public static Estimate of(List<Double> values) {
        SummaryStatistics stats = new SummaryStatistics();
        values.forEach(stats::addValue);
        int n = values.size();
        if (n < 2) {
            return new Estimate(n, n == 1 ? values.get(0) : Double.NaN, Double.NaN, Double.NaN);
        }
        double sd = stats.getStandardDeviation();
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
        return new Estimate(n, stats.getMean(), sd, t * sd / Math.sqrt(n));
    }

    /**
     * The difference of two means with Welch's 95 % interval (unequal variances,
     * Welch–Satterthwaite degrees of freedom).
     */
    public static Estimate difference(List<Double> a, List<Double> b) {
        Estimate ea = of(a);
        Estimate eb = of(b);
        double mean = ea.mean() - eb.mean();
        if (ea.n() < 2 || eb.n() < 2) {
            return new Estimate(Math.min(ea.n(), eb.n()), mean, Double.NaN, Double.NaN);
        }
        double va = ea.sd() * ea.sd() / ea.n();
        double vb = eb.sd() * eb.sd() / eb.n();
        double se = Math.sqrt(va + vb);
        if (se == 0) {
            return new Estimate(Math.min(ea.n(), eb.n()), mean, 0, 0);
        }
        double df = (va + vb) * (va + vb) / (va * va / (ea.n() - 1) + vb * vb / (eb.n() - 1));
        double t = new TDistribution(df).inverseCumulativeProbability(0.975);
        return new Estimate(Math.min(ea.n(), eb.n()), mean, se, t * se);
    }
}
