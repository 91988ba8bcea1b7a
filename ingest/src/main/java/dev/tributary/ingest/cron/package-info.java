/**
 * The cron ingest adapter: {@link dev.tributary.ingest.cron.CronIngest} fires the ticks of
 * {@link dev.tributary.ingest.cron.CronSchedule}s as CloudEvents on Kafka, exactly one per schedule and fire time
 * with any number of replicas, following each schedule's {@link dev.tributary.ingest.cron.MisfirePolicy} after
 * downtime. {@link dev.tributary.ingest.cron.CronSettings} holds the settings,
 * {@link dev.tributary.ingest.cron.CronMetrics} the meters.
 */
package dev.tributary.ingest.cron;
