package com.etitle.verification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.etitle.authority.KeyRing;
import com.etitle.authority.PublicIds;
import com.etitle.authority.SigningKey;
import com.etitle.certificate.Certificate;
import com.etitle.certificate.CertificateStatus;
import com.etitle.certificate.Level;
import com.etitle.certificate.ReSigning;
import com.etitle.certificate.RetiredSignature;
import com.etitle.certificate.TitleFacts;
import com.etitle.common.BrakeBucket;
import com.etitle.common.Fields;
import com.etitle.common.Invalid;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;
import com.etitle.common.SharedBuckets;
import com.etitle.crypto.CompactJws;
import com.etitle.crypto.DataIntegrity;
import com.etitle.holder.Grants;
import com.etitle.holder.VerificationGrant;
import com.etitle.verification.VerificationAnswer.Check;
import com.etitle.verification.VerificationAnswer.Method;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Answers "is this certificate genuine and valid?" for a credential, a token, or number + name + code.
 * Checks run in a fixed order and stop at the first failure; the answer lists what was checked.
 * Signed forms are checked against the published keys, and the register is consulted for the status.
 */
@ApplicationScoped
public class VerificationService {

    static final String FORMAT = "FORMAT";
    static final String KEY_KNOWN = "KEY_KNOWN";
    static final String KEY_NOT_COMPROMISED = "KEY_NOT_COMPROMISED";
    static final String SIGNATURE = "SIGNATURE";
    static final String ISSUER = "ISSUER";
    static final String STATUS = "CERTIFICATE_STATUS";
    static final String MATCH = "MATCH";

    private final Clock clock;
    private final KeyRing keyRing;
    private final ObjectMapper mapper;
    private final VerificationLog log;
    private final PublicIds ids;
    private final GuessBrake brake;
    private final RegisterMemory memory;
    private final DataSource dataSource;
    private volatile String standIn;

    VerificationService(Clock clock, KeyRing keyRing, ObjectMapper mapper, VerificationLog log, PublicIds ids, GuessBrake brake,
            RegisterMemory memory, DataSource dataSource) {
        this.memory = memory;
        this.dataSource = dataSource;
        this.clock = clock;
        this.keyRing = keyRing;
        this.mapper = mapper;
        this.log = log;
        this.ids = ids;
        this.brake = brake;
    }

    /** A verification whose caller sends only signed forms, which are never braked. */
    public VerificationAnswer verify(VerificationRequest request) {
        return verify(request, "unknown");
    }

    /** {@code client} is the caller's address, which failed guesses are counted against. */
    public VerificationAnswer verify(VerificationRequest request, String client) {
        if (request == null) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "detail.body.required");
        }
        boolean byCode = request.certificateNumber() != null || request.holderName() != null || request.verificationCode() != null;
        int forms = (request.credential() != null ? 1 : 0) + (request.token() != null ? 1 : 0) + (byCode ? 1 : 0)
                + (request.grant() != null ? 1 : 0);
        if (forms != 1) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "detail.verification.one-form");
        }
        if (request.credential() != null) {
            return credential(request.credential());
        }
        if (request.token() != null) {
            // a QR code's verification link, as scanned, or the bare token of codes printed before the links
            return token(PublicIds.tokenOf(request.token()));
        }
        if (request.grant() != null) {
            return grant(request.grant(), client);
        }
        return byCode(request, client);
    }

    private VerificationAnswer credential(JsonNode credential) {
        Run run = new Run(Method.CREDENTIAL);
        DataIntegrity.Reading reading = DataIntegrity.read(credential);
        if (reading.defect().isPresent()) {
            return switch (reading.defect().get()) {
                case NO_PROOF -> run.fail(FORMAT, Outcome.MALFORMED);
                case UNSUPPORTED_CRYPTOSUITE -> run.fail(FORMAT, Outcome.UNSUPPORTED_ALGORITHM);
                // a proof that is there but cannot be read is an altered proof
                default -> run.pass(FORMAT).fail(SIGNATURE, Outcome.BAD_SIGNATURE);
            };
        }
        run.pass(FORMAT);
        DataIntegrity.Proof proof = reading.proof().get();
        Optional<PublicIds.MethodRef> method = ids.parseVerificationMethod(proof.verificationMethod());
        JsonNode title = credential.path("credentialSubject").path("professionalTitle");
        String number = title.path("certificateNumber").asText(null);
        Optional<RegisterMemory.KeyFacts> inMemory = method.flatMap(m -> activeKeyInMemory(m.kid(), m.authorityCode()));
        if (inMemory.isPresent()) {
            Optional<SignedFacts> facts = SignedFacts.of(number, credential.path("credentialSubject").path("name"), title.path("qualificationName"),
                    title.path("level"), title.path("series"), title.path("specialty"), title.path("qualificationDate"));
            if (facts.isPresent()) {
                return credentialFromMemory(run, credential, proof, inMemory.get(), facts.get());
            }
        }
        Optional<KeyAndCertificate> found = method.flatMap(m -> KeyAndCertificate.find(m.kid(), number)
                .filter(f -> f.key().authority.code.equals(m.authorityCode())));
        Optional<SigningKey> key = found.map(KeyAndCertificate::key);
        if (key.isEmpty()) {
            return run.fail(KEY_KNOWN, Outcome.UNKNOWN_KEY);
        }
        if (!checkKey(run, key.get())) {
            run.newSignatureAvailable = retired(found.get(), c -> RetiredSignature.credentialRetired(c.id, key.get().id,
                    ReSigning.credentialDigest(credential)));
            return run.answer();
        }
        if (!proof.verifiedBy(keyRing.verifier(key.get()))) {
            return run.fail(SIGNATURE, Outcome.BAD_SIGNATURE);
        }
        run.pass(SIGNATURE);
        if (!credentialIssuedBy(credential, key.get().authority.code)) {
            return run.fail(ISSUER, Outcome.UNKNOWN_ISSUER);
        }
        run.pass(ISSUER);
        return status(run, found.get().certificate());
    }

    /**
     * The key of a signed form, from memory while memory is in step, and only an ACTIVE key of the authority the form
     * names: anything else (memory out of step, an unknown key id, a compromised key with its re-signing question)
     * is answered from the database as before.
     */
    private Optional<RegisterMemory.KeyFacts> activeKeyInMemory(String kid, String authorityCode) {
        return memory.view().map(m -> m.key(kid))
                .filter(k -> k.status() == SigningKey.Status.ACTIVE && k.authority() != null)
                .filter(k -> authorityCode == null || k.authority().code().equals(authorityCode));
    }

    private VerificationAnswer credentialFromMemory(Run run, JsonNode credential, DataIntegrity.Proof proof, RegisterMemory.KeyFacts key,
            SignedFacts facts) {
        run.pass(KEY_KNOWN).pass(KEY_NOT_COMPROMISED);
        if (!proof.verifiedBy(key.verifier())) {
            return run.fail(SIGNATURE, Outcome.BAD_SIGNATURE);
        }
        run.pass(SIGNATURE);
        if (!credentialIssuedBy(credential, key.authority().code())) {
            return run.fail(ISSUER, Outcome.UNKNOWN_ISSUER);
        }
        run.pass(ISSUER);
        return statusFromMemory(run, key, facts);
    }

    /**
     * The register's word on a certificate whose signed form named it, from memory: it must exist and belong to the
     * signing key's authority, and its status is VALID unless memory holds another. The facts answered are the ones
     * the form carries under our signature, with what a token does not carry (series, level) from memory.
     */
    private VerificationAnswer statusFromMemory(Run run, RegisterMemory.KeyFacts key, SignedFacts facts) {
        Optional<RegisterMemory.CertificateFacts> known;
        try {
            known = memory.certificate(facts.number());
        } catch (SQLException e) {
            throw new IllegalStateException("the register could not be read", e);
        }
        if (known.isEmpty() || known.get().authority().id() != key.authority().id()) {
            return run.fail(STATUS, Outcome.CERTIFICATE_NOT_VALID);
        }
        CertificateStatus status = memory.status(facts.number());
        run.certificateNumber = facts.number();
        return statusOf(run, new VerificationAnswer.Subject(facts.number(), facts.holderName(), facts.qualificationName(),
                facts.level() != null ? facts.level() : known.get().level(), facts.series() != null ? facts.series() : known.get().series(),
                facts.specialty(), new VerificationAnswer.Authority(key.authority().code(), key.authority().name()),
                facts.qualificationDate(), status, status == CertificateStatus.VOIDED));
    }

    /**
     * The certificate's facts as a signed form carries them; empty when one it must carry is missing or unreadable, and
     * the register is asked instead. A token carries neither series nor level (null here), a credential both.
     */
    private record SignedFacts(String number, String holderName, String qualificationName, Level level, String series, String specialty,
            LocalDate qualificationDate) {

        static Optional<SignedFacts> of(String number, JsonNode name, JsonNode qualification, JsonNode level, JsonNode series,
                JsonNode specialty, JsonNode date) {
            if (number == null || !name.isTextual() || !qualification.isTextual() || !specialty.isTextual() || !date.isTextual()
                    || !(level.isMissingNode() || level.isTextual()) || !(series.isMissingNode() || series.isTextual())) {
                return Optional.empty();
            }
            try {
                return Optional.of(new SignedFacts(number, name.textValue(), qualification.textValue(),
                        level.isMissingNode() ? null : Level.valueOf(level.textValue()), series.isMissingNode() ? null : series.textValue(),
                        specialty.textValue(), LocalDate.parse(date.textValue())));
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                return Optional.empty();
            }
        }
    }

    private VerificationAnswer token(String token) {
        Run run = new Run(Method.TOKEN);
        CompactJws.Reading reading = CompactJws.read(token, mapper);
        if (reading.defect().isPresent()) {
            return switch (reading.defect().get()) {
                case UNSUPPORTED_ALGORITHM -> run.fail(FORMAT, Outcome.UNSUPPORTED_ALGORITHM);
                case NO_KEY_ID -> run.pass(FORMAT).fail(KEY_KNOWN, Outcome.UNKNOWN_KEY);
                case MALFORMED -> run.fail(SIGNATURE, Outcome.BAD_SIGNATURE);
            };
        }
        run.pass(FORMAT);
        CompactJws.Parsed parsed = reading.parsed().get();
        // the claims are read before the signature is checked only to find the certificate in the same query as the
        // key; nothing in them is trusted or answered unless the signature holds
        Optional<JsonNode> claims = parsed.claims(mapper);
        String number = claims.map(c -> c.path("sub").asText(null)).orElse(null);
        Optional<RegisterMemory.KeyFacts> inMemory = activeKeyInMemory(parsed.keyId(), null);
        if (inMemory.isPresent() && claims.isPresent()) {
            JsonNode c = claims.get();
            Optional<SignedFacts> facts = SignedFacts.of(number, c.path("name"), c.path("title"), MissingNode.getInstance(),
                    MissingNode.getInstance(), c.path("specialty"), c.path("qdate"));
            if (facts.isPresent()) {
                return tokenFromMemory(run, parsed, c, inMemory.get(), facts.get());
            }
        }
        Optional<KeyAndCertificate> found = KeyAndCertificate.find(parsed.keyId(), number);
        Optional<SigningKey> key = found.map(KeyAndCertificate::key);
        if (key.isEmpty()) {
            return run.fail(KEY_KNOWN, Outcome.UNKNOWN_KEY);
        }
        if (!checkKey(run, key.get())) {
            run.newSignatureAvailable = retired(found.get(), c -> RetiredSignature.tokenRetired(c.id, key.get().id,
                    ReSigning.tokenDigest(token)));
            return run.answer();
        }
        if (!parsed.verifiedBy(keyRing.verifier(key.get()))) {
            return run.fail(SIGNATURE, Outcome.BAD_SIGNATURE);
        }
        if (claims.isEmpty()) {
            return run.fail(SIGNATURE, Outcome.BAD_SIGNATURE);
        }
        run.pass(SIGNATURE);
        if (!tokenIssuedBy(claims.get(), key.get().authority.code)) {
            return run.fail(ISSUER, Outcome.UNKNOWN_ISSUER);
        }
        run.pass(ISSUER);
        return status(run, found.get().certificate());
    }

    /** The credential's issuer (an id, or an object with one) names the authority whose key signed it. */
    private boolean credentialIssuedBy(JsonNode credential, String authorityCode) {
        JsonNode issuer = credential.get("issuer");
        String issuerId = issuer == null ? null : issuer.isTextual() ? issuer.textValue() : issuer.path("id").asText(null);
        return ids.authorityCode(issuerId).filter(authorityCode::equals).isPresent();
    }

    /** Tokens name their issuer by its DID; those issued before the DIDs, by the bare authority code. */
    private boolean tokenIssuedBy(JsonNode claims, String authorityCode) {
        String iss = claims.path("iss").asText(null);
        return authorityCode.equals(iss) || ids.authorityCode(iss).filter(authorityCode::equals).isPresent();
    }

    private VerificationAnswer tokenFromMemory(Run run, CompactJws.Parsed parsed, JsonNode claims, RegisterMemory.KeyFacts key,
            SignedFacts facts) {
        run.pass(KEY_KNOWN).pass(KEY_NOT_COMPROMISED);
        if (!parsed.verifiedBy(key.verifier())) {
            return run.fail(SIGNATURE, Outcome.BAD_SIGNATURE);
        }
        run.pass(SIGNATURE);
        if (!tokenIssuedBy(claims, key.authority().code())) {
            return run.fail(ISSUER, Outcome.UNKNOWN_ISSUER);
        }
        run.pass(ISSUER);
        return statusFromMemory(run, key, facts);
    }

    private VerificationAnswer byCode(VerificationRequest request, String client) {
        List<Invalid> missing = new ArrayList<>();
        String number = required("certificateNumber", request.certificateNumber(), missing);
        String name = required("holderName", request.holderName(), missing);
        String code = required("verificationCode", request.verificationCode(), missing);
        if (!missing.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, missing, "detail.verification.code-fields");
        }
        List<SharedBuckets.Key> buckets = brake.keys(number, client);
        Run run = new Run(Method.NUMBER_AND_CODE);
        // An unknown number, a wrong name and a wrong code do the same work: one query that always reads one row (the
        // certificate or a stand-in) with this number's and this client's brake buckets, the same two comparisons, the
        // same failure counted; only the flag differs. A success costs that one round trip.
        Optional<CodeRow> found;
        try {
            found = CodeRow.find(dataSource, number, standInNumber(), buckets);
        } catch (SQLException e) {
            throw new IllegalStateException("the register could not be read", e);
        }
        // before anything is compared: while braked, a right code answers exactly like a wrong one
        if (found.isPresent()) {
            brake.check(buckets, found.get().buckets());
        } else {
            brake.check(buckets);
        }
        CodeRow candidate = found.orElse(null);
        boolean known = candidate != null && candidate.subject().certificateNumber().equals(number);
        String expectedName = candidate == null ? STAND_IN_NAME : candidate.subject().holderName();
        String expectedCode = candidate == null ? STAND_IN_CODE : candidate.verificationCode();
        // names compare as people read them: one typed decomposed (NFD) matches the same name stored composed (NFC)
        boolean nameMatches = constantTimeEquals(Fields.nfc(expectedName), Fields.nfc(name));
        boolean codeMatches = constantTimeEquals(expectedCode, code.toUpperCase(Locale.ROOT));
        if (!(known & nameMatches & codeMatches)) {
            brake.failed(buckets);
            return run.fail(MATCH, Outcome.NO_MATCH);
        }
        run.pass(MATCH);
        return statusOf(run, candidate.id(), candidate.subject());
    }

    private static final String STAND_IN_NAME = "\u0000".repeat(3);
    private static final String STAND_IN_CODE = "\u0000".repeat(8);

    /**
     * The number of the first certificate issued, which stands in for unknown numbers; read once per replica (a
     * certificate is never deleted), and again while there is none.
     */
    private String standInNumber() {
        String known = standIn;
        if (known == null) {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement s = c.prepareStatement("SELECT number FROM certificate ORDER BY id LIMIT 1");
                    ResultSet r = s.executeQuery()) {
                known = r.next() ? r.getString(1) : "";
            } catch (SQLException e) {
                throw new IllegalStateException("the register could not be read", e);
            }
            if (!known.isEmpty()) {
                standIn = known;
            }
        }
        return known;
    }

    /**
     * The certificate of a number as a verification by code needs it, with the brake buckets it counts against; for an
     * unknown number another certificate (the first issued) stands in, so the database reads the same whatever the
     * number. The caller must check the number before trusting anything. Plain JDBC: one round trip, no entity.
     */
    private record CodeRow(long id, String verificationCode, VerificationAnswer.Subject subject, List<BrakeBucket> buckets) {

        private static final String QUERY = "SELECT c.id, c.number, c.holder_name, c.verification_code, c.status, c.qualification_name,"
                + " c.level, c.series, c.specialty, c.qualification_date, a.code, a.name,"
                + " b1.bucket_key, b1.tokens, b1.refilled_at, b1.full_at, b2.bucket_key, b2.tokens, b2.refilled_at, b2.full_at"
                + " FROM certificate c JOIN authority a ON a.id = c.authority_id"
                + " LEFT JOIN brake_bucket b1 ON b1.bucket_key = ? LEFT JOIN brake_bucket b2 ON b2.bucket_key = ?"
                // both numbers through the one unique index, so the plan is the same whether the number exists or not
                + " WHERE c.number IN (?, ?) ORDER BY c.number = ? DESC LIMIT 1";

        static Optional<CodeRow> find(DataSource dataSource, String number, String standIn, List<SharedBuckets.Key> buckets)
                throws SQLException {
            String looked = number.length() > 32 ? "" : number;
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(QUERY)) {
                s.setString(1, buckets.get(0).id());
                s.setString(2, buckets.get(1).id());
                s.setString(3, looked);
                s.setString(4, standIn);
                s.setString(5, looked);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    CertificateStatus status = CertificateStatus.valueOf(r.getString(5));
                    VerificationAnswer.Subject subject = new VerificationAnswer.Subject(r.getString(2), r.getString(3), r.getString(6),
                            Level.valueOf(r.getString(7)), r.getString(8), r.getString(9),
                            new VerificationAnswer.Authority(r.getString(11), r.getString(12)), r.getObject(10, LocalDate.class), status,
                            status == CertificateStatus.VOIDED);
                    List<BrakeBucket> rows = new ArrayList<>(2);
                    bucket(r, 13).ifPresent(rows::add);
                    bucket(r, 17).ifPresent(rows::add);
                    return Optional.of(new CodeRow(r.getLong(1), r.getString(4), subject, rows));
                }
            }
        }

        private static Optional<BrakeBucket> bucket(ResultSet r, int first) throws SQLException {
            String key = r.getString(first);
            if (key == null) {
                return Optional.empty();
            }
            BrakeBucket b = new BrakeBucket();
            b.key = key;
            b.tokens = r.getDouble(first + 1);
            b.refilledAt = r.getObject(first + 2, java.time.OffsetDateTime.class).toInstant();
            b.fullAt = r.getObject(first + 3, java.time.OffsetDateTime.class).toInstant();
            return Optional.of(b);
        }
    }

    /**
     * A holder's grant: an unknown, ended and expired code give the very answer of a wrong code (one query, the
     * same checks listed), so a verifier learns nothing about codes that do not work.
     */
    private VerificationAnswer grant(String code, String client) {
        if (code.isBlank()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, List.of(Invalid.of("grant", "reason.required")), "detail.verification.grant-empty");
        }
        Run run = new Run(Method.GRANT);
        Optional<VerificationGrant> grant = code.length() > 64 ? Optional.empty()
                : VerificationGrant.activeByCode(Grants.hash(code), clock.instant());
        if (grant.isEmpty()) {
            // only failures are braked, so a holder's working grant always answers; a grant code is 160 random bits,
            // so this brake is against floods, not against a guess that could succeed
            List<SharedBuckets.Key> buckets = brake.keys(client);
            brake.check(buckets);
            brake.failed(buckets);
            return run.fail(MATCH, Outcome.NO_MATCH);
        }
        run.pass(MATCH);
        VerificationGrant g = grant.get();
        run.grant = g;
        return statusOf(run, g.certificate);
    }

    private boolean checkKey(Run run, SigningKey key) {
        run.pass(KEY_KNOWN);
        if (key.status == SigningKey.Status.COMPROMISED) {
            run.fail(KEY_NOT_COMPROMISED, Outcome.KEY_COMPROMISED);
            return false;
        }
        run.pass(KEY_NOT_COMPROMISED);
        return true;
    }

    /**
     * For a form of a compromised key: true when it is exactly a form the service issued (its digest is on record)
     * and the certificate has been re-signed since, so its holder has a newer one; null otherwise, as before. Made-up
     * forms, even signed with the stolen key, do not match a digest, so the flag tells nothing about which numbers exist.
     */
    private static Boolean retired(KeyAndCertificate found, java.util.function.Predicate<Certificate> onRecord) {
        return found.certificate() != null && onRecord.test(found.certificate()) ? Boolean.TRUE : null;
    }

    /** A signed form names a certificate of the signing key's authority; one the register does not know is not valid. */
    private VerificationAnswer status(Run run, Certificate certificate) {
        if (certificate == null) {
            return run.fail(STATUS, Outcome.CERTIFICATE_NOT_VALID);
        }
        return statusOf(run, certificate);
    }

    /**
     * A key version with the certificate of that number issued by the key's authority (null when there is none),
     * in one query: a signed form's verification reads the database once.
     */
    private record KeyAndCertificate(SigningKey key, Certificate certificate) {

        static Optional<KeyAndCertificate> find(String kid, String number) {
            // values decoded from a signed form are the caller's; one PostgreSQL cannot hold (a NUL) or no key id
            // has is unknown, the same answer as any other unknown key or number
            if (kid == null || kid.length() > 64 || Fields.hasControlCharacter(kid)) {
                return Optional.empty();
            }
            if (Fields.hasControlCharacter(number)) {
                number = null;
            }
            List<Object[]> rows = SigningKey.getEntityManager().createQuery(
                    "select k, c from SigningKey k join fetch k.authority a left join Certificate c on c.authority = a and c.number = :number"
                            + " where k.kid = :kid", Object[].class)
                    .setParameter("kid", kid)
                    .setParameter("number", number == null || number.length() > 32 ? "" : number)
                    .setMaxResults(1)
                    .getResultList();
            return rows.stream().findFirst().map(r -> new KeyAndCertificate((SigningKey) r[0], (Certificate) r[1]));
        }
    }

    private VerificationAnswer statusOf(Run run, Certificate c) {
        TitleFacts t = c.title;
        return statusOf(run, c.id, new VerificationAnswer.Subject(c.number, t.holderName, t.qualificationName, t.level, t.series,
                t.specialty, new VerificationAnswer.Authority(c.authority.code, c.authority.name), c.qualificationDate, c.status,
                c.status == CertificateStatus.VOIDED));
    }

    private VerificationAnswer statusOf(Run run, long certificateId, VerificationAnswer.Subject subject) {
        run.certificateId = certificateId;
        return statusOf(run, subject);
    }

    private VerificationAnswer statusOf(Run run, VerificationAnswer.Subject subject) {
        run.subject = subject;
        if (subject.status() != CertificateStatus.VALID) {
            return run.fail(STATUS, Outcome.CERTIFICATE_NOT_VALID);
        }
        run.pass(STATUS);
        return run.answer(Outcome.VALID);
    }

    private static String required(String field, String value, List<Invalid> missing) {
        if (value == null || value.isBlank()) {
            missing.add(Invalid.of(field, "reason.required"));
            return null;
        }
        // the JSON body refuses these before it gets here; a form (the verification page) must be refused just the same
        if (Fields.hasControlCharacter(value)) {
            missing.add(Invalid.of(field, "reason.no-control-characters"));
            return null;
        }
        return value.strip();
    }

    private static boolean constantTimeEquals(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** The checks of one verification as they run. */
    private final class Run {
        final Method method;
        final List<Check> checks = new ArrayList<>();
        Outcome outcome;
        VerificationAnswer.Subject subject;
        Long certificateId;
        /** Instead of the id, when memory answered: the log's writer finds the certificate by its number. */
        String certificateNumber;
        VerificationGrant grant;
        Boolean newSignatureAvailable;

        Run(Method method) {
            this.method = method;
        }

        Run pass(String check) {
            checks.add(new Check(check, true));
            return this;
        }

        VerificationAnswer fail(String check, Outcome outcome) {
            checks.add(new Check(check, false));
            this.outcome = outcome;
            return answer();
        }

        VerificationAnswer answer(Outcome result) {
            this.outcome = result;
            return answer();
        }

        /** The answer; one that names a certificate goes into that certificate's verification log. */
        VerificationAnswer answer() {
            Instant now = clock.instant();
            VerificationAnswer.Grant shared = grant == null ? null
                    : new VerificationAnswer.Grant(grant.verifierName, grant.purpose, grant.expiresAt);
            if (certificateId != null || certificateNumber != null) {
                log.record(new VerificationLog.Event(certificateId, certificateNumber, now, method, outcome, grant == null ? null : grant.id));
            }
            return new VerificationAnswer(outcome, outcome == Outcome.VALID, method, List.copyOf(checks), subject, shared,
                    newSignatureAvailable, now);
        }
    }
}
