package com.etitle.status;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The published W3C Bitstring Status Lists. */
@Path("/api/v1/status-lists/{id}")
@Tag(name = "Status")
public class StatusListResource {

    private final StatusLists lists;

    StatusListResource(StatusLists lists) {
        this.lists = lists;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "application/vc+ld+json"})
    @Operation(summary = "A signed BitstringStatusListCredential (id: <list>-revocation or <list>-suspension); cacheable for 60 s")
    public Response get(@PathParam("id") String id) {
        return Response.ok(lists.signedList(id))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "public, max-age=" + StatusLists.CACHE_SECONDS)
                .build();
    }
}
