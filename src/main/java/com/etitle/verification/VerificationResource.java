package com.etitle.verification;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;
import com.etitle.face.UploadedFaces;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;

/** Public verification, for employers, apps and anyone holding a certificate to check. */
@Path("/api/v1/verifications")
@Tag(name = "Verification")
public class VerificationResource {

    /** The media type of an OFD file (GB/T 33190). */
    public static final String OFD = "application/ofd";

    private final VerificationService verifications;
    private final UploadedFaces faces;

    VerificationResource(VerificationService verifications, UploadedFaces faces) {
        this.verifications = verifications;
        this.faces = faces;
    }

    @POST
    @Consumes({"application/pdf", OFD})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyCertificateFace",
            summary = "Verify a certificate face file: the signed PDF or the sealed OFD, sent as the body with its own media type")
    @APIResponse(responseCode = "200", description = "The file's signature or seal is the authority's and unaltered; the answer is the"
            + " certificate's current status, read from the token in the file's QR code (method TOKEN)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VerificationAnswer.class)))
    @APIResponse(responseCode = "413", description = "File over 512 KiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Empty, not a PDF or OFD, not a face of this service, changed since it was signed or"
            + " sealed, or its QR code unreadable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> verifyFace(@Context HttpServerRequest http, @Context HttpHeaders headers, byte[] file) {
        answersJson(headers);
        String client = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        // checking a signature and reading a QR code is CPU work: on a worker thread, never the event loop
        return Uni.createFrom().item(() -> {
            UploadedFaces.Reading reading = faces.read(file);
            String refusal = switch (reading.kind()) {
                case OURS -> null;
                case EMPTY -> "detail.face.empty";
                case NOT_PDF -> "detail.face.not-a-face";
                case NOT_OURS -> "detail.face.not-ours";
                case ALTERED -> "detail.face.altered";
                case NO_CODE -> "detail.face.no-code";
            };
            if (refusal != null) {
                throw new ProblemException(ProblemType.FACE_NOT_VERIFIABLE, refusal);
            }
            return verifications.verify(new VerificationRequest(null, reading.qr(), null, null, null, null), client);
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(answer -> Response.ok(answer).header("Cache-Control", "no-store").build());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyCertificate",
            summary = "Verify a credential, a token, a certificate number with holder name and verification code (JSON), or a certificate face"
                    + " file: the signed PDF (application/pdf) or the sealed OFD (application/ofd) as the body")
    @APIResponse(responseCode = "200", description = "The answer; `valid` is true only for result VALID",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VerificationAnswer.class)))
    @APIResponse(responseCode = "400", description = "Not JSON, duplicate member names, or wrong field types",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body over 64 KiB (a PDF or OFD face: 512 KiB)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Not exactly one form, or a part of number + name + code missing; for a face file:"
            + " empty, not a PDF or OFD, not a face of this service, changed since it was signed or sealed, or its QR code unreadable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many failed number + name + code verifications of this number or from"
            + " this address, or failed grant look-ups from this address; signed forms (credential, token) and working grants are not braked",
            headers = @Header(name = "Retry-After", description = "Seconds", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> verify(@Context HttpServerRequest http, @Context HttpHeaders headers, VerificationRequest request) {
        answersJson(headers);
        // the connection's address; behind a proxy, Quarkus' proxy-address-forwarding (trusted proxies only) puts the client's here
        String client = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        // on the event loop when nothing has to wait (most verifications), else on a worker thread
        return verifications.verifyWithoutBlocking(request, client)
                .orElseGet(() -> Uni.createFrom().item(() -> verifications.verify(request, client))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .map(answer -> Response.ok(answer).header("Cache-Control", "no-store").build());
    }

    /**
     * 406 unless the caller takes JSON. With two methods on this path (a JSON body, a face file) the framework picks
     * one by the body's type and no longer refuses an Accept it cannot answer, so this does.
     */
    private static void answersJson(HttpHeaders headers) {
        if (headers.getAcceptableMediaTypes().stream().noneMatch(type -> type.isCompatible(MediaType.APPLICATION_JSON_TYPE))) {
            throw new ProblemException(ProblemType.NOT_ACCEPTABLE, "detail.answers-json");
        }
    }
}
