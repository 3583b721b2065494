package com.etitle.verification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import com.etitle.authority.KeyRing;
import com.etitle.authority.PublicIds;
import com.etitle.authority.SigningKey;
import com.etitle.certificate.Certificate;
import com.etitle.certificate.CertificateStatus;
import com.etitle.certificate.ReSigning;
import com.etitle.certificate.RetiredSignature;
import com.etitle.certificate.TitleFacts;
import com.etitle.common.BrakeBucket;
import com.etitle.common.Fields;
import com.etitle.common.Problem.InvalidParam;
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
    private volatile String standIn;

    VerificationService(Clock clock, KeyRing keyRing, ObjectMapper mapper, VerificationLog log, PublicIds ids, GuessBrake brake) {
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
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "A JSON body is required");
        }
        boolean byCode = request.certificateNumber() != null || request.holderName() != null || request.verificationCode() != null;
        int forms = (request.credential() != null ? 1 : 0) + (request.token() != null ? 1 : 0) + (byCode ? 1 : 0)
                + (request.grant() != null ? 1 : 0);
        if (forms != 1) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED,
                    "Send exactly one of: credential; token; certificateNumber + holderName + verificationCode; grant");
        }
        if (request.credential() != null) {
            return credential(request.credential());
        }
        if (request.token() != null) {
            return token(request.token());
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
        String number = credential.path("credentialSubject").path("professionalTitle").path("certificateNumber").asText(null);
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
        JsonNode issuer = credential.get("issuer");
        String issuerId = issuer == null ? null : issuer.isTextual() ? issuer.textValue() : issuer.path("id").asText(null);
        if (!ids.authorityCode(issuerId).filter(key.get().authority.code::equals).isPresent()) {
            return run.fail(ISSUER, Outcome.UNKNOWN_ISSUER);
        }
        run.pass(ISSUER);
        return status(run, found.get().certificate());
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
        // tokens name their issuer by its DID; those issued before the DIDs, by the bare authority code
        String iss = claims.get().path("iss").asText(null);
        String authority = key.get().authority.code;
        if (!authority.equals(iss) && !ids.authorityCode(iss).filter(authority::equals).isPresent()) {
            return run.fail(ISSUER, Outcome.UNKNOWN_ISSUER);
        }
        run.pass(ISSUER);
        return status(run, found.get().certificate());
    }

    private VerificationAnswer byCode(VerificationRequest request, String client) {
        List<InvalidParam> missing = new ArrayList<>();
        String number = required("certificateNumber", request.certificateNumber(), missing);
        String name = required("holderName", request.holderName(), missing);
        String code = required("verificationCode", request.verificationCode(), missing);
        if (!missing.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "Number, holder name and verification code are all needed", missing);
        }
        List<SharedBuckets.Key> buckets = brake.keys(number, client);
        Run run = new Run(Method.NUMBER_AND_CODE);
        // An unknown number, a wrong name and a wrong code do the same work: one query that always maps one row (the
        // certificate or a stand-in) with this number's and this client's brake buckets, the same two comparisons, the
        // same failure counted; only the flag differs. A success costs that one round trip, as before the brake.
        Optional<CertificateOrStandIn> found = CertificateOrStandIn.find(number, standInNumber(), buckets);
        // before anything is compared: while braked, a right code answers exactly like a wrong one
        if (found.isPresent()) {
            brake.check(buckets, found.get().buckets());
        } else {
            brake.check(buckets);
        }
        Certificate candidate = found.map(CertificateOrStandIn::certificate).orElse(null);
        boolean known = candidate != null && candidate.number.equals(number);
        String expectedName = candidate == null ? STAND_IN_NAME : candidate.title.holderName;
        String expectedCode = candidate == null ? STAND_IN_CODE : candidate.verificationCode;
        // names compare as people read them: one typed decomposed (NFD) matches the same name stored composed (NFC)
        boolean nameMatches = constantTimeEquals(Fields.nfc(expectedName), Fields.nfc(name));
        boolean codeMatches = constantTimeEquals(expectedCode, code.toUpperCase(Locale.ROOT));
        if (!(known & nameMatches & codeMatches)) {
            brake.failed(buckets);
            return run.fail(MATCH, Outcome.NO_MATCH);
        }
        run.pass(MATCH);
        return statusOf(run, candidate);
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
            known = Certificate.getEntityManager().createQuery("select c.number from Certificate c order by c.id", String.class)
                    .setMaxResults(1).getResultStream().findFirst().orElse("");
            if (!known.isEmpty()) {
                standIn = known;
            }
        }
        return known;
    }

    /**
     * The certificate of a number, with its authority; for an unknown number another certificate (the first issued)
     * stands in, so the database reads and the mapping are the same whatever the number. The caller must check the
     * number before trusting anything.
     */
    private record CertificateOrStandIn(Certificate certificate, List<BrakeBucket> buckets) {

        static Optional<CertificateOrStandIn> find(String number, String standIn, List<SharedBuckets.Key> buckets) {
            // both numbers through the one unique index, so the plan is the same whether the number exists or not
            List<Object[]> rows = Certificate.getEntityManager().createQuery(
                    "select c, b1, b2 from Certificate c join fetch c.authority"
                            + " left join BrakeBucket b1 on b1.key = :first left join BrakeBucket b2 on b2.key = :second"
                            + " where c.number in (:number, :standIn)"
                            + " order by case when c.number = :number then 0 else 1 end", Object[].class)
                    .setParameter("number", number.length() > 32 ? "" : number)
                    .setParameter("standIn", standIn)
                    .setParameter("first", buckets.get(0).id())
                    .setParameter("second", buckets.get(1).id())
                    .setMaxResults(1)
                    .getResultList();
            return rows.stream().findFirst().map(r -> new CertificateOrStandIn((Certificate) r[0],
                    Stream.of(r[1], r[2]).filter(Objects::nonNull).map(BrakeBucket.class::cast).toList()));
        }
    }

    /**
     * A holder's grant: an unknown, ended and expired code give the very answer of a wrong code (one query, the
     * same checks listed), so a verifier learns nothing about codes that do not work.
     */
    private VerificationAnswer grant(String code, String client) {
        if (code.isBlank()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "The grant code is empty",
                    List.of(new InvalidParam("grant", "is required")));
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
        run.certificateId = c.id;
        TitleFacts t = c.title;
        run.subject = new VerificationAnswer.Subject(c.number, t.holderName, t.qualificationName, t.level, t.series, t.specialty,
                new VerificationAnswer.Authority(c.authority.code, c.authority.name), c.qualificationDate, c.status,
                c.status == CertificateStatus.VOIDED);
        if (c.status != CertificateStatus.VALID) {
            return run.fail(STATUS, Outcome.CERTIFICATE_NOT_VALID);
        }
        run.pass(STATUS);
        return run.answer(Outcome.VALID);
    }

    private static String required(String field, String value, List<InvalidParam> missing) {
        if (value == null || value.isBlank()) {
            missing.add(new InvalidParam(field, "is required"));
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
            if (certificateId != null) {
                log.record(new VerificationLog.Event(certificateId, now, method, outcome, grant == null ? null : grant.id));
            }
            return new VerificationAnswer(outcome, outcome == Outcome.VALID, method, List.copyOf(checks), subject, shared,
                    newSignatureAvailable, now);
        }
    }
}
