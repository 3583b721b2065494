package com.etitle.common;

import java.util.List;

/**
 * Thrown by services for every failure a caller caused; mapped to problem+json in one place. The detail and the
 * reasons are keys of the problem texts with their arguments ({@link ProblemText}), worded in the caller's language
 * when the answer is written; the exception's message is the English wording, for logs.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final ProblemText detail;
    private final List<Invalid> invalidParams;

    public ProblemException(ProblemType type, String detailKey, Object... args) {
        this(type, List.of(), detailKey, args);
    }

    public ProblemException(ProblemType type, List<Invalid> invalidParams, String detailKey, Object... args) {
        this(type, ProblemText.of(detailKey, args), invalidParams);
    }

    public ProblemException(ProblemType type, ProblemText detail, List<Invalid> invalidParams) {
        super(detail.toString(), null, false, false);
        this.type = type;
        this.detail = detail;
        this.invalidParams = List.copyOf(invalidParams);
    }

    public ProblemType type() {
        return type;
    }

    public ProblemText detail() {
        return detail;
    }

    public List<Invalid> invalidParams() {
        return invalidParams;
    }
}
