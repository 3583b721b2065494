package com.etitle.status;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.etitle.common.Problem;

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
    @Operation(operationId = "getStatusList",
            summary = "A signed BitstringStatusListCredential (id: <list>-revocation or <list>-suspension); cacheable for 60 s")
    @APIResponse(responseCode = "200", description = "The signed list, byte for byte as signed (W3C Bitstring Status List v1.0)",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)),
                    @Content(mediaType = "application/vc+ld+json", schema = @Schema(type = SchemaType.OBJECT))})
    @APIResponse(responseCode = "404", description = "No status list with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") String id) {
        return Response.ok(lists.signedList(id))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "public, max-age=" + StatusLists.CACHE_SECONDS)
                .build();
    }
}
