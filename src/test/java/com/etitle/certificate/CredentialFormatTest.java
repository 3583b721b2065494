package com.etitle.certificate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.etitle.authority.Authority;
import com.etitle.authority.AuthoritySigner;
import com.etitle.authority.PublicIds;
import com.etitle.authority.SigningKey;
import com.etitle.common.JsonConfig;
import com.etitle.crypto.DataIntegrity;
import com.etitle.crypto.KeyAlgorithm;
import com.etitle.crypto.Keys;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The credential CredentialFactory writes straight from the record must be, byte for byte, the one the
 * service built as a Jackson tree, secured with {@link DataIntegrity#addProof} and serialised (the reference
 * below is that code, kept as it was): stored credentials are what was signed, and verifiers rebuild the JCS
 * form from the stored text. Ed25519 is deterministic, so equal text with equal proofValue also proves that
 * the same canonical bytes were signed; SM2 is not, so there the proof is verified over the tree's JCS form. The
 * GB/T 36903 items that came with the e-licence identifier are added to the reference as a tree would add them.
 */
class CredentialFormatTest {

    private static final ObjectMapper MAPPER = JsonConfig.apply(new ObjectMapper());
    private static final String PUBLIC_URL = "http://localhost:8081";
    /** The did:web DID of an authority under that public URL, which the credentials name as their issuer. */
    private static final String ISSUER_DID_PREFIX = "did:web:localhost%3A8081:issuers:";
    private static final CredentialFactory FACTORY = new CredentialFactory(MAPPER, new PublicIds(PUBLIC_URL));
    private static final Keys.PrivateKey ED25519 = Keys.generate(KeyAlgorithm.ED25519);
    private static final Keys.PrivateKey SM2 = Keys.generate(KeyAlgorithm.SM2);

    static Stream<Certificate> certificates() {
        return Stream.of(
                certificate("TEST-A", "测试省人力资源和社会保障厅", c -> {
                }),
                certificate("TEST-A", "测试省人力资源和社会保障厅", c -> c.committeeName = null),
                // issued before e-licence identifiers, re-signed before it got one: none of the GB/T 36903 items
                certificate("TEST-A", "测试省人力资源和社会保障厅", c -> c.licenceId = null),
                certificate("TEST-B", "另一省人力资源和社会保障厅", c -> {
                    Certificate old = new Certificate();
                    old.number = "20260000000000018";
                    c.replaces = old;
                    c.title.level = Level.FULL_SENIOR;
                    c.effectiveScope = EffectiveScope.OWN_UNIT;
                    c.acquisitionRoute = AcquisitionRoute.EXAM;
                    c.title.promotionType = PromotionType.EXCEPTIONAL;
                    c.statusListIndex = 0;
                }),
                certificate("TEST-A", "测试省人力资源和社会保障厅", c -> {
                    c.statusListId = null;
                    c.statusListIndex = null;
                    c.issuedAt = Instant.parse("2026-12-31T23:59:59.999999Z");
                }),
                certificate("TEST-A", "Province \"A\" \\ HRSS", c -> {
                    c.title.holderName = "欧阳\u00b7娜娜 \"Nana\" \\ \u0001\u001f\b\f\n\r\t\u007f";
                    c.title.workUnit = "</script>\u2028\u2029 😀 𠀀 中国科学院";
                    c.title.specialty = "";
                    c.committeeName = "  ";
                }));
    }

    @ParameterizedTest
    @MethodSource("certificates")
    void an_ed25519_credential_is_byte_for_byte_the_tree_built_one(Certificate c) {
        AuthoritySigner.Signing signing = signing(ED25519, c.authority);

        assertThat(FACTORY.credential(c, signing)).isEqualTo(treeBuilt(c, signing));
    }

    @ParameterizedTest
    @MethodSource("certificates")
    void options_made_once_for_a_batch_give_the_same_credential_as_options_made_for_each(Certificate c) {
        AuthoritySigner.Signing signing = signing(ED25519, c.authority);
        DataIntegrity.ProofOptions batch = FACTORY.proofOptions(signing, c.issuedAt);

        assertThat(FACTORY.credential(c, batch)).isEqualTo(FACTORY.credential(c, signing)).isEqualTo(FACTORY.credential(c, batch));
    }

    @ParameterizedTest
    @MethodSource("certificates")
    void an_sm2_credential_has_the_tree_built_text_and_its_proof_verifies_over_the_tree_built_canonical_form(Certificate c) {
        c.authority.code = "TEST-SM2";
        c.authority.name = "国密省人力资源和社会保障厅";
        AuthoritySigner.Signing signing = signing(SM2, c.authority);

        String written = FACTORY.credential(c, signing);

        assertThat(withoutProofValue(written)).isEqualTo(withoutProofValue(treeBuilt(c, signing)));
        assertThat(proof(parse(written)).verifiedBy(Keys.verifier(KeyAlgorithm.SM2, SM2.publicKeySpki()))).isTrue();
    }

    @Test
    void an_sm2_credential_is_rejected_after_one_character_changes_or_by_another_key() {
        Certificate c = certificates().findFirst().orElseThrow();
        ObjectNode written = parse(FACTORY.credential(c, signing(SM2, c.authority)));
        ObjectNode tampered = written.deepCopy();
        ((ObjectNode) tampered.path("credentialSubject").path("professionalTitle")).put("level", "FULL_SENIOR");

        assertThat(proof(tampered).verifiedBy(Keys.verifier(KeyAlgorithm.SM2, SM2.publicKeySpki()))).isFalse();
        assertThat(proof(written).verifiedBy(Keys.verifier(KeyAlgorithm.SM2, Keys.generate(KeyAlgorithm.SM2).publicKeySpki()))).isFalse();
    }

    @Test
    void a_name_with_a_lone_surrogate_is_refused_as_the_tree_refuses_it() {
        Certificate c = certificates().findFirst().orElseThrow();
        c.title.holderName = "张\ud800三";
        AuthoritySigner.Signing signing = signing(ED25519, c.authority);

        assertThatThrownBy(() -> treeBuilt(c, signing)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FACTORY.credential(c, signing)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The credential as CredentialFactory built it before it wrote the JSON itself. */
    private static String treeBuilt(Certificate c, AuthoritySigner.Signing signing) {
        ObjectNode vc = MAPPER.createObjectNode();
        vc.putArray("@context").add(CredentialFactory.VC_CONTEXT).add(PUBLIC_URL + "/ns/professional-title/v1");
        vc.put("id", "urn:etitle:certificate:" + c.number);
        vc.putArray("type").add("VerifiableCredential").add("ProfessionalTitleCredential");
        String issuerId = ISSUER_DID_PREFIX + c.authority.code;
        ObjectNode issuer = vc.putObject("issuer");
        issuer.put("id", issuerId);
        issuer.put("name", c.authority.name);
        LicenceId licence = c.licenceId == null ? null : LicenceId.parse(c.licenceId).orElseThrow();
        if (licence != null) {
            issuer.put("creditCode", licence.issuerCode());
        }
        vc.put("validFrom", c.issuedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        ObjectNode subject = vc.putObject("credentialSubject");
        subject.put("type", "ProfessionalTitleHolder");
        subject.put("name", c.title.holderName);
        subject.put("workUnit", c.title.workUnit);
        ObjectNode title = subject.putObject("professionalTitle");
        title.put("type", "ProfessionalTitle");
        title.put("certificateNumber", c.number);
        if (licence != null) {
            title.put("licenceId", c.licenceId);
            title.put("licenceTypeCode", licence.typeCode());
            title.put("licenceName", "专业技术职务任职资格证书");
        }
        if (c.replaces != null) {
            title.put("replaces", c.replaces.number);
        }
        title.put("qualificationName", c.title.qualificationName);
        title.put("level", c.title.level.name());
        title.put("series", c.title.series);
        title.put("specialty", c.title.specialty);
        title.put("effectiveScope", c.effectiveScope.name());
        title.put("acquisitionRoute", c.acquisitionRoute.name());
        title.put("promotionType", c.title.promotionType.name());
        if (c.committeeName != null) {
            title.put("committee", c.committeeName);
        }
        title.put("approvalDocumentNumber", c.approvalDocumentNumber);
        title.put("qualificationDate", c.qualificationDate.toString());
        if (licence != null) {
            title.put("issueDate", c.issueDate.toString());
        }
        if (c.statusListId != null) {
            ArrayNode status = vc.putArray("credentialStatus");
            for (StatusPurpose purpose : StatusPurpose.values()) {
                String list = FACTORY.statusListUrl(c.statusListId, purpose);
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
            return MAPPER.writeValueAsString(secured);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Certificate certificate(String authorityCode, String authorityName, Consumer<Certificate> change) {
        Authority authority = new Authority();
        authority.id = 1L;
        authority.code = authorityCode;
        authority.name = authorityName;
        Certificate c = new Certificate();
        c.number = "20261234567890121";
        c.licenceId = LicenceId.first(LicenceIds.PLACEHOLDER_TYPE_CODE, "11990000TEA000001J", c.number).text();
        c.verificationCode = "ABCD2345";
        c.authority = authority;
        c.title.holderName = "张三";
        c.title.holderIdNumber = "110105198003121238";
        c.title.workUnit = "示范省建筑设计研究院";
        c.title.series = "工程";
        c.title.specialty = "建筑设计";
        c.title.level = Level.DEPUTY_SENIOR;
        c.title.qualificationName = "高级工程师";
        c.effectiveScope = EffectiveScope.PROVINCE_WIDE;
        c.acquisitionRoute = AcquisitionRoute.EVALUATION;
        c.title.promotionType = PromotionType.NORMAL;
        c.committeeName = "工程系列高级职称评审委员会";
        c.approvalDocumentNumber = "示人社职〔2026〕12号";
        c.qualificationDate = LocalDate.of(2026, 6, 18);
        c.issueDate = LocalDate.of(2026, 7, 2);
        c.issuedAt = Instant.parse("2026-07-02T01:02:03.123456Z");
        c.statusListId = 7L;
        c.statusListIndex = 98_765;
        change.accept(c);
        return c;
    }

    private static AuthoritySigner.Signing signing(Keys.PrivateKey key, Authority authority) {
        SigningKey row = new SigningKey();
        row.kid = SigningKey.kidOf(authority.code, 3);
        row.algorithm = key.algorithm();
        return new AuthoritySigner.Signing(row, key.signer(), ISSUER_DID_PREFIX + authority.code + "#" + row.kid);
    }

    private static DataIntegrity.Proof proof(ObjectNode secured) {
        DataIntegrity.Reading reading = DataIntegrity.read(secured);
        assertThat(reading.defect()).isEmpty();
        return reading.proof().orElseThrow();
    }

    /** The text with the proof value blanked: SM2 signatures are randomised, everything else must match byte for byte. */
    private static String withoutProofValue(String secured) {
        String blanked = secured.replaceFirst("\"proofValue\":\"z[1-9A-HJ-NP-Za-km-z]+\"", "\"proofValue\":\"-\"");
        assertThat(blanked).isNotEqualTo(secured);
        return blanked;
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
