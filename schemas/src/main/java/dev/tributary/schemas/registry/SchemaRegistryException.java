package dev.tributary.schemas.registry;

/**
 * A request the schema registry refused or did not answer. It carries the HTTP status, the registry's
 * {@code error_code} and its {@code message}, so callers decide by value rather than by parsing text:
 * {@link #isIncompatible()} for a schema the subject's compatibility level rejects, {@link #isNotFound()} and
 * its refinements for unknown subjects, versions and schemas, {@link #isRetriable()} for failures that may pass.
 *
 * <p>Error codes are those of the Confluent API, which Apicurio, Karapace and Redpanda return as well:
 * 40401 subject not found, 40402 version not found, 40403 schema not found, 409 incompatible schema,
 * 42201 invalid schema, 50001-50003 registry-side failures.
 */
public class SchemaRegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The {@link #status()} of a request that got no HTTP response at all (refused, reset, timed out). */
    public static final int NO_RESPONSE = -1;

    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int INCOMPATIBLE_SCHEMA = 409;
    public static final int INVALID_SCHEMA = 42201;

    private final int status;
    private final int errorCode;
    private final String registryMessage;

    /**
     * @param message         the whole message: the request, what the registry said and what to do
     * @param status          the HTTP status, or {@link #NO_RESPONSE}
     * @param errorCode       the registry's {@code error_code}, the HTTP status when the body had none, or
     *                        {@link #NO_RESPONSE}
     * @param registryMessage the registry's own {@code message}, or the start of a body that was not JSON
     */
    public SchemaRegistryException(String message, int status, int errorCode, String registryMessage,
                                   Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
        this.registryMessage = registryMessage == null ? "" : registryMessage;
    }

    /** The HTTP status of the registry's answer, or {@link #NO_RESPONSE}. */
    public int status() {
        return status;
    }

    /** The registry's {@code error_code}; the HTTP status when the answer carried none. */
    public int errorCode() {
        return errorCode;
    }

    /** The registry's own {@code message}; empty when there was no answer. */
    public String registryMessage() {
        return registryMessage;
    }

    /** The subject's compatibility level rejected the schema (HTTP 409). */
    public boolean isIncompatible() {
        return status == 409;
    }

    /** The subject, the version or the schema does not exist (HTTP 404). */
    public boolean isNotFound() {
        return status == 404;
    }

    /** The subject does not exist (error 40401). */
    public boolean isSubjectNotFound() {
        return isNotFound() && errorCode == SUBJECT_NOT_FOUND;
    }

    /** The subject exists but the version does not (error 40402). */
    public boolean isVersionNotFound() {
        return isNotFound() && errorCode == VERSION_NOT_FOUND;
    }

    /** The schema is not registered: an unknown id, or a schema the subject does not hold (error 40403). */
    public boolean isSchemaNotFound() {
        return isNotFound() && errorCode == SCHEMA_NOT_FOUND;
    }

    /**
     * The registry was unreachable or failed on its side (no answer, or HTTP 5xx) even after the client's
     * retries: the same request may succeed later. Client errors (4xx) never are.
     */
    public boolean isRetriable() {
        return status == NO_RESPONSE || status >= 500;
    }
}
