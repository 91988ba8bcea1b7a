/**
 * The workings of the cron adapter: fire times with the daylight-saving policy
 * ({@link dev.tributary.ingest.cron.internal.FireTimes}), due ticks and misfire policies computed for a given instant
 * ({@link dev.tributary.ingest.cron.internal.CronScheduler}), and the leader loop that owns the Kafka clients
 * ({@link dev.tributary.ingest.cron.internal.LeaderLoop}). Nothing here is API.
 */
package dev.tributary.ingest.cron.internal;
