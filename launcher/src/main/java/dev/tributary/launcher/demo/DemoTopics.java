package dev.tributary.launcher.demo;

/** The topics of the demo's pipeline that its accounting reads. */
public final class DemoTopics {

    /** Readings as the devices sent them. */
    public static final String RAW = "iot.raw";
    /** Payloads that are not JSON, put aside by the MQTT endpoint. */
    public static final String INVALID = "iot.raw.invalid";
    /** Readings {@code validate-enrich} refused. */
    public static final String DEAD_LETTERS = "iot.raw.validate-enrich.dlt";
    /** Readings {@code validate-enrich} accepted. */
    public static final String TELEMETRY = "iot.telemetry";
    /** The window summaries. */
    public static final String SUMMARIES = "iot.telemetry.1m";
    public static final String ALERTS = "iot.alerts";
    public static final String ALERT_COUNTS = "iot.alerts.1h";
    public static final String REPORTS = "iot.reports";

    private DemoTopics() {
    }
}
