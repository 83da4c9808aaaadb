package bnfreeze.results;

import java.util.Locale;

/** Fixed number formats, so that regenerated tables are byte-identical. */
final class Formats {

    private Formats() {}

    static String fixed(double value, int decimals) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** {@code mean ± half-width}, or the mean alone for a single run. */
    static String withInterval(Statistics.Estimate e, int decimals) {
        if (Double.isNaN(e.mean())) {
            return "";
        }
        return Double.isNaN(e.halfWidth()) ? fixed(e.mean(), decimals)
                : fixed(e.mean(), decimals) + " ± " + fixed(e.halfWidth(), decimals);
    }
}
