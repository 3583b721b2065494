package com.etitle.common;

import java.util.List;

/** Thrown by services for every failure a caller caused; mapped to problem+json in one place. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.InvalidParam> invalidParams;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<Problem.InvalidParam> invalidParams) {
        super(detail, null, false, false);
        this.type = type;
        this.invalidParams = List.copyOf(invalidParams);
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.InvalidParam> invalidParams() {
        return invalidParams;
    }
}
