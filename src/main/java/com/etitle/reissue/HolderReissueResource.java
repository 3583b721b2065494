package com.etitle.reissue;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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

import com.etitle.common.Problem;
import com.etitle.holder.Holder;
import com.etitle.holder.HolderResource;

/**
 * The holder applies online to replace their own lost or damaged certificate (seed 000: 全流程实现网上办理; seed 001
 * §七(三): only the 申领表) and follows the application; once approved, the replacement is in their certificate list.
 */
@Path(HolderResource.PATH + "/{number}/reissue-applications")
@RolesAllowed("holder")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Holder")
public class HolderReissueResource {

    private final ReissueService reissues;
    private final Holder holder;

    HolderReissueResource(ReissueService reissues, Holder holder) {
        this.reissues = reissues;
        this.holder = holder;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "applyForMyReissue",
            summary = "Apply to replace your lost or damaged certificate: the reason, your declaration and how to reach you;"
                    + " no unit letter, no newspaper notice")
    @APIResponse(responseCode = "201", description = "Filed, PENDING; the authority's issuers decide it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReissueApplicationView.class)))
    @APIResponse(responseCode = "400", description = "Not JSON, or an unknown field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "You hold no certificate with this number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The certificate is not VALID, or an application for it is still open",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid fields, all named in invalid-params",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response apply(@PathParam("number") String number, HolderReissueRequest request) {
        ReissueApplicationView filed = reissues.applyAsHolder(holder, number, request);
        return Response.created(URI.create(HolderResource.PATH + "/" + number + "/reissue-applications")).entity(filed)
                .header("Cache-Control", HolderResource.NO_STORE).build();
    }

    @GET
    @Operation(operationId = "listMyReissueApplications",
            summary = "Your applications for this certificate, newest first, with their state and, once approved, the replacement's number")
    @APIResponse(responseCode = "200", description = "The applications",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReissueApplicationView[].class)))
    @APIResponse(responseCode = "404", description = "You hold no certificate with this number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(@PathParam("number") String number) {
        List<ReissueApplicationView> mine = reissues.listForHolder(holder, number);
        return Response.ok(mine).header("Cache-Control", HolderResource.NO_STORE).build();
    }
}
