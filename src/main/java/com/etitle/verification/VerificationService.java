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
import jakarta.enterprise.context.control.ActivateRequestContext;

import com.etitle.authority.KeyRing;
import com.etitle.authority.PublicIds;
import com.etitle.authority.SigningKey;
import com.etitle.certificate.Certificate;
import com.etitle.certificate.CertificateStatus;
import com.etitle.certificate.Level;
import com.etitle.certificate.LicenceId;
import com.etitle.certificate.ReSigning;
import com.etitle.certificate.RetiredSignature;
import com.etitle.certificate.TitleFacts;
import com.etitle.common.Fields;
import com.etitle.common.Invalid;
import com.etitle.common.Metrics;
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

import io.micrometer.core.instrument.Counter;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Answers "is this certificate genuine and valid?" for a credential, a token, or number + name + code.
 * Checks run in a fixed order and stop at the first failure; the answer lists what was checked.
 * Signed forms are checked against the published keys, and the register is consulted for the status.
 */
@ApplicationScoped
// made at start, so that its series are exported (from zero) before the first request counts
@Startup
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
    private final NonBlockingReads reads;
    /** One counter per method and result, made once: counting an answer is an increment, no look-up. */
    private final Counter[][] answered;
    private volatile String standIn;

    VerificationService(Clock clock, KeyRing keyRing, ObjectMapper mapper, VerificationLog log, PublicIds ids, GuessBrake brake,
            RegisterMemory memory, DataSource dataSource, NonBlockingReads reads, Metrics metrics) {
        this.answered = new Counter[Method.values().length][Outcome.values().length];
        for (Method method : Method.values()) {
            for (Outcome outcome : Outcome.values()) {
                answered[method.ordinal()][outcome.ordinal()] = metrics.verifications(method.name(), outcome.name());
            }
        }
        this.memory = memory;
        this.dataSource = dataSource;
        this.reads = reads;
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

    /**
     * {@code client} is the caller's address, which failed guesses are counted against. May block on the database: call
     * it on a worker thread (it activates a request context there for the register's entities).
     */
    @ActivateRequestContext
    public VerificationAnswer verify(VerificationRequest request, String client) {
        return counted(switch (form(request)) {
            case CREDENTIAL -> credential(request.credential(), true);
            // a QR code's verification link, as scanned, or the bare token of codes printed before the links
            case TOKEN -> token(PublicIds.tokenOf(request.token()), true);
            case GRANT -> grant(request.grant(), client);
            case CODE -> byCode(request, client);
        });
    }

    /**
     * The verification without blocking the calling thread (an event loop), when it can be had so: a signed form
     * answered from memory in step, or number + name + code read through {@link NonBlockingReads}. Empty when it needs
     * what only a blocking read gives (memory out of step, a key or number memory does not hold, a grant): the caller
     * then calls {@link #verify(VerificationRequest, String)} on a worker thread. Bad requests fail at once.
     */
    public Optional<Uni<VerificationAnswer>> verifyWithoutBlocking(VerificationRequest request, String client) {
        if (form(request) == Form.CODE) {
            String known = standIn;
            return reads.enabled() && known != null ? Optional.of(byCodeWithoutBlocking(request, client, known).invoke(this::counted))
                    : Optional.empty();
        }
        // empty: the caller asks verify(), which counts it then
        return verifySignedFromMemory(request).map(answer -> Uni.createFrom().item(answer));
    }

    /**
     * A token's or credential's answer, made in step from memory: empty when it needs the database (memory out of step,
     * a key or number memory does not hold) or the request asks by another form, and then nothing has been checked,
     * logged or counted. Fails at once on a request that is not exactly one form.
     */
    public Optional<VerificationAnswer> verifySignedFromMemory(VerificationRequest request) {
        VerificationAnswer answer = switch (form(request)) {
            case CREDENTIAL -> credential(request.credential(), false);
            case TOKEN -> token(PublicIds.tokenOf(request.token()), false);
            default -> null;
        };
        return Optional.ofNullable(answer).map(this::counted);
    }

    /**
     * Counts an answer given, at the two ways out ({@link #verify} and {@link #verifyWithoutBlocking}): a run may make
     * its answer twice (a compromised key's), and a request refused (429, 422) is not a verification.
     */
    private VerificationAnswer counted(VerificationAnswer answer) {
        answered[answer.method().ordinal()][answer.result().ordinal()].increment();
        return answer;
    }

    private enum Form {
        CREDENTIAL, TOKEN, CODE, GRANT
    }

    private static Form form(VerificationRequest request) {
        if (request == null) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "detail.body.required");
        }
        boolean byCode = request.certificateNumber() != null || request.holderName() != null || request.verificationCode() != null;
        int forms = (request.credential() != null ? 1 : 0) + (request.token() != null ? 1 : 0) + (byCode ? 1 : 0)
                + (request.grant() != null ? 1 : 0);
        if (forms != 1) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "detail.verification.one-form");
        }
        return request.credential() != null ? Form.CREDENTIAL : request.token() != null ? Form.TOKEN : byCode ? Form.CODE : Form.GRANT;
    }

    /** With {@code mayBlock} false: null where the answer needs the database. */
    private VerificationAnswer credential(JsonNode credential, boolean mayBlock) {
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
            if (facts.isPresent() && (mayBlock || memory.knows(facts.get().number()))) {
                return credentialFromMemory(run, credential, proof, inMemory.get(), facts.get());
            }
        }
        if (!mayBlock) {
            return null;
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
        return statusOf(run, new VerificationAnswer.Subject(facts.number(), known.get().licenceId(), facts.holderName(),
                facts.qualificationName(), facts.level() != null ? facts.level() : known.get().level(),
                facts.series() != null ? facts.series() : known.get().series(), facts.specialty(), new VerificationAnswer.Authority(key.authority().code(), key.authority().name()),
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

    /** With {@code mayBlock} false: null where the answer needs the database. */
    private VerificationAnswer token(String token, boolean mayBlock) {
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
            if (facts.isPresent() && (mayBlock || memory.knows(facts.get().number()))) {
                return tokenFromMemory(run, parsed, c, inMemory.get(), facts.get());
            }
        }
        if (!mayBlock) {
            return null;
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
        CodeAsked asked = CodeAsked.of(request, client, brake);
        Optional<CodeRow> found;
        try {
            found = CodeRow.find(dataSource, asked.number(), standInNumber(), asked.buckets());
        } catch (SQLException e) {
            throw new IllegalStateException("the register could not be read", e);
        }
        Run run = new Run(Method.NUMBER_AND_CODE);
        if (!matches(asked, found)) {
            brake.failed(asked.buckets());
            return run.fail(MATCH, Outcome.NO_MATCH);
        }
        run.pass(MATCH);
        return statusOf(run, found.get().id(), found.get().subject());
    }

    /**
     * The same as {@link #byCode}, its one read through the event loop's client; only a failed guess, which must be
     * counted in the database before it is answered, goes to a worker thread for that.
     */
    private Uni<VerificationAnswer> byCodeWithoutBlocking(VerificationRequest request, String client, String standInNumber) {
        CodeAsked asked = CodeAsked.of(request, client, brake);
        return reads.query(CodeRow.QUERY, CodeRow.tuple(asked.number(), standInNumber, asked.buckets()))
                .map(CodeRow::of)
                .flatMap(found -> {
                    Run run = new Run(Method.NUMBER_AND_CODE);
                    if (!matches(asked, found)) {
                        return Uni.createFrom().item(() -> {
                            brake.failed(asked.buckets());
                            return run.fail(MATCH, Outcome.NO_MATCH);
                        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
                    }
                    run.pass(MATCH);
                    return Uni.createFrom().item(statusOf(run, found.get().id(), found.get().subject()));
                });
    }

    /**
     * A number + name + code request, its parts present and plain text, with the brake buckets a failure counts against.
     * {@code number} is the number to look up: the one sent, or the serial of the e-licence identifier sent in its place
     * ({@code licenceId}, then compared whole with the register's), so that both ways of naming a certificate count
     * against the same brake bucket and read the same row. Anything that is not a well-formed identifier, one character
     * changed for instance, is looked up as the number it claims to be, like any unknown number.
     */
    private record CodeAsked(String number, String licenceId, String name, String code, List<SharedBuckets.Key> buckets) {

        static CodeAsked of(VerificationRequest request, String client, GuessBrake brake) {
            List<Invalid> missing = new ArrayList<>();
            String number = required("certificateNumber", request.certificateNumber(), missing);
            String name = required("holderName", request.holderName(), missing);
            String code = required("verificationCode", request.verificationCode(), missing);
            if (!missing.isEmpty()) {
                throw new ProblemException(ProblemType.VALIDATION_FAILED, missing, "detail.verification.code-fields");
            }
            // identifiers are upper case; one typed in lower case is read as meant, as a verification code is
            Optional<LicenceId> licence = LicenceId.parse(number.toUpperCase(Locale.ROOT));
            String lookedUp = licence.map(LicenceId::serial).orElse(number);
            return new CodeAsked(lookedUp, licence.map(LicenceId::text).orElse(null), name, code, brake.keys(lookedUp, client));
        }
    }

    /**
     * An unknown number, a wrong name and a wrong code do the same work: one query that always reads one row (the
     * certificate or a stand-in) with this number's and this client's brake buckets, the same two comparisons, the
     * same failure counted; only the flag differs. A success costs that one round trip. Throws 429 while braked,
     * before anything is compared, so that then a right code answers exactly like a wrong one.
     */
    private boolean matches(CodeAsked asked, Optional<CodeRow> found) {
        if (found.isPresent()) {
            brake.check(asked.buckets(), found.get().buckets());
        } else {
            brake.check(asked.buckets());
        }
        CodeRow candidate = found.orElse(null);
        boolean known = candidate != null && (asked.licenceId() == null ? candidate.subject().certificateNumber().equals(asked.number())
                : asked.licenceId().equals(candidate.subject().licenceId()));
        String expectedName = candidate == null ? STAND_IN_NAME : candidate.subject().holderName();
        String expectedCode = candidate == null ? STAND_IN_CODE : candidate.verificationCode();
        // names compare as people read them: one typed decomposed (NFD) matches the same name stored composed (NFC)
        boolean nameMatches = constantTimeEquals(Fields.nfc(expectedName), Fields.nfc(asked.name()));
        boolean codeMatches = constantTimeEquals(expectedCode, asked.code().toUpperCase(Locale.ROOT));
        return known & nameMatches & codeMatches;
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
        return statusOf(run, c.id, new VerificationAnswer.Subject(c.number, c.licenceId, t.holderName, t.qualificationName, t.level,
                t.series, t.specialty, new VerificationAnswer.Authority(c.authority.code, c.authority.name), c.qualificationDate, c.status,
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
