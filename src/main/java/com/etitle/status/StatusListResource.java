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

import com.etitle.authority.PublicIds;
import com.etitle.common.Problem;

/**
 * The published status lists, three views of the same bits: {@code <list>/<purpose>} is the W3C Bitstring Status
 * List credential that credentials name; {@code <list>} is the IETF Token Status List of both purposes that compact
 * tokens name; {@code <list>-<purpose>} is the W3C list where credentials issued before the DIDs find it.
 */
@Path(PublicIds.STATUS_LISTS_PATH)
@Tag(name = "Status")
public class StatusListResource {

    static final String TOKEN_STATUS_LIST = "application/statuslist+jwt";
    private static final String CACHE = "public, max-age=" + StatusLists.CACHE_SECONDS;

    private final StatusLists lists;

    StatusListResource(StatusLists lists) {
        this.lists = lists;
    }

    @GET
    @Path("{list}/{purpose}")
    @Produces({MediaType.APPLICATION_JSON, "application/vc+ld+json"})
    @Operation(operationId = "getStatusListCredential",
            summary = "A signed BitstringStatusListCredential (purpose revocation or suspension); cacheable for 60 s")
    @APIResponse(responseCode = "200", description = "The status list credential", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "BitstringStatusListCredential with a Data Integrity proof")))
    public Response list(@PathParam("list") String list, @PathParam("purpose") String purpose) {
        return Response.ok(lists.signedList(list, purpose)).type(MediaType.APPLICATION_JSON).header("Cache-Control", CACHE).build();
    }

    @GET
    @Path("{id}")
    @Produces({MediaType.APPLICATION_JSON, "application/vc+ld+json", TOKEN_STATUS_LIST})
    @Operation(operationId = "getStatusList", summary = "<list>: the Token Status List (statuslist+jwt, 2 bits a certificate: 0 valid, 1 revoked or voided,"
            + " 2 suspended); <list>-<purpose>: the BitstringStatusListCredential as credentials issued before the DIDs"
            + " name it (issuer: the authority document URL); cacheable for 60 s")
    @APIResponse(responseCode = "200", description = "The status list", content = {
            @Content(mediaType = TOKEN_STATUS_LIST, schema = @Schema(type = SchemaType.STRING, description = "compact JWS")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "BitstringStatusListCredential with a Data Integrity proof"))})
    @APIResponse(responseCode = "404", description = "No status list with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response tokenListOrNamedAsBefore(@PathParam("id") String id) {
        boolean tokenList = id.indexOf('-') < 0;
        return Response.ok(tokenList ? lists.signedTokenList(id) : lists.signedListNamedAsBefore(id))
                .type(tokenList ? TOKEN_STATUS_LIST : MediaType.APPLICATION_JSON)
                .header("Cache-Control", CACHE)
                .build();
    }
}
