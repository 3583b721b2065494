package com.etitle.batch;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.etitle.authority.Caller;
import com.etitle.common.Problem;

/** Batch issuance of a qualification document's certificates. */
@Path("/api/v1/certificate-batches")
@RolesAllowed("issuer")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Certificates")
public class BatchResource {

    private final BatchService batches;
    private final Caller caller;

    BatchResource(BatchService batches, Caller caller) {
        this.batches = batches;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "issueCertificateBatch",
            summary = "Issue one signed certificate for every entry of a qualification document, exactly once, all or nothing")
    @APIResponse(responseCode = "201", description = "Issued",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BatchView.class)))
    @APIResponse(responseCode = "200", description = "Already done by an earlier request with this key and body",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BatchView.class)))
    @APIResponse(responseCode = "409", description = "Still running under this key, or the document's certificates exist already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No key, unknown document, or the key reused with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(@Parameter(description = "Required; retrying with the same key and body never issues twice")
            @HeaderParam("Idempotency-Key") String idempotencyKey, BatchRequest request) {
        BatchService.Outcome outcome = batches.start(caller.authority(), caller.actor(), idempotencyKey, request);
        Response.ResponseBuilder answer = outcome.replayed()
                ? Response.ok().header("Idempotent-Replayed", "true")
                : Response.created(URI.create("/api/v1/certificate-batches/" + outcome.batch().id()));
        return answer.entity(outcome.batch()).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getCertificateBatch", summary = "Progress and result of a batch of your authority")
    @APIResponse(responseCode = "200", description = "The batch",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BatchView.class)))
    @APIResponse(responseCode = "404", description = "No batch of your authority with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") long id) {
        return Response.ok(batches.get(caller.authority(), id)).header("Cache-Control", "no-store").build();
    }
}
