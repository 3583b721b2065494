package com.etitle.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a load test knows of its certificates' statuses while its threads change and verify them at once: every change
 * answered 200, with when it was sent and answered and by which replica. A verification's answer is judged afterwards
 * against the changes answered before the verification was sent and those still on their way meanwhile. Changes of one
 * certificate must be made one after another (one thread at a time), as a clerk makes them.
 */
public final class StatusHistory {

    public enum Status {
        VALID, SUSPENDED, REVOKED
    }

    /** A change answered 200: the status it set, the replica that answered, when it was sent and answered (System.nanoTime). */
    public record Change(Status after, int replica, long sent, long answered) {
    }

    /**
     * A verification answered by {@code replica} asked in a way ({@code method}); {@code status} what it said, null for an
     * answer that names no such status.
     */
    public record Verification(String number, String method, int replica, long sent, long answered, Status status) {
    }

    public enum Verdict {
        /** The status set by the last change answered before the verification was sent (VALID if none). */
        EXACT,
        /** The status set by a change that was sent before the verification was answered and answered after it was sent. */
        IN_FLIGHT,
        /**
         * An earlier status: the newer changes were answered by other replicas, and less than the allowed lag before the
         * verification was sent.
         */
        BEHIND,
        /** Anything else, such as VALID for a certificate whose revocation was answered long enough before, or by the same replica. */
        WRONG
    }

    /** A verdict; for BEHIND, how long before the verification was sent the oldest change it did not show had been answered. */
    public record Judgement(Verdict verdict, long behindNanos, boolean validAfterRevocation) {
    }

    private final Map<String, List<Change>> changes = new ConcurrentHashMap<>();

    /** A certificate answered 201: VALID, with no change yet. */
    public void issued(String number) {
        changes.put(number, new ArrayList<>());
    }

    public void changed(String number, Change change) {
        List<Change> list = changes.get(number);
        synchronized (list) {
            list.add(change);
        }
    }

    /** The status the last change answered 200 set. */
    public Status last(String number) {
        List<Change> list = List.copyOf(changes.get(number));
        return list.isEmpty() ? Status.VALID : list.get(list.size() - 1).after();
    }

    public List<Change> changesOf(String number) {
        return List.copyOf(changes.get(number));
    }

    /** Whether, when the verification was sent, another replica had answered a change of its certificate less than the lag before. */
    public boolean recentlyChangedElsewhere(Verification v, long allowedLagNanos) {
        return changesOf(v.number()).stream().anyMatch(c -> c.replica() != v.replica() && c.answered() < v.sent()
                && v.sent() - c.answered() < allowedLagNanos);
    }

    public List<String> numbers() {
        return List.copyOf(changes.keySet());
    }

    /**
     * The replica that answered a change must show it from then on; another replica may lag it by less than
     * {@code allowedLagNanos} (its memory learns of the change by a notification, see docs/design.md).
     */
    public Judgement judge(Verification v, long allowedLagNanos) {
        List<Change> list = List.copyOf(changes.get(v.number()));
        int lastBefore = -1;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).answered() < v.sent()) {
                lastBefore = i;
            }
        }
        Status exact = statusAfter(list, lastBefore);
        if (v.status() == exact) {
            return new Judgement(Verdict.EXACT, 0, false);
        }
        for (Change c : list) {
            if (c.sent() < v.answered() && c.answered() >= v.sent() && c.after() == v.status()) {
                return new Judgement(Verdict.IN_FLIGHT, 0, false);
            }
        }
        // back from the newest change answered before: each may be unseen while it is another replica's and recent
        for (int i = lastBefore; i >= 0; i--) {
            Change c = list.get(i);
            if (c.replica() == v.replica() || v.sent() - c.answered() >= allowedLagNanos) {
                break;
            }
            if (v.status() == statusAfter(list, i - 1)) {
                return new Judgement(Verdict.BEHIND, v.sent() - c.answered(),
                        v.status() == Status.VALID && exact == Status.REVOKED);
            }
        }
        return new Judgement(Verdict.WRONG, 0, v.status() == Status.VALID && exact == Status.REVOKED);
    }

    private static Status statusAfter(List<Change> list, int index) {
        return index < 0 ? Status.VALID : list.get(index).after();
    }
}
