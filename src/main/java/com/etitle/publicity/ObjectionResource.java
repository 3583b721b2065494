package com.etitle.publicity;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.etitle.authority.Caller;
import com.etitle.common.Problem;

import io.vertx.core.http.HttpServerRequest;

/** Objections to a notice: anyone files one while it is open; the registrars of its authority answer. */
@Path("/api/v1/publicity-notices/{id}/objections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Publicity")
public class ObjectionResource {

    private final ObjectionService objections;
    private final Caller caller;
    private final ObjectionLimiter limiter;

    ObjectionResource(ObjectionService objections, Caller caller, ObjectionLimiter limiter) {
        this.objections = objections;
        this.caller = caller;
        this.limiter = limiter;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "fileObjection",
            summary = "File an objection with real name and contact while the notice is open; the contact is never published")
    @APIResponse(responseCode = "201", description = "Filed; keep the receipt number",
            content = @Content(schema = @Schema(implementation = ObjectionReceipt.class)))
    @APIResponse(responseCode = "400", description = "Not JSON, or an unknown field", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such notice, or not yet published", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The notice has ended (publicity-not-open) or the entry was withdrawn",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields, all named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many objections from this client; see Retry-After",
            headers = @Header(name = "Retry-After", description = "Seconds", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response file(@Context HttpServerRequest http, @PathParam("id") long id, ObjectionRequest request) {
        // the connection's address; behind a proxy, Quarkus' proxy-address-forwarding (trusted proxies only) puts the client's here
        limiter.acquire(http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress());
        ObjectionReceipt receipt = objections.file(id, request);
        return Response.status(Response.Status.CREATED).entity(receipt).header("Cache-Control", "no-store").build();
    }

    @GET
    @RolesAllowed("registrar")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "listObjections",
            summary = "The objections to one of your authority's notices, oldest first, with the objectors' contacts")
    @APIResponse(responseCode = "200", description = "The objections",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ObjectionView.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a registrar", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Your authority has no such notice", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Response list(@PathParam("id") long id) {
        List<ObjectionView> list = objections.list(caller.authority(), id);
        return Response.ok(list).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("{receiptNumber}/answer")
    @RolesAllowed("registrar")
    @SecurityRequirement(name = "bearer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "answerObjection",
            summary = "Record the investigation result and the written reply; UPHELD withdraws the entry")
    @APIResponse(responseCode = "200", description = "Answered", content = @Content(schema = @Schema(implementation = ObjectionView.class)))
    @APIResponse(responseCode = "400", description = "Not JSON, or an unknown field", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a registrar", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such notice of your authority, or no such objection",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already answered", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields, all named", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Response answer(@PathParam("id") long id, @PathParam("receiptNumber") String receiptNumber, AnswerRequest request) {
        ObjectionView answered = objections.answer(caller.authority(), caller.actor(), id, receiptNumber, request);
        return Response.ok(answered).header("Cache-Control", "no-store").build();
    }
}
