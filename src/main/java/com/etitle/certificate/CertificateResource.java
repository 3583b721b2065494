package com.etitle.certificate;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.etitle.authority.Caller;
import com.etitle.common.Invalid;
import com.etitle.common.Problem;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;

/** Issuance and the issuing authority's own view of its certificates. */
@Path("/api/v1/certificates")
@RolesAllowed("issuer")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Certificates")
public class CertificateResource {

    private static final String NO_STORE = "no-store";

    private final CertificateService certificates;
    private final Caller caller;

    CertificateResource(CertificateService certificates, Caller caller) {
        this.certificates = certificates;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "issueCertificate", summary = "Issue a signed e-certificate for your authority")
    @APIResponse(responseCode = "201", description = "Issued",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CertificateView.class)))
    @APIResponse(responseCode = "200", description = "Replay of an earlier request with the same Idempotency-Key and body",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CertificateView.class)))
    @APIResponse(responseCode = "400", description = "Not JSON, or an unknown field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an issuer, or no registered authority in the token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields (all named in invalid-params), or an Idempotency-Key reused with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response issue(
            @Parameter(description = "Retrying with the same key and body returns the same certificate; up to 128 printable ASCII characters")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            IssueRequest request) {
        if (idempotencyKey != null && !idempotencyKey.matches("[\\x21-\\x7e]{1,128}")) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED,
                    java.util.List.of(Invalid.of("Idempotency-Key", "reason.idempotency-key.form")), "detail.idempotency-key.form");
        }
        CertificateService.Issued issued = certificates.issue(caller, idempotencyKey, request);
        Response.ResponseBuilder answer = issued.replayed()
                ? Response.ok().header("Idempotent-Replayed", "true")
                : Response.created(URI.create("/api/v1/certificates/" + issued.certificate().number()));
        return answer.entity(issued.certificate()).header("Cache-Control", NO_STORE).build();
    }

    @GET
    @Path("{number}")
    @Operation(operationId = "getCertificate",
            summary = "One of your authority's certificates with its signed forms; another authority's number answers 404")
    @APIResponse(responseCode = "200", description = "The certificate",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CertificateView.class)))
    @APIResponse(responseCode = "404", description = "No certificate of your authority with this number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("number") String number) {
        return Response.ok(certificates.get(caller.authority(), number)).header("Cache-Control", NO_STORE).build();
    }
}
