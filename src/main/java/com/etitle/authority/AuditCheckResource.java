package com.etitle.authority;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.etitle.audit.AuditChecker;
import com.etitle.audit.ChainCheck;
import com.etitle.common.Problem;

/**
 * Tamper-evidence of the audit record on demand. A POST, because each call is a new check of the chain as it
 * stands, not a read of something stored.
 */
@Path("/api/v1/audit-checks")
@RolesAllowed({"issuer", "registrar"})
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditCheckResource {

    private final AuditChecker checker;
    private final Caller caller;

    AuditCheckResource(AuditChecker checker, Caller caller) {
        this.checker = checker;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "checkAuditChain",
            summary = "Recompute every hash and link of the audit chain; names the first entry that fails")
    @APIResponse(responseCode = "200", description = "The verdict; a broken chain is a finding, not an error",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ChainCheck.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Neither issuer nor registrar, or no registered authority in the token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response check() {
        // like every authority-side call, only for a caller acting for a registered authority, and seen as it
        return Response.ok(checker.verifyChainFor(caller.authority().code)).header("Cache-Control", "no-store").build();
    }
}
