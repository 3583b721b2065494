package com.etitle.certificate;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Operation(summary = "JSON-LD context of ProfessionalTitleCredential")
    public Response context() {
        Map<String, Object> context = credentials.jsonLdContext();
        return Response.ok(context).header("Cache-Control", "public, max-age=86400").build();
    }
}
