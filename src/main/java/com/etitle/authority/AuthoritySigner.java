package com.etitle.authority;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.etitle.crypto.CompactJws;
import com.etitle.crypto.DataIntegrity;
import com.etitle.crypto.Signer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Signs a document as an authority: chooses the authority's current key, names it by its verification method
 * id, and adds the proof. Credentials, status lists and void notices all go through here.
 */
@ApplicationScoped
public class AuthoritySigner {

    /** The key an authority signs with, and the verification method id its proofs name. */
    public record Signing(SigningKey key, Signer signer, String verificationMethod) {
    }

    /** A document with its proof, and the key version that made it (for the audit record). */
    public record Signed(ObjectNode json, SigningKey key) {
    }

    private final KeyRing keyRing;
    private final PublicIds ids;

    AuthoritySigner(KeyRing keyRing, PublicIds ids) {
        this.keyRing = keyRing;
        this.ids = ids;
    }

    /** The newest active key version this replica holds the private key of; 503-style problem when there is none. */
    public Signing current(Authority authority) {
        return named(authority, keyRing.current(authority));
    }

    private Signing named(Authority authority, KeyRing.Signing signing) {
        return new Signing(signing.key(), signing.signer(), ids.verificationMethod(authority.code, signing.key().kid));
    }

    /** How this key secures documents created at this instant; a batch makes them once for all its credentials. */
    public static DataIntegrity.ProofOptions proofOptions(Signing signing, Instant created, ArrayNode context) {
        return new DataIntegrity.ProofOptions(signing.signer(), signing.verificationMethod(), created, context);
    }

    /**
     * How a signed document names its issuer and the key: by the authority's DID (everything signed since the DIDs)
     * or by the authority document's URL (only what must match documents signed before them).
     */
    public enum IssuerNaming {
        DID,
        AUTHORITY_DOCUMENT
    }

    /** The document secured with a Data Integrity proof by the authority's current key, named by its DID. */
    public Signed secure(Authority authority, ObjectNode unsecured, Instant created) {
        return secure(authority, unsecured, created, IssuerNaming.DID);
    }

    /** The document secured with a Data Integrity proof by the authority's current key, named as asked. */
    public Signed secure(Authority authority, ObjectNode unsecured, Instant created, IssuerNaming naming) {
        Signing signing = current(authority);
        String method = naming == IssuerNaming.DID ? signing.verificationMethod()
                : ids.authorityDocumentMethod(authority.code, signing.key().kid);
        return new Signed(DataIntegrity.addProof(unsecured, signing.signer(), method, created), signing.key());
    }

    /** A compact JWS of these claims, its header naming the algorithm, the key version and the type. */
    public static String compactJws(Signing signing, String type, Map<String, Object> claims, ObjectMapper mapper) {
        return CompactJws.sign(jwsHeader(signing, type), claims, signing.signer(), mapper);
    }

    /**
     * This authority's signature of a JWS in the JSON serialisation that several authorities sign; empty when the
     * authority cannot sign here (it verifies, but no key file of it is mounted on this replica).
     */
    public Optional<CompactJws.Signature> jwsSignature(Authority authority, String type) {
        return keyRing.currentIfAny(authority).map(s -> named(authority, s))
                .map(signing -> new CompactJws.Signature(jwsHeader(signing, type), signing.signer()));
    }

    private static Map<String, Object> jwsHeader(Signing signing, String type) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", signing.signer().algorithm().jwsAlgorithm());
        header.put("kid", signing.key().kid);
        header.put("typ", type);
        return header;
    }
}
