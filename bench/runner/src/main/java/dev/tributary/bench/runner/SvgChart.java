package dev.tributary.bench.runner;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's chart, written as SVG by hand so that it needs neither AWT nor fonts on a headless machine: one
 * bar panel per throughput scenario (records/s, each on its own linear scale, as a 5 ms function and a free one
 * differ by orders of magnitude), and one panel of live-run latencies (p50, p99, p99.9 on a log scale).
 */
final class SvgChart {

    private static final Map<ContenderKind, String> COLORS = Map.of(
            ContenderKind.RAW, "#8c8c8c",
            ContenderKind.TRIBUTARY, "#1f6fb4",
            ContenderKind.PARALLEL_CONSUMER, "#e8812a",
            ContenderKind.SPRING_KAFKA, "#3a9a3a");
    private static final List<String> PERCENTILES = List.of("p50", "p99", "p99.9");
    private static final List<Double> PERCENTILE_OPACITY = List.of(1.0, 0.65, 0.35);

    private static final int PANEL_WIDTH = 260;
    private static final int PANEL_HEIGHT = 250;
    private static final int MARGIN = 20;
    private static final int AXIS = 50;

    private final StringBuilder svg = new StringBuilder();

    private SvgChart() {
    }

    static String render(RunInfo info, Results results) {
        return new SvgChart().draw(info, results);
    }

    private String draw(RunInfo info, Results results) {
        List<Scenario> backlog = results.scenarios().stream().filter(s -> !s.live()).toList();
        List<Scenario> live = results.scenarios().stream().filter(Scenario::live).toList();
        int columns = Math.max(2, backlog.size());
        int width = MARGIN * 2 + columns * PANEL_WIDTH;
        int rows = (backlog.isEmpty() ? 0 : 1) + (live.isEmpty() ? 0 : 1);
        int height = 70 + rows * (PANEL_HEIGHT + 40);
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n", width, height, width, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
        text(MARGIN, 24, "Tributary benchmark " + info.timestamp() + " (" + info.mode() + ", median of "
                + info.repeats() + (info.repeats() == 1 ? " run" : " runs") + ")"
                + (info.machineWasBusy() ? ", provisional: the machine was busy" : ""), "start", 15, "bold");
        legend(MARGIN, 46);
        int y = 70;
        for (int i = 0; i < backlog.size(); i++) {
            throughputPanel(MARGIN + i * PANEL_WIDTH, y, backlog.get(i), results);
        }
        if (!backlog.isEmpty()) {
            y += PANEL_HEIGHT + 40;
        }
        for (Scenario scenario : live) {
            latencyPanel(MARGIN, y, width - 2 * MARGIN, scenario, results);
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private void legend(int x, int y) {
        for (ContenderKind kind : ContenderKind.values()) {
            rect(x, y - 9, 12, 12, COLORS.get(kind), 1.0);
            text(x + 16, y + 1, kind.id(), "start", 11, "normal");
            x += 24 + kind.id().length() * 7;
        }
    }

    private void throughputPanel(int x, int y, Scenario scenario, Results results) {
        List<ContenderSummary> summaries = results.summaries(scenario);
        double ideal = scenario.idealRecordsPerSec();
        double max = summaries.stream().mapToDouble(ContenderSummary::recordsPerSec).filter(v -> !Double.isNaN(v))
                .max().orElse(1);
        if (!Double.isNaN(ideal)) {
            max = Math.max(max, ideal);
        }
        max = niceCeiling(max);
        int plotX = x + AXIS;
        int plotWidth = PANEL_WIDTH - AXIS - 15;
        int plotTop = y + 20;
        int plotHeight = PANEL_HEIGHT - 60;
        int base = plotTop + plotHeight;
        text(x + PANEL_WIDTH / 2, y + 8, scenario.name() + ": records/s", "middle", 12, "bold");
        for (int tick = 0; tick <= 4; tick++) {
            double value = max * tick / 4;
            int ty = base - (int) Math.round(plotHeight * tick / 4.0);
            line(plotX, ty, plotX + plotWidth, ty, "#e4e4e4");
            text(plotX - 4, ty + 4, compact(value), "end", 10, "normal");
        }
        int slot = plotWidth / Math.max(1, summaries.size());
        for (int i = 0; i < summaries.size(); i++) {
            ContenderSummary summary = summaries.get(i);
            double value = summary.recordsPerSec();
            int barX = plotX + i * slot + slot / 6;
            int barWidth = slot * 2 / 3;
            if (!Double.isNaN(value)) {
                int barHeight = (int) Math.round(plotHeight * value / max);
                rect(barX, base - barHeight, barWidth, barHeight, COLORS.get(summary.contender()), 1.0);
                text(barX + barWidth / 2, base - barHeight - 3, compact(value), "middle", 10, "normal");
            } else {
                text(barX + barWidth / 2, base - 3, "failed", "middle", 10, "normal");
            }
            text(barX + barWidth / 2, base + 14, shortName(summary.contender()), "middle", 10, "normal");
        }
        if (!Double.isNaN(ideal)) {
            int iy = base - (int) Math.round(plotHeight * ideal / max);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#c0392b\" "
                    + "stroke-dasharray=\"4 3\"/>%n", plotX, iy, plotX + plotWidth, iy));
            text(plotX + plotWidth, iy + 12, "ideal " + compact(ideal), "end", 10, "normal");
        }
        line(plotX, base, plotX + plotWidth, base, "#333333");
    }

    private void latencyPanel(int x, int y, int width, Scenario scenario, Results results) {
        List<ContenderSummary> summaries = results.summaries(scenario);
        double max = summaries.stream().mapToDouble(ContenderSummary::p999Ms).filter(v -> !Double.isNaN(v))
                .max().orElse(10);
        double top = Math.pow(10, Math.ceil(Math.log10(Math.max(max, 1.0))));
        double bottom = 0.1;
        int plotX = x + AXIS;
        int plotWidth = Math.min(width - AXIS - 15, 160 * Math.max(1, summaries.size()));
        int plotTop = y + 20;
        int plotHeight = PANEL_HEIGHT - 60;
        int base = plotTop + plotHeight;
        text(x, y + 8, scenario.name() + ": latency from produce to completion, ms (log scale), at half of each "
                + "contender's noop rate", "start", 12, "bold");
        for (double tick = bottom; tick <= top * 1.0001; tick *= 10) {
            int ty = base - (int) Math.round(plotHeight * scale(tick, bottom, top));
            line(plotX, ty, plotX + plotWidth, ty, "#e4e4e4");
            text(plotX - 4, ty + 4, logTick(tick), "end", 10, "normal");
        }
        int slot = plotWidth / Math.max(1, summaries.size());
        for (int i = 0; i < summaries.size(); i++) {
            ContenderSummary summary = summaries.get(i);
            double[] values = {summary.p50Ms(), summary.p99Ms(), summary.p999Ms()};
            int groupX = plotX + i * slot + slot / 8;
            int barWidth = slot * 3 / 4 / values.length;
            for (int p = 0; p < values.length; p++) {
                if (Double.isNaN(values[p])) {
                    continue;
                }
                int barHeight = (int) Math.round(plotHeight * scale(Math.max(values[p], bottom), bottom, top));
                int barX = groupX + p * barWidth;
                rect(barX, base - barHeight, barWidth - 2, barHeight, COLORS.get(summary.contender()),
                        PERCENTILE_OPACITY.get(p));
                text(barX + barWidth / 2, base - barHeight - 3, String.format(Locale.ROOT,
                        values[p] < 10 ? "%.1f" : "%.0f", values[p]), "middle", 9, "normal");
                text(barX + barWidth / 2, base + 12, PERCENTILES.get(p), "middle", 9, "normal");
            }
            text(groupX + barWidth * values.length / 2, base + 26, shortName(summary.contender())
                    + String.format(Locale.ROOT, " @ %s/s", compact(summary.targetRate())), "middle", 10, "normal");
        }
        line(plotX, base, plotX + plotWidth, base, "#333333");
    }

    private static double scale(double value, double bottom, double top) {
        return (Math.log10(value) - Math.log10(bottom)) / (Math.log10(top) - Math.log10(bottom));
    }

    /** The first of 1, 2, 2.5, 5 times a power of ten at or above {@code value}: an axis that reads well. */
    static double niceCeiling(double value) {
        if (value <= 0 || Double.isNaN(value)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    static String compact(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (value >= 1_000_000) {
            return String.format(Locale.ROOT, "%.2fM", value / 1_000_000);
        }
        if (value >= 10_000) {
            return String.format(Locale.ROOT, "%.0fk", value / 1_000);
        }
        if (value >= 1_000) {
            return String.format(Locale.ROOT, "%.1fk", value / 1_000);
        }
        return String.format(Locale.ROOT, "%.0f", value);
    }

    private static String logTick(double tick) {
        if (tick < 1) {
            return String.format(Locale.ROOT, "%.1f", tick);
        }
        return tick >= 1_000 ? String.format(Locale.ROOT, "%.0fk", tick / 1_000) : String.format(Locale.ROOT, "%.0f", tick);
    }

    /** Short enough for a bar's width; the legend gives the full names. */
    private static String shortName(ContenderKind kind) {
        return switch (kind) {
            case RAW -> "raw";
            case TRIBUTARY -> "tributary";
            case PARALLEL_CONSUMER -> "parallel";
            case SPRING_KAFKA -> "spring";
        };
    }

    private void rect(int x, int y, int width, int height, String fill, double opacity) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" "
                + "fill-opacity=\"%.2f\"/>%n", x, y, Math.max(0, width), Math.max(0, height), fill, opacity));
    }

    private void line(int x1, int y1, int x2, int y2, String stroke) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\"/>%n",
                x1, y1, x2, y2, stroke));
    }

    private void text(int x, int y, String content, String anchor, int size, String weight) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" font-size=\"%d\" "
                + "font-weight=\"%s\">%s</text>%n", x, y, anchor, size, weight, escape(content)));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
