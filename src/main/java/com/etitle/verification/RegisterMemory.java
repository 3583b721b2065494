package com.etitle.verification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.etitle.authority.SigningKey;
import com.etitle.certificate.CertificateStatus;
import com.etitle.certificate.Level;
import com.etitle.certificate.LicenceId;
import com.etitle.common.Fields;
import com.etitle.common.Metrics;
import com.etitle.common.RegisterChanged;
import com.etitle.crypto.Verifier;

/**
 * What verification of a signed form needs from the register, held in memory on each replica: every authority,
 * every key version with its status and verifier, the few certificates that are not VALID, and which numbers exist
 * (with the authority, series, level and e-licence identifier a token does not carry). {@link RegisterListener} keeps
 * it exact through the register's change log; it is {@linkplain #view() offered} only while the listener is connected,
 * in step and heard from within {@code etitle.register-memory.max-silence}, and otherwise verification reads the
 * database.
 * A number that is not known here is read from the database once and then kept, so issuance needs no message.
 */
@Singleton
public class RegisterMemory {

    /** An authority as a verification answer names it. */
    record AuthorityFacts(long id, String code, String name) {
    }

    /** A key version as a verification needs it. */
    record KeyFacts(String kid, AuthorityFacts authority, SigningKey.Status status, Verifier verifier) {
    }

    /** What is known of a certificate that its signed token does not carry. */
    record CertificateFacts(AuthorityFacts authority, String series, Level level, String licenceId) {
    }

    /**
     * What a certificate's e-licence identifier is made of besides its number (the serial), with its authority: one per
     * authority, type code and version, so few. Without a type code for a certificate not given its identifier yet.
     */
    private record Issue(long authorityId, String typeCode, String issuerCode, String version) {

        String licenceId(String number) {
            return typeCode == null ? null : new LicenceId(typeCode, issuerCode, number, version).text();
        }
    }

    /** Authorities and keys: few, replaced whole whenever one changes. */
    record Keys(Map<Long, AuthorityFacts> authorities, Map<String, KeyFacts> byKid) {
    }

    private static final Level[] LEVELS = Level.values();

    private final DataSource dataSource;
    private final long maxSilenceNanos;
    private final KnownCertificates known = new KnownCertificates(1 << 16);
    private final Map<String, Integer> seriesIndex = new ConcurrentHashMap<>();
    private final List<String> series = new CopyOnWriteArrayList<>();
    private final Map<Issue, Integer> issueIndex = new ConcurrentHashMap<>();
    private final List<Issue> issues = new CopyOnWriteArrayList<>();

    private volatile Keys keys = new Keys(Map.of(), Map.of());
    private volatile Map<String, CertificateStatus> notValid = new ConcurrentHashMap<>();
    /** True from a complete load until the listener loses its connection or finds a gap. */
    private volatile boolean inStep;
    /** System.nanoTime() of the start of the last round trip that confirmed nothing was missed. */
    private volatile long confirmedAt;
    /** The last version of the register's change log applied. */
    private volatile long applied;

    RegisterMemory(DataSource dataSource,
            @ConfigProperty(name = "etitle.register-memory.max-silence", defaultValue = "PT1S") Duration maxSilence, Metrics metrics) {
        this.dataSource = dataSource;
        this.maxSilenceNanos = maxSilence.toNanos();
        metrics.registerMemoryInStep(this, memory -> memory.view().isPresent() ? 1 : 0);
    }

    /** The memory, when it can be trusted now; empty while it may have missed a change, when the caller reads the database. */
    Optional<RegisterMemory> view() {
        return inStep && System.nanoTime() - confirmedAt < maxSilenceNanos ? Optional.of(this) : Optional.empty();
    }

    KeyFacts key(String kid) {
        return kid == null ? null : keys.byKid().get(kid);
    }

    /** The register's status of a number known to exist. */
    CertificateStatus status(String number) {
        return notValid.getOrDefault(number, CertificateStatus.VALID);
    }

    /** True when {@link #certificate} answers this number from memory, without reading the database. */
    boolean knows(String number) {
        return number.length() > 32 || Fields.hasControlCharacter(number) || complete(known.get(number));
    }

    /**
     * Known, with its e-licence identifier: a certificate read before it had one (at the start that gives the earlier
     * certificates theirs) is read again until it has.
     */
    private boolean complete(int packed) {
        return packed >= 0 && issues.get(KnownCertificates.issueOf(packed)).typeCode() != null;
    }

    /** The certificate of this number, from memory or else (once) from the database; empty when the register has none. */
    Optional<CertificateFacts> certificate(String number) throws SQLException {
        if (number.length() > 32 || Fields.hasControlCharacter(number)) {
            // no certificate has such a number, and PostgreSQL cannot even hold a NUL
            return Optional.empty();
        }
        int packed = known.get(number);
        if (!complete(packed)) {
            packed = readCertificate(number);
            if (packed < 0) {
                return Optional.empty();
            }
        }
        Issue issue = issues.get(KnownCertificates.issueOf(packed));
        AuthorityFacts authority = keys.authorities().get(issue.authorityId());
        if (authority == null) {
            // an authority this replica has not loaded yet; the listener brings it
            return Optional.empty();
        }
        return Optional.of(new CertificateFacts(authority, series.get(KnownCertificates.seriesOf(packed)),
                LEVELS[KnownCertificates.levelOf(packed)], issue.licenceId(number)));
    }

    /** How many numbers are known and the bytes they take, with the entries of certificates not VALID. */
    String footprint() {
        return known.size() + " numbers in " + known.bytes() / 1024 + " KiB; " + notValid.size() + " not VALID";
    }

    private int readCertificate(String number) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT authority_id, licence_id, series, level FROM certificate WHERE number = ?")) {
            s.setString(1, number);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return -1;
                }
                int packed = pack(r.getLong(1), number, r.getString(2), r.getString(3), r.getString(4));
                if (packed >= 0) {
                    known.put(number, packed);
                }
                return packed;
            }
        }
    }

    // --- kept in step by the listener

    /** One certificate of a full load or a database read. */
    int pack(long authorityId, String number, String licenceId, String seriesName, String level) {
        // the identifier's serial is the number; what else it holds is shared by many certificates and kept once
        Issue issue = LicenceId.read(licenceId).filter(l -> l.serial().equals(number))
                .map(l -> new Issue(authorityId, l.typeCode(), l.issuerCode(), l.version()))
                .orElse(new Issue(authorityId, null, null, null));
        return KnownCertificates.pack(indexOf(issue, issueIndex, issues), indexOf(seriesName, seriesIndex, series),
                Level.valueOf(level).ordinal());
    }

    private static <T> int indexOf(T value, Map<T, Integer> index, List<T> values) {
        Integer found = index.get(value);
        if (found == null) {
            synchronized (values) {
                found = index.get(value);
                if (found == null) {
                    values.add(value);
                    found = values.size() - 1;
                    index.put(value, found);
                }
            }
        }
        return found;
    }

    void know(String number, int packed) {
        known.put(number, packed);
    }

    void replaceKeys(Keys loaded) {
        keys = loaded;
    }

    void replaceNotValid(Map<String, CertificateStatus> loaded) {
        notValid = new ConcurrentHashMap<>(loaded);
    }

    void statusChanged(String number, CertificateStatus status) {
        if (status == CertificateStatus.VALID) {
            notValid.remove(number);
        } else {
            notValid.put(number, status);
        }
    }

    void inStep(long version, long confirmedAtNanos) {
        confirmedAt = confirmedAtNanos;
        advancedTo(version);
        inStep = true;
    }

    synchronized void advancedTo(long version) {
        applied = version;
        notifyAll();
    }

    /**
     * A change this replica made is in memory before its caller hears that it is done (an employer told "revoked"
     * who verifies at once sees it revoked): waits until the listener has applied that version. If it has not within
     * the silence allowed, memory is put out of step, so verification reads the database until it is reloaded.
     */
    void awaitChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) RegisterChanged change) {
        long deadline = System.nanoTime() + maxSilenceNanos;
        synchronized (this) {
            long left;
            while (inStep && applied < change.version() && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (applied < change.version()) {
                inStep = false;
            }
        }
    }

    void confirmed(long atNanos) {
        confirmedAt = atNanos;
    }

    void outOfStep() {
        inStep = false;
    }

    boolean isInStep() {
        return inStep;
    }
}
