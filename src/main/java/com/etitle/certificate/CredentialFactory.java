package com.etitle.certificate;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.etitle.authority.IssuerView;
import com.etitle.authority.KeyRing;
import com.etitle.crypto.CompactJws;
import com.etitle.crypto.DataIntegrity;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the two signed forms of a certificate from its record: first the unsigned document, then the
 * proof, by the signer of the authority's current key.
 */
@ApplicationScoped
public class CredentialFactory {

    public static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    public static final String CONTEXT_PATH = "/ns/professional-title/v1";
    public static final String TOKEN_TYPE = "pt+jwt";

    private final ObjectMapper mapper;
    private final String publicUrl;

    CredentialFactory(ObjectMapper mapper, @ConfigProperty(name = "etitle.public-url") String publicUrl) {
        this.mapper = mapper;
        this.publicUrl = publicUrl;
    }

    public String contextUrl() {
        return publicUrl + CONTEXT_PATH;
    }

    /** The URL of a published status list: {@code <public url>/api/v1/status-lists/<list>-<purpose>}. */
    public String statusListUrl(long listId, StatusPurpose purpose) {
        return publicUrl + "/api/v1/status-lists/" + listId + "-" + purpose.value();
    }

    /** The W3C VC 2.0 document of the certificate, secured with a Data Integrity proof. */
    public String credential(Certificate c, KeyRing.Signing signing) {
        ObjectNode vc = mapper.createObjectNode();
        vc.putArray("@context").add(VC_CONTEXT).add(contextUrl());
        vc.put("id", "urn:etitle:certificate:" + c.number);
        vc.putArray("type").add("VerifiableCredential").add("ProfessionalTitleCredential");
        String issuerId = IssuerView.issuerId(publicUrl, c.authority.code);
        ObjectNode issuer = vc.putObject("issuer");
        issuer.put("id", issuerId);
        issuer.put("name", c.authority.name);
        vc.put("validFrom", c.issuedAt.truncatedTo(ChronoUnit.SECONDS).toString());
        ObjectNode subject = vc.putObject("credentialSubject");
        subject.put("type", "ProfessionalTitleHolder");
        subject.put("name", c.holderName);
        subject.put("workUnit", c.workUnit);
        ObjectNode title = subject.putObject("professionalTitle");
        title.put("type", "ProfessionalTitle");
        title.put("certificateNumber", c.number);
        if (c.replaces != null) {
            title.put("replaces", c.replaces.number);
        }
        title.put("qualificationName", c.qualificationName);
        title.put("level", c.level.name());
        title.put("series", c.series);
        title.put("specialty", c.specialty);
        title.put("effectiveScope", c.effectiveScope.name());
        title.put("acquisitionRoute", c.acquisitionRoute.name());
        title.put("promotionType", c.promotionType.name());
        if (c.committeeName != null) {
            title.put("committee", c.committeeName);
        }
        title.put("approvalDocumentNumber", c.approvalDocumentNumber);
        title.put("qualificationDate", c.qualificationDate.toString());
        if (c.statusListId != null) {
            ArrayNode status = vc.putArray("credentialStatus");
            for (StatusPurpose purpose : StatusPurpose.values()) {
                String list = statusListUrl(c.statusListId, purpose);
                ObjectNode entry = status.addObject();
                entry.put("id", list + "#" + c.statusListIndex);
                entry.put("type", "BitstringStatusListEntry");
                entry.put("statusPurpose", purpose.value());
                entry.put("statusListIndex", String.valueOf(c.statusListIndex));
                entry.put("statusListCredential", list);
            }
        }
        ObjectNode secured = DataIntegrity.addProof(vc, signing.signer(), issuerId + "#" + signing.key().kid, c.issuedAt);
        try {
            return mapper.writeValueAsString(secured);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise credential", e);
        }
    }

    /** The compact JWS for QR codes: only what a verifier offline needs to see who holds what. */
    public String token(Certificate c, KeyRing.Signing signing) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", signing.signer().algorithm().jwsAlgorithm());
        header.put("kid", signing.key().kid);
        header.put("typ", TOKEN_TYPE);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", c.authority.code);
        claims.put("sub", c.number);
        claims.put("iat", c.issuedAt.getEpochSecond());
        claims.put("name", c.holderName);
        claims.put("title", c.qualificationName);
        claims.put("level", c.level.name());
        claims.put("series", c.series);
        claims.put("specialty", c.specialty);
        claims.put("qdate", c.qualificationDate.toString());
        return CompactJws.sign(header, claims, signing.signer(), mapper);
    }

    /** The JSON-LD context of our credential terms, served at {@link #CONTEXT_PATH}. */
    public Map<String, Object> jsonLdContext() {
        String vocab = contextUrl() + "#";
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("@version", 1.1);
        terms.put("@protected", true);
        for (String term : List.of("ProfessionalTitleCredential", "ProfessionalTitleHolder", "ProfessionalTitle")) {
            terms.put(term, vocab + term);
        }
        for (String term : List.of("workUnit", "professionalTitle", "certificateNumber", "replaces", "qualificationName", "level", "series",
                "specialty", "effectiveScope", "acquisitionRoute", "promotionType", "committee", "approvalDocumentNumber")) {
            terms.put(term, vocab + term);
        }
        terms.put("qualificationDate", Map.of("@id", vocab + "qualificationDate", "@type", "http://www.w3.org/2001/XMLSchema#date"));
        return Map.of("@context", terms);
    }
}
