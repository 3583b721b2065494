package com.etitle.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PublicIdsTest {

    private final PublicIds ids = new PublicIds("https://etitle.example");

    @Test
    void an_issuer_id_is_a_did_web_and_its_verification_methods_are_built_from_the_public_url() {
        assertThat(ids.issuerId("DEMO")).isEqualTo("did:web:etitle.example:issuers:DEMO");
        assertThat(ids.didDocument("DEMO")).isEqualTo("https://etitle.example/issuers/DEMO/did.json");
        assertThat(ids.verificationMethod("DEMO", "DEMO-k2")).isEqualTo("did:web:etitle.example:issuers:DEMO#DEMO-k2");
        assertThat(ids.authorityDocument("DEMO")).isEqualTo("https://etitle.example/api/v1/issuers/DEMO");
        assertThat(ids.authorityDocumentMethod("DEMO", "DEMO-k2")).isEqualTo("https://etitle.example/api/v1/issuers/DEMO#DEMO-k2");
        assertThat(ids.contextUrl()).isEqualTo("https://etitle.example/ns/professional-title/v1");
        assertThat(ids.statusList(7, "revocation")).isEqualTo("https://etitle.example/api/v1/status-lists/7/revocation");
        assertThat(ids.statusListNamedAsBefore(7, "revocation")).isEqualTo("https://etitle.example/api/v1/status-lists/7-revocation");
        assertThat(ids.tokenStatusList(7)).isEqualTo("https://etitle.example/api/v1/status-lists/7");
        assertThat(ids.voidNotice("DEMO-2026-0001")).isEqualTo("https://etitle.example/api/v1/void-notices/DEMO-2026-0001");
        assertThat(ids.shareLink("abc")).isEqualTo("https://etitle.example/verify#grant=abc");
    }

    @Test
    void the_did_encodes_a_port_and_a_path_as_did_web_resolution_reads_them_back() {
        PublicIds withPort = new PublicIds("http://localhost:8081");
        assertThat(withPort.issuerId("TEST-A")).isEqualTo("did:web:localhost%3A8081:issuers:TEST-A");
        assertThat(withPort.didDocument("TEST-A")).isEqualTo("http://localhost:8081/issuers/TEST-A/did.json");

        PublicIds withPath = new PublicIds("https://Gov.Example:8443/etitle/");
        assertThat(withPath.issuerId("HRSS-440000")).isEqualTo("did:web:gov.example%3A8443:etitle:issuers:HRSS-440000");
        assertThat(withPath.didDocument("HRSS-440000")).isEqualTo("https://Gov.Example:8443/etitle/issuers/HRSS-440000/did.json");
        assertThat(withPath.parseVerificationMethod("did:web:gov.example%3A8443:etitle:issuers:HRSS-440000#HRSS-440000-k1"))
                .contains(new PublicIds.MethodRef("HRSS-440000", "HRSS-440000-k1"));
    }

    @Test
    void a_public_url_without_a_host_is_refused_at_start() {
        assertThatThrownBy(() -> new PublicIds("etitle.example")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_verification_method_it_built_parses_back_to_its_authority_and_key_in_both_forms() {
        assertThat(ids.parseVerificationMethod(ids.verificationMethod("TEST-SM2", "TEST-SM2-k1")))
                .contains(new PublicIds.MethodRef("TEST-SM2", "TEST-SM2-k1"));
        assertThat(ids.parseVerificationMethod(ids.authorityDocumentMethod("TEST-SM2", "TEST-SM2-k1")))
                .contains(new PublicIds.MethodRef("TEST-SM2", "TEST-SM2-k1"));
        assertThat(ids.authorityCode(ids.issuerId("DEMO"))).contains("DEMO");
        assertThat(ids.authorityCode(ids.authorityDocument("DEMO"))).contains("DEMO");
    }

    @Test
    void ids_of_another_host_or_shape_are_not_ours() {
        assertThat(ids.parseVerificationMethod("https://evil.example/api/v1/issuers/DEMO#DEMO-k1")).isEmpty();
        assertThat(ids.parseVerificationMethod("https://etitle.example/api/v1/issuers/DEMO")).isEmpty();
        assertThat(ids.parseVerificationMethod("https://etitle.example/api/v1/issuers/#DEMO-k1")).isEmpty();
        assertThat(ids.parseVerificationMethod("https://etitle.example/api/v1/issuers/DEMO/x#DEMO-k1")).isEmpty();
        assertThat(ids.parseVerificationMethod("did:web:evil.example:issuers:DEMO#DEMO-k1")).isEmpty();
        assertThat(ids.parseVerificationMethod("did:web:etitle.example:issuers:DEMO#")).isEmpty();
        assertThat(ids.parseVerificationMethod("did:web:etitle.example:issuers:DEMO:x#DEMO-k1")).isEmpty();
        assertThat(ids.parseVerificationMethod("did:key:etitle.example:issuers:DEMO#DEMO-k1")).isEmpty();
        assertThat(ids.parseVerificationMethod(null)).isEmpty();
        assertThat(ids.authorityCode("https://etitle.example/api/v1/issuers/DEMO/")).isEmpty();
        assertThat(ids.authorityCode("https://etitle.example.evil/api/v1/issuers/DEMO")).isEmpty();
        assertThat(ids.authorityCode("did:web:etitle.example.evil:issuers:DEMO")).isEmpty();
        assertThat(ids.authorityCode("did:web:etitle.example:issuers:")).isEmpty();
        assertThat(ids.authorityCode("DEMO")).isEmpty();
    }
}
