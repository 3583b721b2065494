package com.etitle.verification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.etitle.common.PageLanguage;
import com.etitle.common.ProblemException;
import com.etitle.common.TooManyRequestsException;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

/**
 * The employer's verification page (seed 000: 全流程实现网上办理): a server-rendered form that works without
 * JavaScript — number + name + code, or a pasted QR token — answered on the same page in words a clerk understands,
 * with what to do next; in Chinese, or English by the browser's preference or the visible switch. Share links
 * ({@code #grant=}) and QR links ({@code #token=}) carry their secret in the fragment, which the browser never
 * sends; the page's script ({@code /verify.js}) posts it through this same form.
 */
@Path("/verify")
@Tag(name = "Verification")
public class VerifyPage {

    private static final DateTimeFormatter CHECKED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(Form form, Shown answer, Long retryAfterMinutes, List<String> missing, boolean fromFragment);
    }

    /**
     * An answer as the page shows it: the result and status name the words ({@code msg:verdict}), the tone its colour
     * (valid, invalid, unknown); certificate and grant are null when the answer has none.
     */
    public record Shown(String result, String status, String tone, String method, String checkedAt, VerificationAnswer.Subject certificate,
            VerificationAnswer.Grant grant) {

        static Shown of(VerificationAnswer a) {
            String status = a.certificate() == null ? "" : a.certificate().status().name();
            String tone = a.valid() ? "valid" : a.result() == Outcome.CERTIFICATE_NOT_VALID ? "invalid" : "unknown";
            return new Shown(a.result().name(), status, tone, a.method() == null ? "" : a.method().name(), CHECKED_AT.format(a.checkedAt()),
                    a.certificate(), a.grant());
        }
    }

    /** What the person typed, shown again with the answer; never the verification code. */
    public record Form(String lang, String certificateNumber, String holderName, String token) {
    }

    private final VerificationService verifications;

    VerifyPage(VerificationService verifications) {
        this.verifications = verifications;
    }

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    @Operation(operationId = "getVerifyPage", summary = "The verification page for people: number + name + code, or a QR token;"
            + " also opens share links (#grant=) and QR links (#token=)")
    @APIResponse(responseCode = "200", description = "The HTML page (zh-CN; en by Accept-Language or lang=en)",
            content = @Content(mediaType = "text/html;charset=utf-8", schema = @Schema(type = SchemaType.STRING)))
    public Response page(@Parameter(description = "en or zh-CN; otherwise Accept-Language decides") @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        Locale locale = PageLanguage.of(lang, headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        TemplateInstance page = Templates.page(new Form(PageLanguage.tag(locale), null, null, null), null, null, List.of(), false);
        return PageLanguage.html(page, locale).header("Cache-Control", "public, max-age=300").build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    @Operation(operationId = "submitVerifyPage", summary = "The page's form: verifies and answers the same page with the result")
    @APIResponse(responseCode = "200", description = "The page with the result, or with what is missing",
            content = @Content(mediaType = "text/html;charset=utf-8", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "422", description = "Number + name + code with a part missing: the page marks what to fill in",
            content = @Content(mediaType = "text/html;charset=utf-8", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "429", description = "Too many failed number + name + code verifications; the page says when to retry",
            content = @Content(mediaType = "text/html;charset=utf-8", schema = @Schema(type = SchemaType.STRING)))
    public Response submit(@FormParam("lang") String lang, @FormParam("certificateNumber") String number,
            @FormParam("holderName") String name, @FormParam("verificationCode") String code, @FormParam("token") String token,
            @FormParam("grant") String grant, @FormParam("fragment") String fragment,
            @Context HttpHeaders headers, @Context HttpServerRequest http) {
        Locale locale = PageLanguage.of(lang, headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        boolean fromFragment = fragment != null;
        // what came from a link's fragment was not typed here, and is not shown back
        Form form = new Form(PageLanguage.tag(locale), blankToNull(number), blankToNull(name), fromFragment ? null : blankToNull(token));
        VerificationRequest request;
        if (present(grant)) {
            request = new VerificationRequest(null, null, null, null, null, grant.strip());
        } else if (present(token)) {
            request = new VerificationRequest(null, token.strip(), null, null, null, null);
        } else {
            List<String> missing = new ArrayList<>();
            if (!present(number)) {
                missing.add("certificateNumber");
            }
            if (!present(name)) {
                missing.add("holderName");
            }
            if (!present(code)) {
                missing.add("verificationCode");
            }
            if (!missing.isEmpty()) {
                return PageLanguage.html(Templates.page(form, null, null, missing, fromFragment), locale).status(422)
                        .header("Cache-Control", "no-store").build();
            }
            request = new VerificationRequest(null, null, number, name, code, null);
        }
        String client = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        try {
            VerificationAnswer answer = verifications.verify(request, client);
            return PageLanguage.html(Templates.page(form, Shown.of(answer), null, List.of(), fromFragment), locale)
                    .header("Cache-Control", "no-store").build();
        } catch (TooManyRequestsException e) {
            long minutes = Math.max(1, (e.retryAfterSeconds() + 59) / 60);
            return PageLanguage.html(Templates.page(form, null, minutes, List.of(), fromFragment), locale).status(429)
                    .header("Retry-After", e.retryAfterSeconds()).header("Cache-Control", "no-store").build();
        } catch (ProblemException e) {
            // a value the verification refuses outright (a control character, a malformed form): as an unverifiable answer
            VerificationAnswer refused = new VerificationAnswer(Outcome.MALFORMED, false, null, List.of(), null, null, null, Instant.now());
            return PageLanguage.html(Templates.page(form, Shown.of(refused), null, List.of(), fromFragment), locale)
                    .header("Cache-Control", "no-store").build();
        }
    }


    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String blankToNull(String value) {
        return present(value) ? value.strip() : null;
    }
}
