package com.etitle.face;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.etitle.common.Problem;

/**
 * The certificate chain that signs an authority's PDF documents, published beside its credential keys. PDF
 * readers cannot check Ed25519 or SM2, so the documents are signed with a separate ECDSA P-256 chain; relying
 * parties trust it by fetching its root from here, over the same channel as the JWKS, and adding it to their
 * reader's trusted certificates.
 */
@Path("/api/v1/issuers/{code}/document-certificates")
@Tag(name = "Issuers")
public class FaceSigningChainResource {

    public static final String PEM_CHAIN = "application/pem-certificate-chain";

    private final CertificateFaces faces;

    FaceSigningChainResource(CertificateFaces faces) {
        this.faces = faces;
    }

    @GET
    @Produces({PEM_CHAIN, Problem.MEDIA_TYPE})
    @Operation(operationId = "getFaceSigningChain",
            summary = "The authority's PDF document-signing certificate chain (ECDSA P-256), leaf first, as PEM")
    @APIResponse(responseCode = "200", description = "PEM chain: the signing certificate, then the authority's document-signing root",
            content = @Content(mediaType = PEM_CHAIN, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No issuing authority with this code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "This service holds no document-signing key for the authority",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response chain(@PathParam("code") String code) {
        return Response.ok(faces.signingChainPem(code), PEM_CHAIN).header("Cache-Control", "public, max-age=300").build();
    }
}
