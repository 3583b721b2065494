package com.etitle.authority;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
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
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;

/** Public keys of the issuing authorities, and key rotation for an authority's own issuers. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Issuers")
public class IssuerResource {

    /** Verifiers may cache keys briefly; a compromise is visible to them within this time. */
    private static final String KEY_CACHE = "public, max-age=300";

    private final AuthorityService authorities;
    private final Caller caller;

    IssuerResource(AuthorityService authorities, Caller caller) {
        this.authorities = authorities;
        this.caller = caller;
    }

    @GET
    @Path(".well-known/jwks.json")
    @Operation(operationId = "getJwks", summary = "Every public key that still verifies, as a JWK Set with kid")
    @APIResponse(responseCode = "200", description = "A JWK Set (RFC 7517): each key with kid, kty, crv, x (and y for SM2), alg and use",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "JwkSet")))
    public Response jwks() {
        return Response.ok(Map.of("keys", authorities.verifiableJwks())).header("Cache-Control", KEY_CACHE).build();
    }

    @GET
    @Path("api/v1/issuers")
    @Operation(operationId = "listIssuers", summary = "The issuing authorities and all their key versions")
    @APIResponse(responseCode = "200", description = "Authorities",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IssuerView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    public Response list() {
        return Response.ok(authorities.list()).header("Cache-Control", KEY_CACHE).build();
    }

    @GET
    @Path("api/v1/issuers/{code}")
    @Operation(operationId = "getIssuer", summary = "One authority: name, region, every key version with its status;"
            + " also the controller document of proofs made before the DIDs")
    @APIResponse(responseCode = "200", description = "The authority document",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IssuerView.class)))
    public Response get(@PathParam("code") String code) {
        return Response.ok(authorities.get(code)).header("Cache-Control", KEY_CACHE).build();
    }

    @GET
    @Path("issuers/{code}/" + PublicIds.DID_DOCUMENT_FILE)
    @Produces({MediaType.APPLICATION_JSON, "application/did+json", "application/did+ld+json"})
    @Operation(operationId = "getDidDocument", summary = "The DID document of an authority's did:web DID, where did:web resolution looks for it")
    @APIResponse(responseCode = "200", description = "The DID document",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DidDocument.class)))
    public Response did(@PathParam("code") String code) {
        return Response.ok(authorities.didDocument(code)).header("Cache-Control", KEY_CACHE).build();
    }

    @POST
    @Path("api/v1/issuers/{code}/keys")
    @RolesAllowed("issuer")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "rotateIssuerKey", summary = "Rotate: create the next key version of your own authority")
    @APIResponse(responseCode = "201", description = "The new key version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IssuerView.KeyView.class)))
    public Response rotate(@PathParam("code") String code) {
        IssuerView.KeyView key = authorities.rotate(own(code), caller.actor());
        return Response.status(Response.Status.CREATED).entity(key).build();
    }

    @POST
    @Path("api/v1/issuers/{code}/keys/{kid}/compromise")
    @RolesAllowed("issuer")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "compromiseIssuerKey",
            summary = "Mark a key version of your own authority compromised; it stops verifying at once")
    @APIResponse(responseCode = "200", description = "The key version, now COMPROMISED",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IssuerView.KeyView.class)))
    @APIResponse(responseCode = "404", description = "Your authority has no key with this kid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public IssuerView.KeyView compromise(@PathParam("code") String code, @PathParam("kid") String kid) {
        return authorities.compromise(own(code), kid, caller.actor());
    }

    private Authority own(String code) {
        Authority authority = caller.authority();
        if (!authority.code.equals(code)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "detail.key.not-yours");
        }
        return authority;
    }

}
