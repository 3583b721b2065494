package com.etitle.verification;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.etitle.authority.PublicIds;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;
import com.etitle.verification.VcApiResult.Problem;
import com.etitle.verification.VcApiResult.ProofResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * The W3C VC API (VCALM) face of {@link VerificationService}: a credential goes through exactly the verification of
 * {@code POST /api/v1/verifications} (same checks, same log entry for the holder, no rate limit), and its answer is
 * told in VCALM's terms. Nothing is checked here; a missing or non-object {@code verifiableCredential} is handed on
 * as it is and fails the service's format check like any other credential that is not one.
 * <p>
 * Error types are the ones the W3C specifications define where one fits: VC Data Model 2.0 §7.2 (malformed value,
 * cryptographic security) and VC Data Integrity §"Processing Errors" (proof verification). A certificate the register
 * holds as not valid has no W3C type (a Bitstring Status List error is about fetching or checking the list, not a set
 * bit), so it gets one of ours, {@code <public url>/problems/certificate-not-valid}. VCALM counts status among the
 * warnings that leave {@code verified} true; here it is an error, because a revoked, suspended or voided title must
 * not read as verified to a client that looks only at {@code verified}, and the register answering it is the
 * issuer's own, never an unreachable list.
 */
@ApplicationScoped
public class VcApiVerifier {

    static final String MALFORMED_VALUE = "https://www.w3.org/TR/vc-data-model#MALFORMED_VALUE_ERROR";
    static final String CRYPTOGRAPHIC_SECURITY = "https://www.w3.org/TR/vc-data-model#CRYPTOGRAPHIC_SECURITY_ERROR";
    static final String PROOF_VERIFICATION = "https://w3id.org/security#PROOF_VERIFICATION_ERROR";
    static final String CERTIFICATE_NOT_VALID_SLUG = "/problems/certificate-not-valid";

    private final VerificationService verifications;
    private final PublicIds ids;

    VcApiVerifier(VerificationService verifications, PublicIds ids) {
        this.verifications = verifications;
        this.ids = ids;
    }

    public VcApiResult verify(VcApiRequest request) {
        if (request == null) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "detail.body.required");
        }
        JsonNode credential = request.verifiableCredential() == null ? NullNode.getInstance() : request.verifiableCredential();
        VcApiOptions options = request.options() == null ? VcApiOptions.NONE : request.options();
        VerificationAnswer answer = verifications.verify(new VerificationRequest(credential, null, null, null, null, null));

        List<String> checks = answer.checks().stream().filter(VerificationAnswer.Check::passed).map(VerificationAnswer.Check::name).toList();
        List<Problem> errors = answer.valid() ? List.of() : List.of(error(answer, credential));
        List<Problem> warnings = List.of();
        List<Problem> all = new ArrayList<>(errors);
        all.addAll(warnings);
        return new VcApiResult(errors.isEmpty(), checks, warnings, errors,
                options.credential() ? credential : null,
                options.problemDetails() ? List.copyOf(all) : null,
                options.results() ? new VcApiResult.Results(proofs(credential, checks.contains(VerificationService.SIGNATURE))) : null);
    }

    private Problem error(VerificationAnswer answer, JsonNode credential) {
        return switch (answer.result()) {
            case MALFORMED -> new Problem(MALFORMED_VALUE, "MALFORMED_VALUE_ERROR", malformed(credential));
            case UNSUPPORTED_ALGORITHM -> new Problem(PROOF_VERIFICATION, "PROOF_VERIFICATION_ERROR",
                    "proof.cryptosuite is not one this service verifies");
            case UNKNOWN_KEY -> new Problem(PROOF_VERIFICATION, "PROOF_VERIFICATION_ERROR",
                    "proof.verificationMethod is not a key this service publishes: the credential was not issued here");
            case KEY_COMPROMISED -> new Problem(PROOF_VERIFICATION, "PROOF_VERIFICATION_ERROR",
                    "The signing key was reported compromised: nothing it signed is trusted any more");
            case BAD_SIGNATURE -> new Problem(CRYPTOGRAPHIC_SECURITY, "CRYPTOGRAPHIC_SECURITY_ERROR",
                    "The proof does not match the credential: it was altered after signing, or its proof is damaged");
            case UNKNOWN_ISSUER -> new Problem(PROOF_VERIFICATION, "PROOF_VERIFICATION_ERROR",
                    "issuer is not the authority that controls the signing key");
            case CERTIFICATE_NOT_VALID -> new Problem(ids.base() + CERTIFICATE_NOT_VALID_SLUG, "CERTIFICATE_NOT_VALID",
                    answer.certificate() == null ? "The issuing authority's register has no certificate of this number"
                            : "The issuing authority's register holds the certificate as " + answer.certificate().status());
            // the credential form never answers NO_MATCH or VALID with valid false; named so a new outcome is not silently lost
            case NO_MATCH, VALID -> new Problem(PROOF_VERIFICATION, "PROOF_VERIFICATION_ERROR", "The credential did not verify");
        };
    }

    private static String malformed(JsonNode credential) {
        if (credential.isNull()) {
            return "verifiableCredential is missing";
        }
        if (!credential.isObject()) {
            return "verifiableCredential is not a JSON object";
        }
        return "verifiableCredential is not secured by one Data Integrity proof (a proof object of type DataIntegrityProof"
                + " for assertionMethod)";
    }

    /** Each proof the credential carries; only a single proof object can have been verified. */
    private static List<ProofResult> proofs(JsonNode credential, boolean signatureVerified) {
        JsonNode proof = credential.path("proof");
        if (proof.isObject()) {
            return List.of(new ProofResult(signatureVerified, proof));
        }
        List<ProofResult> results = new ArrayList<>();
        if (proof.isArray()) {
            proof.forEach(p -> results.add(new ProofResult(false, p)));
        }
        return List.copyOf(results);
    }
}
