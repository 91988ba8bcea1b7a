/**
 * Helpers shared by this module's packages: strict UTF-8 decoding and Jackson error descriptions.
 * Not API: other modules must not use them.
 */
package dev.tributary.schemas.internal;
