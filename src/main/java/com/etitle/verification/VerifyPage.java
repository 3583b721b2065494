package com.etitle.verification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The page a holder's share link opens ({@code /verify#grant=CODE}). The code is in the fragment, so it never
 * reaches a server or its access log; the page's script ({@code /verify.js}, served from the jar) posts it to the
 * verification API and shows the answer. Its security headers (no inline script, no framing) are set by
 * {@code common.PageHeaders}, like those of every HTML answer.
 */
@Path("/verify")
@Tag(name = "Verification")
public class VerifyPage {

    private static final String PAGE = read();

    @GET
    @Produces("text/html;charset=utf-8")
    @Operation(operationId = "getVerifyPage", summary = "The share-link page: verifies the grant code in the URL fragment in the browser")
    @APIResponse(responseCode = "200", description = "The HTML page; its script calls POST /api/v1/verifications",
            content = @Content(mediaType = "text/html;charset=utf-8", schema = @Schema(type = SchemaType.STRING)))
    public Response page() {
        return Response.ok(PAGE)
                .header("Cache-Control", "public, max-age=300")
                .build();
    }

    private static String read() {
        try (InputStream in = VerifyPage.class.getResourceAsStream("/pages/verify.html")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
