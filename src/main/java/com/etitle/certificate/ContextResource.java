package com.etitle.certificate;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.etitle.authority.PublicIds;

/** The JSON-LD context our credentials name, so that their terms resolve. */
@Path(PublicIds.CONTEXT_PATH)
@Tag(name = "Credentials")
public class ContextResource {

    private final CredentialFactory credentials;

    ContextResource(CredentialFactory credentials) {
        this.credentials = credentials;
    }

    @GET
    @Produces({"application/ld+json", "application/json"})
    @Operation(operationId = "getCredentialContext", summary = "JSON-LD context of ProfessionalTitleCredential")
    @APIResponse(responseCode = "200", description = "A JSON-LD 1.1 context document: one @context object of term definitions",
            content = {@Content(mediaType = "application/ld+json", schema = @Schema(type = SchemaType.OBJECT)),
                    @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT))})
    public Response context() {
        Map<String, Object> context = credentials.jsonLdContext();
        return Response.ok(context).header("Cache-Control", "public, max-age=86400").build();
    }
}
