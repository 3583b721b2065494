package com.etitle.qualification;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.etitle.authority.Caller;
import com.etitle.common.PageRequest;
import com.etitle.common.Problem;
import com.etitle.common.PublicAnswers;
import com.etitle.publicity.PublicityConfig;

/** Qualification documents (资格文件): registrars issue them after publicity; anyone can query them. */
@Path("/api/v1/qualification-documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Qualification documents")
public class QualificationDocumentResource {

    private final QualificationDocumentService documents;
    private final PublicDocuments published;
    private final Caller caller;
    private final PublicAnswers answers;
    private final PublicityConfig config;

    QualificationDocumentResource(QualificationDocumentService documents, PublicDocuments published, Caller caller, PublicAnswers answers,
            PublicityConfig config) {
        this.documents = documents;
        this.published = published;
        this.caller = caller;
        this.answers = answers;
        this.config = config;
    }

    @POST
    @RolesAllowed("registrar")
    @SecurityRequirement(name = "bearer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "issueQualificationDocument",
            summary = "Issue the qualification document of an ended notice whose objections are all answered")
    @APIResponse(responseCode = "201", description = "Issued", content = @Content(schema = @Schema(implementation = QualificationDocumentView.class)))
    @APIResponse(responseCode = "400", description = "Not JSON, or an unknown field", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a registrar", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The notice is still open or has unanswered objections (notice-not-finished), "
            + "or it already has a document, or the document number is taken (duplicate)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields, all named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Response issue(QualificationDocumentRequest request) {
        QualificationDocumentView document = documents.issue(caller.authority(), caller.actor(), request);
        return Response.created(URI.create("/api/v1/qualification-documents/" + document.id())).entity(document)
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Operation(operationId = "listQualificationDocuments",
            summary = "Qualification documents, newest first; cacheable (ETag, short max-age)")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = QualificationDocumentView.Page.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    @APIResponse(responseCode = "400", description = "A query parameter out of range", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Response list(@Context HttpHeaders headers, @QueryParam("committeeId") Long committeeId,
            @Parameter(description = "Year of the document date") @QueryParam("year") Integer year,
            @Parameter(description = "Text in the document number, the committee's name or a holder's name; at most 50 characters")
            @QueryParam("q") String q,
            @Parameter(description = PageRequest.PAGE_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "0", maximum = PageRequest.MAX_PAGE_TEXT, defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(description = PageRequest.SIZE_DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = PageRequest.MAX_SIZE_TEXT, defaultValue = "20")) @QueryParam("size") String size,
            @Context UriInfo uri) {
        // page and size are declared for the contract; PageRequest reads them from the raw query, where an empty value still shows
        PageRequest paging = PageRequest.of(uri, 20);
        String ifNoneMatch = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        return answers.answer(ifNoneMatch, published.page(committeeId, year, q, paging).answer(), config.cacheMaxAge());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getQualificationDocument",
            summary = "A qualification document: name, work unit, qualification, effective scope, promotion type, qualification date")
    @APIResponse(responseCode = "200", description = "The document", content = @Content(schema = @Schema(implementation = QualificationDocumentView.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    @APIResponse(responseCode = "404", description = "No such document", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Response get(@Context HttpHeaders headers, @PathParam("id") long id) {
        return answers.ok(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH), documents.get(id), config.cacheMaxAge());
    }
}
