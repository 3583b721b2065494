package com.etitle.common;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Path("{name: [a-z-]+/v[0-9]+}")
    @Produces({"application/ld+json", "application/json"})
    @Operation(summary = "A JSON-LD context of ours: professional-title/v1 (credentials), authority/v1, void-notice/v1")
    public Response context(@PathParam("name") String name) {
        return contexts.stream().filter(c -> c.name().equals(name)).findFirst()
                .map(c -> Response.ok(c.document()).header("Cache-Control", CACHE).build())
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No JSON-LD context with this name"));
    }
}
