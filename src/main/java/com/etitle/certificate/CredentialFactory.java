package com.etitle.certificate;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.etitle.authority.AuthoritySigner;
import com.etitle.authority.PublicIds;
import com.etitle.crypto.DataIntegrity;
import com.etitle.crypto.Jcs;
import com.fasterxml.jackson.core.JsonGenerator;
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
    public static final String TOKEN_TYPE = "pt+jwt";

    private final ObjectMapper mapper;
    private final PublicIds ids;
    /** The credentials' {@code @context}, which their proofs repeat. */
    private final ArrayNode context;

    CredentialFactory(ObjectMapper mapper, PublicIds ids) {
        this.mapper = mapper;
        this.ids = ids;
        this.context = mapper.createArrayNode().add(VC_CONTEXT).add(ids.contextUrl());
    }

    /** The URL of a published status list: {@code <public url>/api/v1/status-lists/<list>-<purpose>}. */
    public String statusListUrl(long listId, StatusPurpose purpose) {
        return ids.statusList(listId, purpose.value());
    }

    /** The W3C VC 2.0 document of the certificate, secured with a Data Integrity proof. */
    public String credential(Certificate c, AuthoritySigner.Signing signing) {
        return credential(c, proofOptions(signing, c.issuedAt));
    }

    /** How the authority's current key secures the credentials it issues at this instant; a batch makes them once. */
    public DataIntegrity.ProofOptions proofOptions(AuthoritySigner.Signing signing, Instant issuedAt) {
        return AuthoritySigner.proofOptions(signing, issuedAt, context);
    }

    /**
     * The credential secured with these options. Batches sign thousands of these, so both forms are written
     * straight from the record, without a tree: the JCS bytes that are signed, with members in canonical order
     * (the writer checks it), then the stored text, with members in the order a reader expects, the proof last.
     * CredentialFormatTest pins both against the tree the document once was built as.
     */
    public String credential(Certificate c, DataIntegrity.ProofOptions options) {
        String issuerId = ids.issuerId(c.authority.code);
        String id = "urn:etitle:certificate:" + c.number;
        String validFrom = c.issuedAt.truncatedTo(ChronoUnit.SECONDS).toString();
        String[] lists = new String[StatusPurpose.values().length];
        if (c.statusListId != null) {
            for (StatusPurpose purpose : StatusPurpose.values()) {
                lists[purpose.ordinal()] = statusListUrl(c.statusListId, purpose);
            }
        }
        LicenceId licence = licenceOf(c);
        ObjectNode proof = options.proof(canonical(c, id, issuerId, validFrom, lists, licence));
        StringWriter text = new StringWriter(2048);
        try (JsonGenerator g = mapper.createGenerator(text)) {
            g.writeStartObject();
            g.writeArrayFieldStart("@context");
            g.writeString(VC_CONTEXT);
            g.writeString(ids.contextUrl());
            g.writeEndArray();
            g.writeStringField("id", id);
            g.writeArrayFieldStart("type");
            g.writeString("VerifiableCredential");
            g.writeString("ProfessionalTitleCredential");
            g.writeEndArray();
            g.writeObjectFieldStart("issuer");
            g.writeStringField("id", issuerId);
            g.writeStringField("name", c.authority.name);
            if (licence != null) {
                g.writeStringField("creditCode", licence.issuerCode());
            }
            g.writeEndObject();
            g.writeStringField("validFrom", validFrom);
            g.writeObjectFieldStart("credentialSubject");
            g.writeStringField("type", "ProfessionalTitleHolder");
            g.writeStringField("name", c.title.holderName);
            g.writeStringField("workUnit", c.title.workUnit);
            g.writeObjectFieldStart("professionalTitle");
            g.writeStringField("type", "ProfessionalTitle");
            g.writeStringField("certificateNumber", c.number);
            if (licence != null) {
                g.writeStringField("licenceId", c.licenceId);
                g.writeStringField("licenceTypeCode", licence.typeCode());
                g.writeStringField("licenceName", LicenceId.LICENCE_NAME);
            }
            if (c.replaces != null) {
                g.writeStringField("replaces", c.replaces.number);
            }
            g.writeStringField("qualificationName", c.title.qualificationName);
            g.writeStringField("level", c.title.level.name());
            g.writeStringField("series", c.title.series);
            g.writeStringField("specialty", c.title.specialty);
            g.writeStringField("effectiveScope", c.effectiveScope.name());
            g.writeStringField("acquisitionRoute", c.acquisitionRoute.name());
            g.writeStringField("promotionType", c.title.promotionType.name());
            if (c.committeeName != null) {
                g.writeStringField("committee", c.committeeName);
            }
            g.writeStringField("approvalDocumentNumber", c.approvalDocumentNumber);
            g.writeStringField("qualificationDate", c.qualificationDate.toString());
            if (licence != null) {
                g.writeStringField("issueDate", c.issueDate.toString());
            }
            g.writeEndObject();
            g.writeEndObject();
            if (c.statusListId != null) {
                g.writeArrayFieldStart("credentialStatus");
                for (StatusPurpose purpose : StatusPurpose.values()) {
                    String list = lists[purpose.ordinal()];
                    g.writeStartObject();
                    g.writeStringField("id", list + "#" + c.statusListIndex);
                    g.writeStringField("type", "BitstringStatusListEntry");
                    g.writeStringField("statusPurpose", purpose.value());
                    g.writeStringField("statusListIndex", String.valueOf(c.statusListIndex));
                    g.writeStringField("statusListCredential", list);
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeFieldName("proof");
            g.writeTree(proof);
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise credential", e);
        }
        return text.toString();
    }

    /**
     * The certificate's e-licence identifier, read back for the GB/T 36903 items the credential carries beside it (type
     * code, issuer's credit code); null for a certificate that has none yet, whose credential then has none of them.
     */
    private static LicenceId licenceOf(Certificate c) {
        if (c.licenceId == null) {
            return null;
        }
        return LicenceId.read(c.licenceId)
                .orElseThrow(() -> new IllegalStateException("certificate " + c.number + " has a malformed e-licence identifier"));
    }

    /** The JCS bytes of the credential without its proof: the same members as {@link #credential}, sorted. */
    private byte[] canonical(Certificate c, String id, String issuerId, String validFrom, String[] lists, LicenceId licence) {
        Jcs.Writer w = new Jcs.Writer().beginObject();
        w.name("@context").beginArray().string(VC_CONTEXT).string(ids.contextUrl()).end();
        if (c.statusListId != null) {
            w.name("credentialStatus").beginArray();
            for (StatusPurpose purpose : StatusPurpose.values()) {
                String list = lists[purpose.ordinal()];
                w.beginObject()
                        .member("id", list + "#" + c.statusListIndex)
                        .member("statusListCredential", list)
                        .member("statusListIndex", String.valueOf(c.statusListIndex))
                        .member("statusPurpose", purpose.value())
                        .member("type", "BitstringStatusListEntry")
                        .end();
            }
            w.end();
        }
        w.name("credentialSubject").beginObject().member("name", c.title.holderName);
        w.name("professionalTitle").beginObject()
                .member("acquisitionRoute", c.acquisitionRoute.name())
                .member("approvalDocumentNumber", c.approvalDocumentNumber)
                .member("certificateNumber", c.number);
        if (c.committeeName != null) {
            w.member("committee", c.committeeName);
        }
        w.member("effectiveScope", c.effectiveScope.name());
        if (licence != null) {
            w.member("issueDate", c.issueDate.toString());
        }
        w.member("level", c.title.level.name());
        if (licence != null) {
            w.member("licenceId", c.licenceId).member("licenceName", LicenceId.LICENCE_NAME).member("licenceTypeCode", licence.typeCode());
        }
        w.member("promotionType", c.title.promotionType.name())
                .member("qualificationDate", c.qualificationDate.toString())
                .member("qualificationName", c.title.qualificationName);
        if (c.replaces != null) {
            w.member("replaces", c.replaces.number);
        }
        w.member("series", c.title.series).member("specialty", c.title.specialty).member("type", "ProfessionalTitle").end();
        w.member("type", "ProfessionalTitleHolder").member("workUnit", c.title.workUnit).end();
        w.member("id", id);
        w.name("issuer").beginObject();
        if (licence != null) {
            w.member("creditCode", licence.issuerCode());
        }
        w.member("id", issuerId).member("name", c.authority.name).end();
        w.name("type").beginArray().string("VerifiableCredential").string("ProfessionalTitleCredential").end();
        w.member("validFrom", validFrom);
        return w.end().toBytes();
    }

    /**
     * The compact JWS for QR codes: only what a verifier offline needs to see who holds what, who says so (the
     * issuer's DID, the controller of the key that signs) and where its status is published.
     */
    public String token(Certificate c, AuthoritySigner.Signing signing) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ids.issuerId(c.authority.code));
        claims.put("sub", c.number);
        claims.put("iat", c.issuedAt.getEpochSecond());
        claims.put("name", c.title.holderName);
        claims.put("title", c.title.qualificationName);
        // no level or series: the title's name says both (高级工程师 is the deputy-senior title of the engineering
        // series), and the QR must stay scannable with the status reference and the issuer's DID in it
        claims.put("specialty", c.title.specialty);
        claims.put("qdate", c.qualificationDate.toString());
        if (c.statusListId != null) {
            // where an offline verifier reads this certificate's status: an IETF Token Status List (status_list)
            Map<String, Object> reference = new LinkedHashMap<>();
            reference.put("idx", c.statusListIndex);
            reference.put("uri", ids.tokenStatusList(c.statusListId));
            claims.put("status", Map.of("status_list", reference));
        }
        return AuthoritySigner.compactJws(signing, TOKEN_TYPE, claims, mapper);
    }
}
