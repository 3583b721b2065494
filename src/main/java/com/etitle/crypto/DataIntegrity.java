package com.etitle.crypto;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * W3C Data Integrity proofs over JCS-canonicalised JSON: {@code eddsa-jcs-2022} (vc-di-eddsa §3.3) and
 * its SM2/SM3 twin. The hash input is H(JCS(proof config)) || H(JCS(document without proof)); the
 * proof value is the signature of that input in multibase base58btc.
 */
public final class DataIntegrity {

    public static final String PROOF_TYPE = "DataIntegrityProof";
    public static final String PURPOSE = "assertionMethod";

    private DataIntegrity() {
    }

    /** Returns a copy of the document with a proof made by the signer. */
    public static ObjectNode addProof(ObjectNode unsecured, Signer signer, String verificationMethod, Instant created) {
        ObjectNode document = unsecured.deepCopy();
        document.remove("proof");
        ProofOptions options = new ProofOptions(signer, verificationMethod, created, document.get("@context"));
        document.set("proof", options.proof(Jcs.canonicalize(document)));
        return document;
    }

    /**
     * The proofs one signer makes for one verification method at one instant. The proof configuration is
     * canonicalised and hashed once, so each document secured with these options costs one hash of its own
     * canonical bytes and one signature: what lets a batch write those bytes itself instead of building a tree.
     */
    public static final class ProofOptions {

        private final Signer signer;
        private final ObjectNode config;
        private final byte[] configHash;

        /** {@code context} is the document's {@code @context}, repeated in the proof; null if it has none. */
        public ProofOptions(Signer signer, String verificationMethod, Instant created, JsonNode context) {
            this.signer = signer;
            config = JsonNodeFactory.instance.objectNode();
            config.put("type", PROOF_TYPE);
            config.put("cryptosuite", signer.algorithm().cryptosuite());
            config.put("created", created.truncatedTo(ChronoUnit.SECONDS).toString());
            config.put("verificationMethod", verificationMethod);
            config.put("proofPurpose", PURPOSE);
            if (context != null) {
                config.set("@context", context.deepCopy());
            }
            configHash = Hashes.forSuite(signer.algorithm(), Jcs.canonicalize(config));
        }

        /** The proof of the document whose JCS bytes (without a proof) these are: the configuration and its proofValue. */
        public ObjectNode proof(byte[] canonicalDocument) {
            byte[] documentHash = Hashes.forSuite(signer.algorithm(), canonicalDocument);
            byte[] signature = signer.sign(concat(configHash, documentHash));
            ObjectNode proof = config.deepCopy();
            proof.put("proofValue", Encodings.multibase(signature));
            return proof;
        }
    }

    /** What a secured document claims about its proof, before any key is looked up. */
    public record Proof(KeyAlgorithm algorithm, String verificationMethod, byte[] signature, byte[] hashData) {

        public boolean verifiedBy(Verifier verifier) {
            return verifier.algorithm() == algorithm && verifier.verify(hashData, signature);
        }
    }

    /** Why a proof could not even be read. */
    public enum Defect {
        NO_PROOF, NOT_A_DATA_INTEGRITY_PROOF, UNSUPPORTED_CRYPTOSUITE, WRONG_PURPOSE, NO_VERIFICATION_METHOD,
        MALFORMED_PROOF_VALUE, CONTEXT_MISMATCH,
        /** Holds what JCS cannot express (a non-finite number, a lone surrogate): it cannot have been signed. */
        NOT_CANONICALISABLE
    }

    public record Reading(Optional<Proof> proof, Optional<Defect> defect) {

        static Reading of(Proof proof) {
            return new Reading(Optional.of(proof), Optional.empty());
        }

        static Reading failed(Defect defect) {
            return new Reading(Optional.empty(), Optional.of(defect));
        }
    }

    public static Reading read(JsonNode secured) {
        if (secured == null || !secured.isObject() || !secured.path("proof").isObject()) {
            return Reading.failed(Defect.NO_PROOF);
        }
        ObjectNode document = ((ObjectNode) secured).deepCopy();
        ObjectNode proof = (ObjectNode) document.remove("proof");
        if (!PROOF_TYPE.equals(proof.path("type").asText(null))) {
            return Reading.failed(Defect.NOT_A_DATA_INTEGRITY_PROOF);
        }
        Optional<KeyAlgorithm> algorithm = KeyAlgorithm.byCryptosuite(proof.path("cryptosuite").asText(""));
        if (algorithm.isEmpty()) {
            return Reading.failed(Defect.UNSUPPORTED_CRYPTOSUITE);
        }
        if (!PURPOSE.equals(proof.path("proofPurpose").asText(null))) {
            return Reading.failed(Defect.WRONG_PURPOSE);
        }
        JsonNode method = proof.get("verificationMethod");
        if (method == null || !method.isTextual() || method.textValue().isBlank()) {
            return Reading.failed(Defect.NO_VERIFICATION_METHOD);
        }
        if (proof.has("@context") && !proof.get("@context").equals(document.get("@context"))) {
            return Reading.failed(Defect.CONTEXT_MISMATCH);
        }
        JsonNode value = proof.remove("proofValue");
        Optional<byte[]> signature = value != null && value.isTextual() ? Encodings.multibaseStrict(value.textValue()) : Optional.empty();
        if (signature.isEmpty()) {
            return Reading.failed(Defect.MALFORMED_PROOF_VALUE);
        }
        try {
            return Reading.of(new Proof(algorithm.get(), method.textValue(), signature.get(), hashData(algorithm.get(), proof, document)));
        } catch (IllegalArgumentException e) {
            return Reading.failed(Defect.NOT_CANONICALISABLE);
        }
    }

    private static byte[] hashData(KeyAlgorithm algorithm, ObjectNode proofConfig, ObjectNode document) {
        return concat(Hashes.forSuite(algorithm, Jcs.canonicalize(proofConfig)), Hashes.forSuite(algorithm, Jcs.canonicalize(document)));
    }

    private static byte[] concat(byte[] proofHash, byte[] documentHash) {
        byte[] out = new byte[proofHash.length + documentHash.length];
        System.arraycopy(proofHash, 0, out, 0, proofHash.length);
        System.arraycopy(documentHash, 0, out, proofHash.length, documentHash.length);
        return out;
    }
}
