package com.etitle.calendar;

import java.net.URI;
import java.time.Duration;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.etitle.authority.Caller;
import com.etitle.common.Problem;
import com.etitle.common.PublicAnswers;

/** The working-day calendar: public reads of the years in force, and a registrar entering a year's arrangement. */
@Path("/api/v1/working-day-calendar")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Working-day calendar")
public class WorkingDayCalendarResource {

    /** A year changes a few times at most; clients revalidate with the ETag after a minute. */
    static final Duration MAX_AGE = Duration.ofMinutes(1);

    private final WorkingDayCalendarService calendar;
    private final Caller caller;
    private final PublicAnswers answers;

    WorkingDayCalendarResource(WorkingDayCalendarService calendar, Caller caller, PublicAnswers answers) {
        this.calendar = calendar;
        this.caller = caller;
        this.answers = answers;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listWorkingDayCalendarYears", summary = "The years the working-day calendar knows, with where each comes from")
    @APIResponse(responseCode = "200", description = "The years, ascending",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarYearView.Years.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    public Response years(@Context HttpHeaders headers) {
        return answers.ok(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH), calendar.years(), MAX_AGE);
    }

    @GET
    @Path("{year}")
    @PermitAll
    @Operation(operationId = "getWorkingDayCalendarYear", summary = "The holiday arrangement in force for a year and where it comes from")
    @APIResponse(responseCode = "200", description = "The arrangement",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarYearView.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    @APIResponse(responseCode = "404", description = "No arrangement for this year: working days in it are refused, never guessed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response year(@Context HttpHeaders headers, @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
            @PathParam("year") int year) {
        return answers.ok(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH), calendar.year(year), MAX_AGE);
    }

    @PUT
    @Path("{year}")
    @RolesAllowed("registrar")
    @SecurityRequirement(name = "bearer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "enterWorkingDayCalendarYear", summary = "Enter a year's State Council holiday arrangement, or correct one; "
            + "it replaces the shipped or earlier entered arrangement of that year and counts on every replica from the next use")
    @APIResponse(responseCode = "200", description = "Replaced an earlier entry of the year",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarYearView.class)))
    @APIResponse(responseCode = "201", description = "Entered; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarYearView.class)))
    @APIResponse(responseCode = "400", description = "Not JSON, a field of the wrong JSON type, or an unknown field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a registrar, or no registered authority in the token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields, all named in invalid-params: a year out of 2000–2099, a date "
            + "outside the year, a break ending before it starts or longer than 14 days, overlapping breaks, an adjusted working day "
            + "on a weekday, listed twice or also a holiday, a missing source",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response enter(@Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "2000", maximum = "2099"))
            @PathParam("year") int year, YearArrangement arrangement) {
        WorkingDayCalendarService.Entered entered = calendar.enter(caller.authority(), caller.actor(), year, arrangement);
        Response.ResponseBuilder answer = entered.created()
                ? Response.created(URI.create("/api/v1/working-day-calendar/" + year))
                : Response.ok();
        return answer.entity(entered.year()).type(MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
