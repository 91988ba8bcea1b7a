/** What the ingest adapters share and do not publish: the checks of their settings. */
package dev.tributary.ingest.internal;
