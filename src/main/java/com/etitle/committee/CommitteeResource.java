package com.etitle.committee;

import java.net.URI;
import java.time.Duration;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.etitle.authority.Caller;
import com.etitle.common.PageRequest;
import com.etitle.common.Problem;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;
import com.etitle.common.PublicAnswers;

/** The committee list (评委会清单): public reads a portal can cache, registrar writes for its own authority. */
@Path("/api/v1/committees")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Committees")
public class CommitteeResource {

    /** Short enough that a portal shows an edit within a minute; the ETag makes revalidation cheap after that. */
    static final Duration MAX_AGE = Duration.ofSeconds(60);

    private final CommitteeService committees;
    private final PublicCommittees published;
    private final PublicAnswers answers;
    private final Caller caller;

    CommitteeResource(CommitteeService committees, PublicCommittees published, PublicAnswers answers, Caller caller) {
        this.committees = committees;
        this.published = published;
        this.answers = answers;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listCommittees",
            summary = "The public committee list, filtered, in id order; cacheable for 60 s, revalidate with If-None-Match")
    @APIResponse(responseCode = "200", description = "A page", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommitteePage.class)))
    @APIResponse(responseCode = "304", description = "The page is unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "An invalid query parameter (all named in invalid-params), e.g. size over 100",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(
            @Parameter(description = "Code of the filing authority") @QueryParam("authority") String authority,
            @Parameter(description = "系列, exact", example = "工程") @QueryParam("series") String series,
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"SENIOR", "INTERMEDIATE"})) @QueryParam("level") String level,
            @Parameter(description = "Region, exact", example = "兰州市") @QueryParam("region") String region,
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"ACTIVE", "SUSPENDED", "REVOKED"})) @QueryParam("status") String status,
            @Parameter(description = "Contained in name, specialty scope or managing department, ignoring case")
            @QueryParam("q") String q,
            @Parameter(description = PageRequest.PAGE_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "0", maximum = PageRequest.MAX_PAGE_TEXT, defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(description = PageRequest.SIZE_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = PageRequest.MAX_SIZE_TEXT, defaultValue = "20")) @QueryParam("size") String size,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, @Context UriInfo uri) {
        // page and size are declared for the contract; PageRequest reads them from the raw query, where an empty value still shows
        CommitteeQuery query = CommitteeQuery.parse(authority, series, level, region, status, q, uri);
        CommitteeSnapshot snapshot = published.snapshot();
        return answers.current(ifNoneMatch, query, snapshot.version(), () -> snapshot.page(query), MAX_AGE);
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(operationId = "getCommittee", summary = "One committee; cacheable for 60 s, revalidate with If-None-Match")
    @APIResponse(responseCode = "200", description = "The committee", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommitteeView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "No committee with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        CommitteeView committee = published.committee(id)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "detail.committee.unknown"));
        return answers.ok(ifNoneMatch, committee, MAX_AGE);
    }

    @POST
    @RolesAllowed("registrar")
    @SecurityRequirement(name = "bearer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "fileCommittee", summary = "File a committee for your authority")
    @APIResponse(responseCode = "201", description = "Filed; Location names it", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommitteeView.class)))
    @APIResponse(responseCode = "400", description = "Not JSON, or an unknown field such as members",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a registrar, or no registered authority in the token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Your authority already has a committee with this code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields, all named in invalid-params",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response file(CommitteeRequest request) {
        CommitteeView filed = committees.file(caller.authority(), caller.actor(), request);
        published.forgetVersion();
        return written(Response.created(URI.create("/api/v1/committees/" + filed.id())), filed);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed("registrar")
    @SecurityRequirement(name = "bearer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateCommittee",
            summary = "Replace every field of one of your authority's committees; another authority's id answers 404")
    @APIResponse(responseCode = "200", description = "Updated", headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommitteeView.class)))
    @APIResponse(responseCode = "400", description = "Not JSON, or an unknown field such as members",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a registrar, or no registered authority in the token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Your authority has no committee with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Your authority already has another committee with this code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not name the current ETag: someone changed it since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields, all named in invalid-params",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64")) @PathParam("id") String id,
            @Parameter(description = "The ETag you read; the update is refused with 412 if the committee changed since")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            CommitteeRequest request) {
        CommitteeView updated = committees.update(caller.authority(), caller.actor(), id, ifMatch, request);
        published.forgetVersion();
        return written(Response.ok(), updated);
    }

    /** The registrar's own answer: not for caches, but with the tag a later If-Match sends back. */
    private Response written(Response.ResponseBuilder answer, CommitteeView view) {
        PublicAnswers.Tagged tagged = answers.tagged(view);
        return answer.entity(tagged.bytes()).type(MediaType.APPLICATION_JSON_TYPE)
                .tag(tagged.tag()).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
