/**
 * What the Tributary runtime shares with the SDK: the dispatcher and stream functions build their events here
 * so both behave alike. Not an API: function code uses {@link dev.tributary.sdk} and
 * {@link dev.tributary.sdk.stream} only, and this package may change in any release.
 */
package dev.tributary.sdk.internal;
