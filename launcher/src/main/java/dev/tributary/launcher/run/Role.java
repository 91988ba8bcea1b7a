package dev.tributary.launcher.run;

/** What a process runs of its configuration. Each role scales on its own: ingest on requests, dispatchers on lag. */
public enum Role {
    /** The ingest adapters only. */
    INGEST,
    /** The functions only. */
    DISPATCHER,
    /** Both: one process for small deployments and development. */
    ALL;

    boolean runsIngest() {
        return this != DISPATCHER;
    }

    boolean runsFunctions() {
        return this != INGEST;
    }
}
