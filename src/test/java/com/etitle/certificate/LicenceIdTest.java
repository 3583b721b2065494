package com.etitle.certificate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.etitle.authority.AuthorityService;
import com.etitle.crypto.KeyAlgorithm;
import com.etitle.support.Api;
import com.etitle.support.Database;
import com.etitle.support.Requests;
import com.etitle.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The e-licence identifier (证照标识) every certificate gets at issuance, where it shows, and what guards it. */
@QuarkusTest
class LicenceIdTest {

    /** etitle.authorities.TEST-A.credit-code and TEST-SM2's in the test profile. */
    private static final String TEST_A = "11990000TEA000001J";
    private static final String TEST_SM2 = "11990000TEC000001Y";

    @Inject
    LicenceIdBackfill backfill;

    @Inject
    AuthorityService authorities;

    @Test
    void a_certificate_is_issued_with_the_identifier_of_the_type_code_its_authoritys_credit_code_and_its_number() {
        JsonPath issued = Api.issue("TEST-A", Requests.engineer());
        String number = issued.getString("number");
        String parts = LicenceIds.PLACEHOLDER_TYPE_CODE + TEST_A + number + "001";

        String expected = "1.2.156.3005.2." + LicenceIds.PLACEHOLDER_TYPE_CODE + "." + TEST_A + "." + number + ".001."
                + Mod3736.checkCharacter(parts);
        assertThat(issued.getString("licenceId")).isEqualTo(expected);
        assertThat(Database.string("SELECT licence_id FROM certificate WHERE number = '" + number + "'")).isEqualTo(expected);
        assertThat(given().auth().oauth2(Tokens.issuer("TEST-A")).get("/api/v1/certificates/" + number).jsonPath().getString("licenceId"))
                .isEqualTo(expected);
    }

    @Test
    void each_authority_s_identifiers_carry_its_own_credit_code() {
        JsonPath issued = Api.issue("TEST-SM2", Requests.engineer());

        assertThat(LicenceId.parse(issued.getString("licenceId"))).get()
                .satisfies(id -> assertThat(id.issuerCode()).isEqualTo(TEST_SM2))
                .satisfies(id -> assertThat(id.serial()).isEqualTo(issued.getString("number")));
    }

    @Test
    void the_credential_carries_the_identifier_with_the_gb_t_36903_items_under_terms_of_our_context() {
        JsonPath issued = Api.issue("TEST-A", Requests.engineer());
        String title = "credential.credentialSubject.professionalTitle.";

        assertThat(issued.getString(title + "licenceId")).isEqualTo(issued.getString("licenceId"));
        assertThat(issued.getString(title + "licenceTypeCode")).isEqualTo(LicenceIds.PLACEHOLDER_TYPE_CODE);
        assertThat(issued.getString(title + "licenceName")).isEqualTo("专业技术职务任职资格证书");
        assertThat(issued.getString(title + "issueDate")).isEqualTo(issued.getString("issueDate"));
        assertThat(issued.getString("credential.issuer.creditCode")).isEqualTo(TEST_A);
        assertThat(issued.getString("credential.credentialSubject.name")).as("持证主体").isEqualTo(issued.getString("holderName"));
        Map<String, Object> terms = given().get("/ns/professional-title/v1").then().statusCode(200).extract().jsonPath().getMap("'@context'");
        assertThat(terms).containsKeys("licenceId", "licenceTypeCode", "licenceName", "issueDate", "creditCode");
    }

    @Test
    void the_database_refuses_a_second_certificate_with_the_same_identifier_or_one_of_another_form() {
        String first = Api.issue("TEST-A", Requests.engineer()).getString("licenceId");
        String second = Api.issue("TEST-A", Requests.engineer()).getString("number");

        assertThatThrownBy(() -> Database.update("UPDATE certificate SET licence_id = '" + first + "' WHERE number = '" + second + "'"))
                .isInstanceOf(SQLException.class).hasMessageContaining("certificate_licence_id_uk");
        assertThatThrownBy(() -> Database.update("UPDATE certificate SET licence_id = 'CERT-" + second + "' WHERE number = '" + second + "'"))
                .isInstanceOf(SQLException.class).hasMessageContaining("certificate_licence_id_ck");
    }

    @Test
    void a_certificate_without_an_identifier_gets_the_one_issuance_would_have_made_and_keeps_its_signed_forms() throws SQLException {
        JsonPath issued = Api.issue("TEST-A", Requests.engineer());
        String number = issued.getString("number");
        String credential = Database.string("SELECT credential FROM certificate WHERE number = '" + number + "'");
        Database.update("UPDATE certificate SET licence_id = NULL WHERE number = '" + number + "'");
        // verified meanwhile: the register (and its memory) knows the certificate, still without an identifier
        assertThat(Api.verify(Map.of("token", issued.getString("token"))).getString("certificate.licenceId")).isNull();

        assertThat(backfill.run()).isGreaterThanOrEqualTo(1);

        assertThat(Database.string("SELECT licence_id FROM certificate WHERE number = '" + number + "'")).isEqualTo(issued.getString("licenceId"));
        assertThat(Database.string("SELECT credential FROM certificate WHERE number = '" + number + "'")).isEqualTo(credential);
        assertThat(Database.count("SELECT count(*) FROM certificate WHERE licence_id IS NULL")).isZero();
        assertThat(backfill.run()).as("nothing left the second time").isZero();
        // and the memory that learnt the certificate without one reads it again
        assertThat(Api.verify(Map.of("token", issued.getString("token"))).getString("certificate.licenceId"))
                .isEqualTo(issued.getString("licenceId"));
    }

    @Test
    void a_credit_code_without_its_check_character_stops_the_registration_of_its_authority() {
        assertThatThrownBy(() -> authorities.ensure("TEST-BAD-CODE", "校验测试厅", "测试省", KeyAlgorithm.ED25519, "11990000TEA000001K"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("etitle.authorities.TEST-BAD-CODE.credit-code");
        assertThatThrownBy(() -> authorities.ensure("TEST-BAD-CODE", "校验测试厅", "测试省", KeyAlgorithm.ED25519, "TEA000001J"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(Database.count("SELECT count(*) FROM authority WHERE code = 'TEST-BAD-CODE'")).isZero();
    }

    @Test
    void a_type_code_that_is_not_a_credit_code_and_three_digits_stops_the_start() {
        assertThatThrownBy(() -> new LicenceIds("11100000000000000K000")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("etitle.licence.type-code");
        assertThatThrownBy(() -> new LicenceIds("11100000000000000J00")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new LicenceIds("11100000000000000J0A0")).isInstanceOf(IllegalStateException.class);
        assertThat(new LicenceIds(LicenceIds.PLACEHOLDER_TYPE_CODE).typeCode()).isEqualTo(LicenceIds.PLACEHOLDER_TYPE_CODE);
    }
}
