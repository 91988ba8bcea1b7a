package dev.tributary.launcher.architecture;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The module table of docs/architecture.md: each module and the modules it may depend on. Dependencies point
 * one way, down the table; {@code testkit}, and modules above, may be used in test scope.
 */
enum Modules {
    EMBEDDED("embedded", "dev.tributary.embedded"),
    SCHEMAS("schemas", "dev.tributary.schemas"),
    FUNCTION_SDK("function-sdk", "dev.tributary.sdk", SCHEMAS),
    DISPATCHER("dispatcher", "dev.tributary.dispatcher", FUNCTION_SDK, SCHEMAS),
    INGEST("ingest", "dev.tributary.ingest", SCHEMAS),
    CONNECTORS("connectors", "dev.tributary.connectors", FUNCTION_SDK),
    TESTKIT("testkit", "dev.tributary.testkit", EMBEDDED),
    LAUNCHER("launcher", "dev.tributary.launcher", EMBEDDED, SCHEMAS, FUNCTION_SDK, DISPATCHER, INGEST, CONNECTORS),
    EXAMPLES("examples", "dev.tributary.examples", FUNCTION_SDK, CONNECTORS),
    BENCH("bench", "dev.tributary.bench", EMBEDDED, DISPATCHER, INGEST);

    private final String folder;
    private final String rootPackage;
    private final List<Modules> allowed;

    Modules(String folder, String rootPackage, Modules... allowed) {
        this.folder = folder;
        this.rootPackage = rootPackage;
        this.allowed = List.of(allowed);
    }

    String folder() {
        return folder;
    }

    String artifactId() {
        return "tributary-" + folder;
    }

    String rootPackage() {
        return rootPackage;
    }

    /**
     * Whether this module's tests may use {@code other}: testkit (but not in the module it is built on), or any
     * module above this one in the table, such as a sink's tests running it in the real dispatcher. Test scope
     * never reaches a user's classpath and cannot close a cycle.
     */
    boolean mayTestWith(Modules other) {
        return other == TESTKIT ? this != EMBEDDED : other.ordinal() < ordinal();
    }

    /** The modules this one may declare as compile or runtime dependencies. */
    Set<Modules> directlyAllowed() {
        return Set.copyOf(allowed);
    }

    /** The modules whose classes this one may use: what it may declare and what those bring along. */
    Set<Modules> reachable() {
        Set<Modules> reachable = new LinkedHashSet<>();
        for (Modules module : allowed) {
            reachable.add(module);
            reachable.addAll(module.reachable());
        }
        return reachable;
    }

    static Map<String, Modules> byArtifactId() {
        Map<String, Modules> modules = new java.util.HashMap<>();
        for (Modules module : values()) {
            modules.put(module.artifactId(), module);
        }
        return modules;
    }
}
