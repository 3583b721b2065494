package com.etitle.common;

/**
 * The stable error kinds of the API. The {@code type} URI of a problem is {@code /problems/<slug>}; a
 * slug never changes meaning once published, so clients may branch on it.
 */
public enum ProblemType {
    MALFORMED_REQUEST("malformed-request", 400, "The request body is not valid JSON of the expected shape"),
    INVALID_QUERY("invalid-query", 400, "One or more query parameters are invalid"),
    INVALID_PARAMETER("invalid-parameter", 400, "A path parameter or header is empty or holds characters that are not allowed"),
    VALIDATION_FAILED("validation-failed", 422, "One or more fields are invalid"),
    CALENDAR_NO_DATA("calendar-no-data", 422, "The working-day calendar has no data for a date the request reaches"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "The Idempotency-Key was already used with a different request"),
    UNAUTHENTICATED("unauthenticated", 401, "A valid bearer token is required"),
    FORBIDDEN("forbidden", 403, "The token does not allow this operation"),
    NOT_FOUND("not-found", 404, "No such resource"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed on this resource"),
    NOT_ACCEPTABLE("not-acceptable", 406, "No acceptable representation"),
    LENGTH_REQUIRED("length-required", 411, "Send the body with a Content-Length"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported content type"),
    STATUS_CONFLICT("status-conflict", 409, "The certificate's status does not allow this change"),
    BATCH_RUNNING("batch-running", 409, "A request with this Idempotency-Key is still being processed"),
    ALREADY_ISSUED("already-issued", 409, "Certificates were already issued for this qualification document"),
    REISSUE_CONFLICT("reissue-conflict", 409, "The reissue application's state does not allow this"),
    KEY_GENERATION_DISABLED("key-generation-disabled", 409, "This deployment does not generate signing keys; mount the new key version instead"),
    NO_SIGNING_KEY("no-signing-key", 409, "The authority has no usable signing key"),
    KEY_NOT_COMPROMISED("key-not-compromised", 409, "Only what a compromised key version signed is re-signed"),
    PUBLICITY_NOT_OPEN("publicity-not-open", 409, "The publicity period of this notice is not open"),
    ENTRY_WITHDRAWN("entry-withdrawn", 409, "The entry was withdrawn after an upheld objection"),
    OBJECTION_ALREADY_ANSWERED("objection-already-answered", 409, "The objection has already been answered"),
    NOTICE_NOT_FINISHED("notice-not-finished", 409, "The notice has not ended or has unanswered objections"),
    DUPLICATE("duplicate", 409, "A record with this identity already exists"),
    RATE_LIMITED("rate-limited", 429, "Too many requests; retry after the time in Retry-After"),
    COMMITTEE_CODE_TAKEN("committee-code-taken", 409, "The authority already has a committee with this code"),
    PRECONDITION_FAILED("precondition-failed", 412, "The resource changed since the ETag in If-Match was read"),
    GRANT_LIMIT("grant-limit", 409, "The certificate has as many active verification grants as allowed"),
    DOCUMENT_SIGNING_UNAVAILABLE("document-signing-unavailable", 503, "The authority's document-signing key is not available on this service"),
    DATABASE_UNAVAILABLE("database-unavailable", 503, "The database cannot be reached or is out of resources; retry after the time in Retry-After"),
    INTERNAL_ERROR("internal-error", 500, "Internal error");

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String uri() {
        return "/problems/" + slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
