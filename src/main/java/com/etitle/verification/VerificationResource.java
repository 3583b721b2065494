package com.etitle.verification;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.etitle.common.Problem;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;

/** Public verification, for employers, apps and anyone holding a certificate to check. */
@Path("/api/v1/verifications")
@Tag(name = "Verification")
public class VerificationResource {

    private final VerificationService verifications;

    VerificationResource(VerificationService verifications) {
        this.verifications = verifications;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyCertificate",
            summary = "Verify a credential, a token, or a certificate number with holder name and verification code")
    @APIResponse(responseCode = "200", description = "The answer; `valid` is true only for result VALID",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VerificationAnswer.class)))
    @APIResponse(responseCode = "400", description = "Not JSON, duplicate member names, or wrong field types",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body over 64 KiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Not exactly one form, or a part of number + name + code missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many failed number + name + code verifications of this number or from"
            + " this address, or failed grant look-ups from this address; signed forms (credential, token) and working grants are not braked",
            headers = @Header(name = "Retry-After", description = "Seconds", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> verify(@Context HttpServerRequest http, VerificationRequest request) {
        // the connection's address; behind a proxy, Quarkus' proxy-address-forwarding (trusted proxies only) puts the client's here
        String client = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        // on the event loop when nothing has to wait (most verifications), else on a worker thread
        return verifications.verifyWithoutBlocking(request, client)
                .orElseGet(() -> Uni.createFrom().item(() -> verifications.verify(request, client))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .map(answer -> Response.ok(answer).header("Cache-Control", "no-store").build());
    }
}
