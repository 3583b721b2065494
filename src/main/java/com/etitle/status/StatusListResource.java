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

/**
 * The published status lists. {@code <list>-revocation} and {@code <list>-suspension} are the W3C Bitstring Status
 * List credentials that credentials name; the bare {@code <list>} is the IETF Token Status List of both, which
 * compact tokens name.
 */
@Path(PublicIds.STATUS_LISTS_PATH + "/{id}")
@Tag(name = "Status")
public class StatusListResource {

    static final String TOKEN_STATUS_LIST = "application/statuslist+jwt";

    private final StatusLists lists;

    StatusListResource(StatusLists lists) {
        this.lists = lists;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "application/vc+ld+json", TOKEN_STATUS_LIST})
    @Operation(summary = "A signed status list, cacheable for 60 s: <list>-revocation or <list>-suspension is a"
            + " BitstringStatusListCredential; <list> alone is a Token Status List (statuslist+jwt, 2 bits a certificate:"
            + " 0 valid, 1 revoked or voided, 2 suspended)")
    @APIResponse(responseCode = "200", description = "The status list", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "BitstringStatusListCredential with a Data Integrity proof")),
            @Content(mediaType = TOKEN_STATUS_LIST, schema = @Schema(type = SchemaType.STRING, description = "compact JWS"))})
    public Response get(@PathParam("id") String id) {
        boolean tokenList = !id.isEmpty() && id.chars().allMatch(c -> c >= '0' && c <= '9');
        return Response.ok(tokenList ? lists.signedTokenList(id) : lists.signedList(id))
                .type(tokenList ? TOKEN_STATUS_LIST : MediaType.APPLICATION_JSON)
                .header("Cache-Control", "public, max-age=" + StatusLists.CACHE_SECONDS)
                .build();
    }
}
