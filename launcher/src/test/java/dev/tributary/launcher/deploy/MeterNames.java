package dev.tributary.launcher.deploy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Prometheus names of the meters the code declares, read by reflection from the public {@code String}
 * constants of the metric catalogues, so that a renamed meter fails the manifests that still use the old name.
 *
 * <p>Micrometer's Prometheus naming turns dots into underscores and appends the base unit and the type's suffix:
 * a counter {@code a.b} is {@code a_b_total}; a timer is {@code a_b_seconds_bucket}, {@code _count}, {@code _sum}
 * and {@code _max}; a gauge with a base unit is {@code a_b_seconds} or {@code a_b_bytes}. The catalogue constants do
 * not carry the meter type, so every suffix that some type produces is accepted.
 */
final class MeterNames {

    static final List<String> CATALOGUES = List.of(
            "dev.tributary.dispatcher.metrics.DispatcherMetrics",
            "dev.tributary.ingest.metrics.IngestMetrics",
            "dev.tributary.ingest.cron.CronMetrics");

    /** Labels that Prometheus, Kubernetes service discovery or our scrape configurations add. */
    static final Set<String> SCRAPE_LABELS = Set.of("le", "job", "instance", "namespace", "pod", "component");

    private static final Pattern NAME = Pattern.compile("\\btributary_[a-z0-9_]*[a-z0-9]\\b");
    private static final List<String> UNITS = List.of("", "_seconds", "_bytes");
    private static final List<String> TYPE_SUFFIXES = List.of("", "_total", "_bucket", "_count", "_sum", "_max");

    private final Set<String> meters = new TreeSet<>();
    private final Set<String> labels = new TreeSet<>(SCRAPE_LABELS);
    private final Set<String> series = new TreeSet<>();

    private MeterNames() {
    }

    static MeterNames fromCatalogues() throws ReflectiveOperationException {
        MeterNames names = new MeterNames();
        for (String catalogue : CATALOGUES) {
            for (Field field : Class.forName(catalogue).getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isPublic(modifiers) || !Modifier.isStatic(modifiers) || !Modifier.isFinal(modifiers)
                        || field.getType() != String.class) {
                    continue;
                }
                String value = (String) field.get(null);
                if (value.startsWith("tributary.")) {
                    names.meters.add(value);
                } else if (field.getName().startsWith("TAG_")) {
                    names.labels.add(prometheusName(value));
                }
            }
        }
        for (String meter : names.meters) {
            String base = prometheusName(meter);
            for (String unit : UNITS) {
                // Micrometer does not repeat a unit the name already ends with (in_flight.bytes + bytes).
                String withUnit = base.endsWith(unit) ? base : base + unit;
                for (String suffix : TYPE_SUFFIXES) {
                    names.series.add(withUnit + suffix);
                }
            }
        }
        return names;
    }

    /** Micrometer's dotted name as Prometheus spells it, before unit and type suffixes. */
    static String prometheusName(String dotted) {
        return dotted.replace('.', '_').replace('-', '_');
    }

    /** Every {@code tributary_*} name in {@code text}. */
    static Set<String> usedIn(String text) {
        Set<String> used = new TreeSet<>();
        Matcher matcher = NAME.matcher(text);
        while (matcher.find()) {
            used.add(matcher.group());
        }
        return used;
    }

    boolean isSeries(String name) {
        return series.contains(name);
    }

    boolean isLabel(String name) {
        return labels.contains(name);
    }

    Set<String> meters() {
        return meters;
    }

    Set<String> labels() {
        return labels;
    }
}
