package com.etitle.publicity;

import java.time.Instant;

/** Where a notice stands relative to the clock; a notice is public from its start. */
public enum NoticeState {
    /** Not yet published: not listed, not found */
    UPCOMING,
    /** Published; objections accepted */
    OPEN,
    /** Ended; objections refused */
    CLOSED;

    public static NoticeState of(PublicityNotice notice, Instant now) {
        return now.isBefore(notice.startsAt) ? UPCOMING : now.isBefore(notice.endsAt) ? OPEN : CLOSED;
    }
}
