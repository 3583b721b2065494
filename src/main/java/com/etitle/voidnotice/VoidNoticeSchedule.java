package com.etitle.voidnotice;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.etitle.authority.Authority;

import io.quarkus.scheduler.Scheduled;

/**
 * Publishes void notices in periodic batches. Every replica looks every {@code check-every}; an
 * authority's queue is published once its oldest declaration has waited one {@code period}. The period
 * is measured from what is in the database, not from when this process started: a timer of a week in
 * memory would restart with every deployment (and never fire if deployments come more often), and each
 * replica would keep its own. Replicas looking at the same moment publish each declaration once (see
 * {@link VoidNoticeService#publish}).
 */
@ApplicationScoped
public class VoidNoticeSchedule {

    private static final Logger LOG = Logger.getLogger(VoidNoticeSchedule.class);
    static final String ACTOR = "void-notice-schedule";

    private final VoidNoticeService notices;
    private final VoidNoticesConfig config;
    private final Clock clock;

    VoidNoticeSchedule(VoidNoticeService notices, VoidNoticesConfig config, Clock clock) {
        this.notices = notices;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "void-notices", every = "${etitle.void-notices.check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        publishDue(clock.instant());
    }

    /** Publishes a notice for every authority whose queue is due at {@code now}; returns how many were published. */
    int publishDue(Instant now) {
        int published = 0;
        for (Authority authority : notices.queuedSince(now.minus(config.period()))) {
            try {
                if (notices.publish(authority, ACTOR).isPresent()) {
                    published++;
                }
            } catch (RuntimeException e) {
                // One authority's failure (its key missing on this replica, say) holds up no other; the next check retries.
                LOG.errorf(e, "Could not publish the void notice of %s", authority.code);
            }
        }
        return published;
    }
}
