package dev.tributary.bench.ingest;

import java.util.Locale;

/** Numbers as the reports print them: fixed formats, and a dash for what was not measured. */
final class Figures {

    static final String NOT_MEASURED = "–";

    private Figures() {
    }

    static String format(double value, String pattern) {
        return Double.isNaN(value) || Double.isInfinite(value) ? NOT_MEASURED
                : String.format(Locale.ROOT, pattern, value);
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Milliseconds: two decimals below 10 ms, one below 100, none above. */
    static String millis(double value) {
        if (Double.isNaN(value)) {
            return NOT_MEASURED;
        }
        return format(value, value < 10 ? "%.2f" : value < 100 ? "%.1f" : "%.0f");
    }

    /** Two decimals, three below 0.1, so that a small ratio keeps two significant digits. */
    static String ratio(double value) {
        return format(value, value < 0.1 ? "%.3f" : "%.2f");
    }
}
