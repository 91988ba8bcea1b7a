/**
 * The functions of the IoT example pipeline, declared in {@code examples/iot/tributary.yaml}:
 * <pre>
 * devices/{id}/telemetry (MQTT) ─► iot.raw ─► {@link ValidateEnrich} ─► iot.telemetry
 *   ─► {@link WindowAggregate} ─► iot.telemetry.1m ─► {@link ThresholdAlert} ─► iot.alerts
 *   ─► {@link AlertCount} ─► iot.alerts.1h
 * cron (hourly) ─► iot.ticks ─► {@link AlertReport} ─► iot.reports
 * </pre>
 * Sinks from the connectors deliver the alerts to a webhook and to the devices over MQTT, and archive the window
 * summaries in object storage. {@code examples/iot/README.md} explains the pipeline and how to run it.
 */
package dev.tributary.examples.iot;
