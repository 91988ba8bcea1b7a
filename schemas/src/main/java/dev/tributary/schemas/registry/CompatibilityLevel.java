package dev.tributary.schemas.registry;

/**
 * The rule a registry applies before it accepts a new version of a subject's schema. "Backward" means
 * consumers using the new schema can read data written with the old one, so consumers upgrade first;
 * "forward" means consumers using the old schema can read data written with the new one, so producers
 * upgrade first. Without {@code _TRANSITIVE} the registry compares with the latest version only.
 */
public enum CompatibilityLevel {
    /** Any change is accepted. */
    NONE,
    /** The new schema reads data written with the latest version. Confluent's default. */
    BACKWARD,
    /** The new schema reads data written with every earlier version. */
    BACKWARD_TRANSITIVE,
    /** The latest version reads data written with the new schema. */
    FORWARD,
    /** Every earlier version reads data written with the new schema. */
    FORWARD_TRANSITIVE,
    /** Both {@link #BACKWARD} and {@link #FORWARD}. */
    FULL,
    /** Both {@link #BACKWARD_TRANSITIVE} and {@link #FORWARD_TRANSITIVE}. */
    FULL_TRANSITIVE
}
