package com.etitle.certificate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.etitle.support.Api;
import com.etitle.support.Requests;
import com.etitle.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class IssuanceTest {

    @Test
    void an_issuer_issues_a_certificate_that_verifies_by_number_name_and_code() {
        JsonPath issued = Api.issue("TEST-A", Requests.engineer());
        assertThat(issued.getString("number")).matches("20[0-9]{15}");
        assertThat(issued.getString("holderIdNumberMasked")).isEqualTo("1101**********1238");

        JsonPath answer = Api.verify(Map.of("certificateNumber", issued.getString("number"), "holderName", "张三",
                "verificationCode", issued.getString("verificationCode")));
        assertThat(answer.getString("result")).isEqualTo("VALID");
    }
}
