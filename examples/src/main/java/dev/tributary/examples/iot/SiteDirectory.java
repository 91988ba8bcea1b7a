package dev.tributary.examples.iot;

import dev.tributary.sdk.FunctionConfig;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which site a device belongs to, by the start of its id: the {@code sites} setting maps id prefixes to sites
 * ({@code {pump-: plant-berlin, pump-9: lab}}), the longest matching prefix wins, and a device no prefix matches is
 * at {@code defaultSite}. Immutable and thread-safe.
 */
final class SiteDirectory {

    static final String DEFAULT_SITE = "unassigned";

    /** Longest prefix first, so that the first match is the most specific one. */
    private final List<Map.Entry<String, String>> prefixes;
    private final String defaultSite;

    SiteDirectory(Map<String, String> sites, String defaultSite) {
        this.prefixes = sites.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> site) -> site.getKey().length()).reversed())
                .map(site -> Map.entry(site.getKey(), site.getValue()))
                .toList();
        this.defaultSite = defaultSite;
    }

    /**
     * Reads {@code sites} and {@code defaultSite} from a function's settings.
     *
     * @throws IllegalArgumentException naming the setting when {@code sites} is not a mapping of text to text
     */
    static SiteDirectory from(FunctionConfig config) {
        String path = "functions[" + config.functionName() + "].config.sites";
        Object value = config.values().get("sites");
        Map<String, String> sites = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((prefix, site) -> {
                if (prefix == null || prefix.toString().isEmpty() || site == null || site.toString().isBlank()) {
                    throw new IllegalArgumentException(path + ": '" + prefix + "': '" + site + "' needs a non-empty"
                            + " device id prefix and a site name, such as pump-: plant-berlin");
                }
                sites.put(prefix.toString(), site.toString());
            });
        } else if (value != null) {
            throw new IllegalArgumentException(path + ": '" + value + "' is not a mapping of device id prefix to"
                    + " site, such as {pump-: plant-berlin}");
        }
        String defaultSite = config.string("defaultSite").filter(site -> !site.isBlank()).orElse(DEFAULT_SITE);
        return new SiteDirectory(sites, defaultSite);
    }

    /** The site of the device, or the default site. */
    String siteOf(String deviceId) {
        for (Map.Entry<String, String> prefix : prefixes) {
            if (deviceId.startsWith(prefix.getKey())) {
                return prefix.getValue();
            }
        }
        return defaultSite;
    }
}
