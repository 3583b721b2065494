package com.etitle.holder;

import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.etitle.authority.PublicIds;
import com.etitle.common.Problem;
import com.etitle.face.QrCodes;

/** The holder's verification grants (加注) of one certificate: make, list, end. */
@Path(HolderResource.PATH + "/{number}/grants")
@RolesAllowed("holder")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Holder")
public class GrantResource {

    private final Grants grants;
    private final Holder holder;
    private final PublicIds ids;

    GrantResource(Grants grants, Holder holder, PublicIds ids) {
        this.grants = grants;
        this.holder = holder;
        this.ids = ids;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createVerificationGrant", summary = "Share the certificate with one verifier, for one purpose, for 1-90 days",
            description = "Answers the grant's code once (only its hash is kept), a share link and its QR code. A verifier sends"
                    + " the code to POST /api/v1/verifications as {\"grant\": code} and sees the certificate with your purpose and"
                    + " their name. At most etitle.grants.max-active (default 3) grants of a certificate are active at a time.")
    @APIResponse(responseCode = "201", description = "Made; the code, share link and QR are in this answer only",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = GrantView.class)))
    @APIResponse(responseCode = "404", description = "You hold no certificate with this number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already as many active grants as allowed (grant-limit), or the certificate is not valid (status-conflict)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Verifier name, purpose or validity days missing or out of bounds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response make(@PathParam("number") String number, GrantRequest request) {
        Grants.Made made = grants.make(holder, number, request);
        String shareUrl = ids.shareLink(made.code());
        GrantView view = GrantView.of(made.grant(), made.grant().createdAt)
                .withSecret(made.code(), shareUrl, "data:image/png;base64," + Base64.getEncoder().encodeToString(QrCodes.png(shareUrl)));
        return Response.created(URI.create(HolderResource.PATH + "/" + number + "/grants/" + made.grant().id))
                .entity(view).header("Cache-Control", HolderResource.NO_STORE).build();
    }

    @GET
    @Operation(operationId = "listVerificationGrants", summary = "The certificate's grants, newest first, active or not; never their codes")
    @APIResponse(responseCode = "200", description = "The grants",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = GrantView[].class)))
    @APIResponse(responseCode = "404", description = "You hold no certificate with this number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(@PathParam("number") String number) {
        Instant now = grants.now();
        List<GrantView> views = grants.list(holder, number).stream().map(g -> GrantView.of(g, now)).toList();
        return Response.ok(views).header("Cache-Control", HolderResource.NO_STORE).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "endVerificationGrant", summary = "End a grant now: its code stops verifying at once")
    @APIResponse(responseCode = "204", description = "Ended (or already ended or expired)")
    @APIResponse(responseCode = "404", description = "No such grant of a certificate you hold",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response end(@PathParam("number") String number, @PathParam("id") String id) {
        grants.end(holder, number, id);
        return Response.noContent().header("Cache-Control", HolderResource.NO_STORE).build();
    }
}
