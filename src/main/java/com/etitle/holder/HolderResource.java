package com.etitle.holder;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.etitle.common.Problem;
import com.etitle.face.CertificateFaces;
import com.etitle.face.Face;
import com.etitle.face.FaceForm;
import com.etitle.face.OfdFaces;


/**
 * The holder's own certificates, for the mobile app: the list with status, and each certificate's signed
 * credential, QR code and printable document. Nothing here is cacheable by intermediaries.
 */
@Path(HolderResource.PATH)
@RolesAllowed("holder")
@SecurityRequirement(name = "bearer")
@Tag(name = "Holder")
public class HolderResource {

    public static final String PATH = "/api/v1/me/certificates";
    public static final String NO_STORE = "no-store";
    /** The W3C Verifiable Credentials media type (VC Data Model 2.0 §6.3). */
    static final String VC = "application/vc";

    private final Holder holder;
    private final HolderCertificates certificates;
    private final CertificateFaces faces;
    private final FaceLimiter documentLimiter;

    HolderResource(Holder holder, HolderCertificates certificates, CertificateFaces faces, FaceLimiter documentLimiter) {
        this.holder = holder;
        this.certificates = certificates;
        this.faces = faces;
        this.documentLimiter = documentLimiter;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listMyCertificates",
            summary = "Your certificates, newest first, with their status; a voided one names its replacement")
    @APIResponse(responseCode = "200", description = "Every certificate issued to the ID number in your token",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = HeldCertificate[].class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a holder token, or no ID-number hash in it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list() {
        List<HeldCertificate> held = certificates.list(holder.idNumberHash());
        return Response.ok(held).header("Cache-Control", NO_STORE).build();
    }

    @GET
    @Path("{number}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getMyCertificate", summary = "One of your certificates; any other number answers 404")
    @APIResponse(responseCode = "200", description = "The certificate",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = HeldCertificate.class)))
    @APIResponse(responseCode = "404", description = "You hold no certificate with this number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("number") String number) {
        HeldCertificate view = certificates.get(holder.idNumberHash(), number);
        return Response.ok(view).header("Cache-Control", NO_STORE).build();
    }

    @GET
    @Path("{number}/credential")
    @Produces({VC, MediaType.APPLICATION_JSON})
    @Operation(operationId = "getMyCredential",
            summary = "The signed W3C Verifiable Credential of your certificate, byte for byte as issued or, after a key compromise, as re-signed")
    @APIResponse(responseCode = "200", description = "The credential with its Data Integrity proof",
            content = {@Content(mediaType = VC, schema = @Schema(type = SchemaType.OBJECT)),
                    @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT))})
    @APIResponse(responseCode = "404", description = "You hold no certificate with this number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response credential(@PathParam("number") String number) {
        return Response.ok(certificates.credential(holder.idNumberHash(), number)).header("Cache-Control", NO_STORE).build();
    }

    @GET
    @Path("{number}/qr")
    @Produces("image/png")
    @Operation(operationId = "getMyCertificateQr",
            summary = "A PNG QR code of your certificate, the one printed on its face: the verification page's link with the compact"
                    + " signed token in its fragment (<public url>/verify#token=…)",
            description = "Any phone camera opens the link and the page verifies at once. POST /api/v1/verifications takes the scanned"
                    + " link or the bare token as {\"token\": …}; offline verifiers read the token from the fragment and check it with"
                    + " the trust bundle.")
    @APIResponse(responseCode = "200", description = "The QR code", content = @Content(mediaType = "image/png"))
    @APIResponse(responseCode = "404", description = "You hold no certificate with this number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response qr(@PathParam("number") String number) {
        return Response.ok(certificates.qr(holder.idNumberHash(), number)).header("Cache-Control", NO_STORE).build();
    }

    @GET
    @Path("{number}/document")
    @Produces({"application/pdf", OfdFaces.MEDIA_TYPE})
    @Operation(operationId = "getMyCertificateFace",
            summary = "Your certificate's printable face: a one-page PDF signed (PAdES) by the issuing authority, or with"
                    + " Accept: application/ofd the OFD sealed with its electronic seal (GB/T 38540)",
            description = "Both show the QR code and the authority's seal; a certificate that is no longer valid is marked so on the page."
                    + " The PDF signature's ECDSA P-256 certificate chain is published at GET /api/v1/issuers/{code}/document-certificates,"
                    + " the seal's SM2 chain at GET /api/v1/issuers/{code}/seal-certificates. The PDF is the default; the answer varies"
                    + " with Accept.")
    @APIResponse(responseCode = "200", description = "The signed PDF or the sealed OFD",
            headers = @Header(name = "Vary", description = "Accept: the form follows it", schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = "application/pdf"), @Content(mediaType = OfdFaces.MEDIA_TYPE)})
    @APIResponse(responseCode = "404", description = "You hold no certificate with this number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "More documents than etitle.holder.documents.per-holder (default 20) a minute; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The authority's document-signing key or electronic seal is not available on this service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response face(@PathParam("number") String number, @Context HttpHeaders headers) {
        FaceForm form = FaceForm.preferred(headers.getAcceptableMediaTypes());
        // read in a short transaction; render and sign (about 10 ms) without holding a database connection
        Face face = certificates.face(holder.idNumberHash(), number);
        documentLimiter.acquire(holder.idNumberHash());
        return Response.ok(faces.render(face, form), form.mediaType())
                .header("Cache-Control", NO_STORE)
                .header("Vary", "Accept")
                .header("Content-Disposition", "inline; filename=\"" + face.number() + "." + form.extension() + "\"")
                .build();
    }
}
