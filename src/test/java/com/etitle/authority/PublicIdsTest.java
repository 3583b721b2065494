package com.etitle.authority;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicIdsTest {

    private final PublicIds ids = new PublicIds("https://etitle.example");

    @Test
    void an_issuer_id_and_its_verification_methods_are_built_from_the_public_url() {
        assertThat(ids.issuerId("DEMO")).isEqualTo("https://etitle.example/api/v1/issuers/DEMO");
        assertThat(ids.verificationMethod("DEMO", "DEMO-k2")).isEqualTo("https://etitle.example/api/v1/issuers/DEMO#DEMO-k2");
        assertThat(ids.contextUrl()).isEqualTo("https://etitle.example/ns/professional-title/v1");
        assertThat(ids.statusList(7, "revocation")).isEqualTo("https://etitle.example/api/v1/status-lists/7-revocation");
        assertThat(ids.voidNotice("DEMO-2026-0001")).isEqualTo("https://etitle.example/api/v1/void-notices/DEMO-2026-0001");
        assertThat(ids.shareLink("abc")).isEqualTo("https://etitle.example/verify#grant=abc");
    }

    @Test
    void a_verification_method_it_built_parses_back_to_its_authority_and_key() {
        assertThat(ids.parseVerificationMethod(ids.verificationMethod("TEST-SM2", "TEST-SM2-k1")))
                .contains(new PublicIds.MethodRef("TEST-SM2", "TEST-SM2-k1"));
        assertThat(ids.authorityCode(ids.issuerId("DEMO"))).contains("DEMO");
    }

    @Test
    void ids_of_another_host_or_shape_are_not_ours() {
        assertThat(ids.parseVerificationMethod("https://evil.example/api/v1/issuers/DEMO#DEMO-k1")).isEmpty();
        assertThat(ids.parseVerificationMethod("https://etitle.example/api/v1/issuers/DEMO")).isEmpty();
        assertThat(ids.parseVerificationMethod("https://etitle.example/api/v1/issuers/#DEMO-k1")).isEmpty();
        assertThat(ids.parseVerificationMethod("https://etitle.example/api/v1/issuers/DEMO/x#DEMO-k1")).isEmpty();
        assertThat(ids.parseVerificationMethod(null)).isEmpty();
        assertThat(ids.authorityCode("https://etitle.example/api/v1/issuers/DEMO/")).isEmpty();
        assertThat(ids.authorityCode("https://etitle.example.evil/api/v1/issuers/DEMO")).isEmpty();
        assertThat(ids.authorityCode("DEMO")).isEmpty();
    }
}
