package com.etitle.common;

/**
 * The stable error kinds of the API. The {@code type} URI of a problem is {@code /problems/<slug>}; a
 * slug never changes meaning once published, so clients may branch on it; it is the same in every language, while
 * the title follows the caller's {@code Accept-Language}.
 */
public enum ProblemType {
    MALFORMED_REQUEST("malformed-request", 400),
    INVALID_QUERY("invalid-query", 400),
    INVALID_PARAMETER("invalid-parameter", 400),
    VALIDATION_FAILED("validation-failed", 422),
    FACE_NOT_VERIFIABLE("face-not-verifiable", 422),
    CALENDAR_NO_DATA("calendar-no-data", 422),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422),
    UNAUTHENTICATED("unauthenticated", 401),
    FORBIDDEN("forbidden", 403),
    NOT_FOUND("not-found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", 406),
    LENGTH_REQUIRED("length-required", 411),
    PAYLOAD_TOO_LARGE("payload-too-large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415),
    STATUS_CONFLICT("status-conflict", 409),
    BATCH_RUNNING("batch-running", 409),
    ALREADY_ISSUED("already-issued", 409),
    REISSUE_CONFLICT("reissue-conflict", 409),
    KEY_GENERATION_DISABLED("key-generation-disabled", 409),
    NO_SIGNING_KEY("no-signing-key", 409),
    KEY_NOT_COMPROMISED("key-not-compromised", 409),
    PUBLICITY_NOT_OPEN("publicity-not-open", 409),
    ENTRY_WITHDRAWN("entry-withdrawn", 409),
    OBJECTION_ALREADY_ANSWERED("objection-already-answered", 409),
    NOTICE_NOT_FINISHED("notice-not-finished", 409),
    DUPLICATE("duplicate", 409),
    RATE_LIMITED("rate-limited", 429),
    COMMITTEE_CODE_TAKEN("committee-code-taken", 409),
    PRECONDITION_FAILED("precondition-failed", 412),
    GRANT_LIMIT("grant-limit", 409),
    DOCUMENT_SIGNING_UNAVAILABLE("document-signing-unavailable", 503),
    DATABASE_UNAVAILABLE("database-unavailable", 503),
    INTERNAL_ERROR("internal-error", 500);

    private final String slug;
    private final int status;

    ProblemType(String slug, int status) {
        this.slug = slug;
        this.status = status;
    }

    public String slug() {
        return slug;
    }

    public String uri() {
        return "/problems/" + slug;
    }

    public int status() {
        return status;
    }

    /** The title in this language, from the problem texts ({@link ProblemTexts}, {@code title.<slug>}). */
    public String title(java.util.Locale locale) {
        return ProblemTexts.title(this, locale);
    }
}
