package dev.tributary.launcher.logging;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sends what libraries log through {@code java.util.logging} (the OpenTelemetry SDK and its exporter among them) to
 * SLF4J, so that it comes out as Tributary's own lines do: as JSON under {@code TRIBUTARY_LOG_FORMAT=json}, not as
 * JUL's two-line plain text on stderr.
 */
public final class JavaUtilLogging {

    private JavaUtilLogging() {
    }

    /** Replaces JUL's console handler with the bridge; calling it again changes nothing. */
    public static void routeToSlf4j() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
