package com.etitle.committee;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.etitle.support.ContactValues;
import com.etitle.support.ContactValues.Kind;
import com.etitle.support.Problems;
import com.etitle.support.Publicity;
import com.etitle.support.TestClock;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * A telephone number is judged the same wherever it is filed: as a committee's contact phone and as the
 * contact of an objection to a publicity notice (where an e-mail address is also welcome).
 */
@QuarkusTest
class ContactFieldsTest {

    @Inject
    TestClock clock;

    /** One notice, open on Monday, takes the objections of every value. */
    static long notice;
    static long entry;

    @BeforeEach
    void anOpenNotice() {
        clock.set(Publicity.MONDAY);
        if (notice == 0) {
            JsonPath opened = Publicity.opened("TEST-A", Publicity.notice(com.etitle.support.Committees.insert("TEST-A"), Publicity.MONDAY));
            notice = opened.getLong("id");
            entry = opened.getLong("entries[0].id");
        }
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contacts")
    void a_value_gets_the_same_verdict_as_a_committee_phone_and_as_an_objection_contact(ContactValues.Value value) {
        boolean phone = value.kind() == Kind.PHONE;

        boolean committeeAccepted = accepted(Committees.post(Committees.registrar("TEST-A"), Committees.with("contactPhone", value.text())),
                "contactPhone");
        Map<String, Object> objection = Publicity.objection(entry);
        objection.put("contact", value.text());
        boolean objectionAccepted = accepted(Publicity.object(notice, Publicity.newClient(), objection), "contact");

        assertThat(committeeAccepted).as("committee contactPhone").isEqualTo(phone);
        assertThat(objectionAccepted).as("objection contact").isEqualTo(phone || value.kind() == Kind.EMAIL);
        if (value.kind() != Kind.EMAIL) {
            assertThat(objectionAccepted).as("the same verdict on both paths").isEqualTo(committeeAccepted);
        }
    }

    static Stream<ContactValues.Value> contacts() {
        return ContactValues.all();
    }

    /** 201, or a 422 naming exactly the contact field; anything else fails the test. */
    private static boolean accepted(Response response, String field) {
        if (response.statusCode() == 201) {
            return true;
        }
        JsonPath problem = Problems.assertProblem(response, 422, "/problems/validation-failed");
        assertThat(problem.getList("'invalid-params'.name", String.class)).containsExactly(field);
        return false;
    }
}
