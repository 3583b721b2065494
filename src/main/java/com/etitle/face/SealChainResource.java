package com.etitle.face;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.etitle.common.Problem;

/**
 * The certificate chain of the SM2 key that seals an authority's OFD faces (GB/T 38540), published beside its
 * credential keys and its PDF document-signing chain: relying parties trust the seals by the seal root fetched here.
 */
@Path("/api/v1/issuers/{code}/seal-certificates")
@Tag(name = "Issuers")
public class SealChainResource {

    private final CertificateFaces faces;

    SealChainResource(CertificateFaces faces) {
        this.faces = faces;
    }

    @GET
    @Produces({FaceSigningChainResource.PEM_CHAIN, Problem.MEDIA_TYPE})
    @Operation(operationId = "getSealChain",
            summary = "The certificate chain of the authority's electronic seal (SM2, GB/T 38540), leaf first, as PEM")
    @APIResponse(responseCode = "200", description = "PEM chain: the seal signing certificate, then the authority's seal root",
            content = @Content(mediaType = FaceSigningChainResource.PEM_CHAIN, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No issuing authority with this code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "This service holds no electronic seal for the authority",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response chain(@PathParam("code") String code) {
        return Response.ok(faces.sealChainPem(code), FaceSigningChainResource.PEM_CHAIN).header("Cache-Control", "public, max-age=300").build();
    }
}
