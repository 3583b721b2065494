package com.etitle.common;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The JSON-LD contexts our signed documents name, so that their terms resolve. */
@Path("/ns")
@Tag(name = "Credentials")
public class ContextResource {

    /** A context never changes once published (a new one gets a new version), so verifiers may keep it a day. */
    private static final String CACHE = "public, max-age=86400";

    private final Instance<JsonLdContext> contexts;

    ContextResource(Instance<JsonLdContext> contexts) {
        this.contexts = contexts;
    }

    @GET
    @Path("{name}/{version}")
    @Produces({"application/ld+json", "application/json"})
    @Operation(operationId = "getJsonLdContext",
            summary = "A JSON-LD context of ours: professional-title/v1 (credentials), authority/v1, void-notice/v1")
    @APIResponse(responseCode = "200", description = "A JSON-LD 1.1 context document: one @context object of term definitions",
            content = {@Content(mediaType = "application/ld+json", schema = @Schema(type = SchemaType.OBJECT)),
                    @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.OBJECT))})
    @APIResponse(responseCode = "404", description = "No JSON-LD context with this name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response context(@Parameter(description = "The context's name", example = "professional-title") @PathParam("name") String name,
            @Parameter(description = "Its version", example = "v1") @PathParam("version") String version) {
        String path = "/ns/" + name + "/" + version;
        return contexts.stream().filter(c -> c.path().equals(path)).findFirst()
                .map(c -> Response.ok(c.document()).header("Cache-Control", CACHE).build())
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "detail.context.unknown"));
    }
}
