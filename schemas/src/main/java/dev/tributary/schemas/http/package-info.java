/**
 * What every HTTP side of Tributary shares for the CloudEvents HTTP binding: the percent-encoding of attribute
 * values in headers, and {@code Retry-After}.
 */
package dev.tributary.schemas.http;
