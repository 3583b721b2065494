package com.etitle.calendar;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.etitle.support.Committees;
import com.etitle.support.Database;
import com.etitle.support.Problems;
import com.etitle.support.Publicity;
import com.etitle.support.TestClock;
import com.etitle.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Entering a year's arrangement at run time. The arrangements here are made up for the tests, not the published
 * ones. Every test removes the years it entered: PublicityNoticeTest relies on 2027 being unknown, as it is in the
 * shipped calendar, and the other years used here (2031–2034) are far enough out that no other test reaches them.
 */
@QuarkusTest
class WorkingDayCalendarTest {

    private static final String PATH = "/api/v1/working-day-calendar";

    @Inject
    TestClock clock;

    @Inject
    WorkingDays workingDays;

    @AfterEach
    void backToTheShippedCalendarAndRealTime() throws SQLException {
        clock.reset();
        Database.update("DELETE FROM working_day_calendar_year");
    }

    @Test
    void a_registrar_enters_2027_and_a_notice_running_into_january_is_then_opened_with_its_end_after_new_year() {
        Instant lateDecember = OffsetDateTime.parse("2026-12-28T09:00:00+08:00").toInstant();
        clock.set(lateDecember);
        Map<String, Object> notice = Publicity.notice(Committees.insert("TEST-A"), lateDecember);
        notice.put("voteDate", "2026-12-20");
        JsonPath refused = Problems.assertProblem(Publicity.open("TEST-A", notice), 422, "/problems/calendar-no-data");
        assertThat(refused.getString("'invalid-params'[0].name")).isEqualTo("workingDays");

        Response entered = enter("TEST-A", 2027, arrangement2027());

        JsonPath year = entered.then().statusCode(201).extract().jsonPath();
        assertThat(entered.header("Location")).endsWith(PATH + "/2027");
        assertThat(entered.header("Cache-Control")).isEqualTo("no-store");
        assertThat(year.getString("origin")).isEqualTo("ENTERED");
        assertThat(year.getString("enteredBy")).isEqualTo("TEST-A");
        assertThat(year.getString("source")).contains("国办发明电");
        assertThat(entered.asString()).as("who entered it stays in the audit log").doesNotContain("someone");

        JsonPath opened = Publicity.opened("TEST-A", notice);
        // Mon 28, Tue 29, Wed 30, Thu 31 December, then 元旦 Friday 1 to Sunday 3 January, then Monday 4 January
        assertThat(opened.getString("lastWorkingDay")).isEqualTo("2027-01-04");
        assertThat(opened.getString("endsAt")).as("24:00 Shanghai of Monday 4 January").isEqualTo("2027-01-04T16:00:00Z");
        assertThat(opened.getInt("remainingWorkingDays")).isEqualTo(5);
    }

    @Test
    void entering_a_year_is_recorded_in_the_audit_log_with_the_arrangement() {
        enter("TEST-A", 2031, arrangement2031()).then().statusCode(201);

        String where = " FROM audit_entry WHERE action = 'calendar.year-entered' AND subject = 'working-day-calendar/2031'";
        assertThat(Database.count("SELECT count(*)" + where)).isEqualTo(1);
        assertThat(Database.string("SELECT actor" + where)).isEqualTo("someone@TEST-A");
        assertThat(Database.string("SELECT authority_code" + where)).isEqualTo("TEST-A");
        assertThat(Database.string("SELECT detail" + where)).contains("\"replaced\":false", "2031-01-01", "国办发明电〔2030〕99号");
    }

    @Test
    void entering_a_year_again_replaces_it_and_is_recorded_again() {
        Map<String, Object> first = arrangement2031();
        JsonPath entered = enter("TEST-A", 2031, first).then().statusCode(201).extract().jsonPath();
        JsonPath again = enter("TEST-A", 2031, first).then().statusCode(200).extract().jsonPath();
        assertThat(withoutTime(again)).as("the same arrangement, entered twice").isEqualTo(withoutTime(entered));

        Map<String, Object> corrected = arrangement2031();
        corrected.put("source", "国务院办公厅关于调整2031年部分节假日安排的通知 (国办发明电〔2031〕3号)");
        corrected.put("adjustedWorkingDays", List.of());
        enter("TEST-B", 2031, corrected).then().statusCode(200);

        JsonPath read = given().get(PATH + "/2031").then().statusCode(200).extract().jsonPath();
        assertThat(read.getString("source")).contains("〔2031〕3号");
        assertThat(read.getList("adjustedWorkingDays")).isEmpty();
        assertThat(read.getString("enteredBy")).isEqualTo("TEST-B");
        assertThat(workingDays.isWorkingDay(LocalDate.parse("2031-01-04"))).as("no longer an adjusted Saturday").isFalse();
        assertThat(Database.count("SELECT count(*) FROM working_day_calendar_year WHERE year = 2031")).isEqualTo(1);
        assertThat(Database.count("SELECT count(*) FROM audit_entry WHERE action = 'calendar.year-entered' "
                + "AND subject = 'working-day-calendar/2031' AND detail LIKE '%\"replaced\":true%'")).isEqualTo(2);
    }

    @Test
    void an_entered_year_corrects_the_shipped_arrangement_of_that_year_until_it_is_removed() throws SQLException {
        assertThat(workingDays.isWorkingDay(LocalDate.parse("2024-10-07"))).as("Monday of the shipped National Day week").isFalse();
        Map<String, Object> correction = body("国务院办公厅关于2024年部分节假日安排的通知 (更正)",
                List.of(holiday("国庆节", "2024-10-01", "2024-10-05")), List.of());

        enter("TEST-A", 2024, correction).then().statusCode(201);

        assertThat(workingDays.isWorkingDay(LocalDate.parse("2024-10-07"))).isTrue();
        assertThat(workingDays.isWorkingDay(LocalDate.parse("2024-10-12"))).as("the shipped adjusted Saturday is gone").isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.parse("2025-10-08"))).as("other years untouched").isFalse();
        assertThat(given().get(PATH + "/2024").then().statusCode(200).extract().jsonPath().getString("origin")).isEqualTo("ENTERED");

        Database.update("DELETE FROM working_day_calendar_year WHERE year = 2024");
        assertThat(workingDays.isWorkingDay(LocalDate.parse("2024-10-07"))).as("the shipped arrangement again").isFalse();
        assertThat(given().get(PATH + "/2024").then().statusCode(200).extract().jsonPath().getString("origin")).isEqualTo("SHIPPED");
    }

    @Test
    void every_invalid_field_is_named_and_nothing_is_written() {
        long audited = Database.count("SELECT count(*) FROM audit_entry WHERE action = 'calendar.year-entered'");

        assertRefused(2033, with(b -> holidays(b).set(0, holiday("元旦", "2032-12-31", "2033-01-02"))), "holidays/0/from");
        assertRefused(2033, with(b -> holidays(b).set(1, holiday("春节", "2033-01-31", "2033-02-30"))), "holidays/1/to");
        assertRefused(2033, with(b -> holidays(b).set(1, holiday("春节", "2033-02-06", "2033-01-31"))), "holidays/1/to");
        assertRefused(2033, with(b -> holidays(b).set(1, holiday("春节", "2033-01-31", "2033-02-20"))), "holidays/1/to");
        assertRefused(2033, with(b -> holidays(b).add(holiday("又一个春节", "2033-02-06", "2033-02-07"))), "holidays/2");
        assertRefused(2033, with(b -> holidays(b).set(1, Map.of("from", "2033-01-31"))), "holidays/1/to");
        assertRefused(2033, with(b -> b.remove("holidays")), "holidays");
        assertRefused(2033, with(b -> b.put("adjustedWorkingDays", List.of("2033-01-31"))), "adjustedWorkingDays/0");
        assertRefused(2033, with(b -> b.put("adjustedWorkingDays", List.of("2033-01-09", "2033-01-09"))), "adjustedWorkingDays/1");
        assertRefused(2033, with(b -> b.put("adjustedWorkingDays", List.of("2033-02-05"))), "adjustedWorkingDays/0");
        assertRefused(2033, with(b -> b.put("adjustedWorkingDays", List.of("2034-01-07"))), "adjustedWorkingDays/0");
        assertRefused(2033, with(b -> b.remove("source")), "source");
        assertRefused(2033, with(b -> b.put("source", "  ")), "source");
        assertRefused(2033, with(b -> b.put("year", 2034)), "year");
        assertRefused(1999, body("国办发明电〔1998〕1号", List.of(), List.of()), "year");
        assertRefused(2100, body("国办发明电〔2099〕1号", List.of(), List.of()), "year");
        assertRefused(2033, with(b -> {
            b.remove("source");
            holidays(b).set(0, holiday("元旦", "2033-01-01", "2033-1-2"));
            b.put("adjustedWorkingDays", List.of("2033-01-05"));
        }), "source", "holidays/0/to", "adjustedWorkingDays/0");

        assertThat(Database.count("SELECT count(*) FROM working_day_calendar_year")).isZero();
        assertThat(Database.count("SELECT count(*) FROM audit_entry WHERE action = 'calendar.year-entered'")).isEqualTo(audited);
        Problems.assertProblem(given().get(PATH + "/2033"), 404, "/problems/not-found");
        assertThat(enter("TEST-A", 2033, arrangement2033()).statusCode()).as("the valid arrangement all of them came from").isEqualTo(201);
    }

    @Test
    void a_body_that_is_not_an_arrangement_is_refused_as_malformed() {
        for (String json : List.of("{\"source\": \"x\", ", "{\"source\": \"国办发明电〔2032〕1号\", \"holidays\": [], \"adjustedWorkingDays\": [], "
                + "\"comment\": \"an unknown field\"}", "{\"source\": \"国办发明电〔2032〕1号\", \"holidays\": \"元旦\", \"adjustedWorkingDays\": []}")) {
            Problems.assertProblem(given().auth().oauth2(Tokens.withRole("registrar", "TEST-A")).contentType(ContentType.JSON).body(json)
                    .put(PATH + "/2032"), 400, "/problems/malformed-request");
        }
        Problems.assertProblem(given().auth().oauth2(Tokens.withRole("registrar", "TEST-A")).contentType(ContentType.JSON)
                .put(PATH + "/2032"), 400, "/problems/malformed-request");
        assertThat(Database.count("SELECT count(*) FROM working_day_calendar_year")).isZero();
    }

    @Test
    void only_registrars_of_a_registered_authority_enter_years() {
        Map<String, Object> body = arrangement2031();
        Problems.assertProblem(given().contentType(ContentType.JSON).body(body).put(PATH + "/2031"), 401, "/problems/unauthenticated");
        for (String token : List.of(Tokens.issuer("TEST-A"), Tokens.withRole("holder", "TEST-A"), Tokens.withRole("registrar", "NOT-REGISTERED"))) {
            Problems.assertProblem(given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put(PATH + "/2031"), 403,
                    "/problems/forbidden");
        }
        assertThat(Database.count("SELECT count(*) FROM working_day_calendar_year")).isZero();
        Problems.assertProblem(given().get(PATH + "/2031"), 404, "/problems/not-found");
    }

    @Test
    void anyone_reads_the_years_in_force_and_where_they_come_from() {
        enter("TEST-A", 2031, arrangement2031()).then().statusCode(201);

        Response list = given().get(PATH);
        list.then().statusCode(200);
        assertThat(list.header("ETag")).isNotBlank();
        assertThat(list.header("Cache-Control")).startsWith("public");
        JsonPath years = list.jsonPath();
        assertThat(years.getList("years.year", Integer.class)).containsExactly(2024, 2025, 2026, 2031);
        assertThat(years.getList("years.origin")).containsExactly("SHIPPED", "SHIPPED", "SHIPPED", "ENTERED");
        assertThat(years.getString("years[3].enteredBy")).isEqualTo("TEST-A");

        JsonPath shipped = given().get(PATH + "/2026").then().statusCode(200).extract().jsonPath();
        assertThat(shipped.getString("origin")).isEqualTo("SHIPPED");
        assertThat(shipped.getString("source")).contains("2026年部分节假日安排");
        assertThat(shipped.getMap("holidays[1]")).isEqualTo(Map.of("name", "春节", "from", "2026-02-15", "to", "2026-02-23"));
        assertThat(shipped.getList("adjustedWorkingDays")).containsExactly("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09",
                "2026-09-20", "2026-10-10");
        assertThat(shipped.getString("enteredAt")).isNull();

        Problems.assertProblem(given().get(PATH + "/2040"), 404, "/problems/not-found");
        Problems.assertProblem(given().get(PATH + "/next-year"), 404, "/problems/not-found");
    }

    @Test
    void a_year_another_replica_wrote_counts_at_the_next_use_without_a_restart() throws SQLException {
        LocalDate mayDay = LocalDate.parse("2034-05-01");
        assertThatThrownBy(() -> workingDays.isWorkingDay(mayDay)).isInstanceOf(NoCalendarDataException.class);
        long version = version();

        // what another replica's PUT commits; the trigger moves the version as it does for any write to the table
        Database.update("INSERT INTO working_day_calendar_year (year, arrangement, entered_at, authority_id) SELECT 2034, '"
                + "{\"year\":2034,\"source\":\"国办发明电〔2033〕99号\",\"holidays\":[{\"name\":\"劳动节\",\"from\":\"2034-05-01\","
                + "\"to\":\"2034-05-05\"}],\"adjustedWorkingDays\":[\"2034-04-29\"]}', now(), id FROM authority WHERE code = 'TEST-B'");

        assertThat(version()).isEqualTo(version + 1);
        assertThat(workingDays.isWorkingDay(mayDay)).as("劳动节").isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.parse("2034-04-29"))).as("adjusted Saturday").isTrue();
        assertThat(workingDays.isWorkingDay(LocalDate.parse("2034-05-08"))).as("an ordinary Monday").isTrue();
        assertThat(given().get(PATH + "/2034").then().statusCode(200).extract().jsonPath().getString("enteredBy")).isEqualTo("TEST-B");

        Database.update("UPDATE working_day_calendar_year SET arrangement = replace(arrangement, '2034-05-05', '2034-05-01') WHERE year = 2034");
        assertThat(workingDays.isWorkingDay(LocalDate.parse("2034-05-02"))).as("a correction counts as soon").isTrue();

        Database.update("DELETE FROM working_day_calendar_year WHERE year = 2034");
        assertThatThrownBy(() -> workingDays.isWorkingDay(mayDay)).as("a year removed is refused again, never guessed")
                .isInstanceOf(NoCalendarDataException.class);
    }

    private static Map<String, Object> withoutTime(JsonPath year) {
        Map<String, Object> map = new LinkedHashMap<>(year.getMap("$"));
        map.remove("enteredAt");
        return map;
    }

    private static long version() {
        return Database.count("SELECT version FROM register_version WHERE register = 'working_day_calendar'");
    }

    private static Response enter(String authority, int year, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.withRole("registrar", authority)).contentType(ContentType.JSON).body(body)
                .when().put(PATH + "/" + year);
    }

    private static void assertRefused(int year, Map<String, Object> body, String... fields) {
        JsonPath problem = Problems.assertProblem(enter("TEST-A", year, body), 422, "/problems/validation-failed");
        assertThat(problem.getList("'invalid-params'.name")).as("%s", body).containsExactlyInAnyOrder((Object[]) fields);
        assertThat(Database.count("SELECT count(*) FROM working_day_calendar_year WHERE year = " + year)).isZero();
    }

    /** 元旦 Friday 1 to Sunday 3 January, so that a count from late December 2026 skips them; 春节 with an adjusted Saturday. */
    private static Map<String, Object> arrangement2027() {
        return body("国务院办公厅关于2027年部分节假日安排的通知 (国办发明电〔2026〕99号, test data)",
                List.of(holiday("元旦", "2027-01-01", "2027-01-03"), holiday("春节", "2027-02-06", "2027-02-13")), List.of("2027-02-20"));
    }

    private static Map<String, Object> arrangement2031() {
        Map<String, Object> body = body("国务院办公厅关于2031年部分节假日安排的通知 (国办发明电〔2030〕99号, test data)",
                List.of(holiday("元旦", "2031-01-01", "2031-01-03")), List.of("2031-01-04"));
        body.put("year", 2031);
        return body;
    }

    /** Valid: 元旦 Saturday 1 to Monday 3 January, 春节 Monday 31 January to Sunday 6 February, adjusted Sunday 9 January. */
    private static Map<String, Object> arrangement2033() {
        return body("国办发明电〔2032〕99号 (test data)",
                List.of(holiday("元旦", "2033-01-01", "2033-01-03"), holiday("春节", "2033-01-31", "2033-02-06")), List.of("2033-01-09"));
    }

    /** The valid 2033 arrangement, changed. */
    private static Map<String, Object> with(java.util.function.Consumer<Map<String, Object>> change) {
        Map<String, Object> body = arrangement2033();
        change.accept(body);
        return body;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> holidays(Map<String, Object> body) {
        return (List<Object>) body.get("holidays");
    }

    private static Map<String, Object> body(String source, List<Map<String, Object>> holidays, List<String> adjustedWorkingDays) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", source);
        body.put("holidays", new ArrayList<Object>(holidays));
        body.put("adjustedWorkingDays", new ArrayList<>(adjustedWorkingDays));
        return body;
    }

    private static Map<String, Object> holiday(String name, String from, String to) {
        Map<String, Object> holiday = new LinkedHashMap<>();
        holiday.put("name", name);
        holiday.put("from", from);
        holiday.put("to", to);
        return holiday;
    }
}
