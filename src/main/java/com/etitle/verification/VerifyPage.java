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
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.etitle.authority.PublicIds;
import com.etitle.common.MultipartForm;
import com.etitle.common.PageLanguage;
import com.etitle.common.ProblemException;
import com.etitle.common.TooManyRequestsException;
import com.etitle.face.UploadedFaces;

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
        static native TemplateInstance page(Form form, Shown answer, Long retryAfterMinutes, List<String> missing, boolean fromFragment,
                String fileProblem);
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

        /** The same answer, shown as reached by another way of asking (a PDF file, which the service read the token from). */
        Shown by(String otherMethod) {
            return new Shown(result, status, tone, otherMethod, checkedAt, certificate, grant);
        }
    }

    /** What the person typed, shown again with the answer; never the verification code. */
    public record Form(String lang, String certificateNumber, String holderName, String token) {
    }

    /** The method the page names for a verification by uploaded PDF ({@code msg:methodName}). */
    static final String PDF_METHOD = "PDF";

    private final VerificationService verifications;
    private final UploadedFaces faces;

    VerifyPage(VerificationService verifications, UploadedFaces faces) {
        this.verifications = verifications;
        this.faces = faces;
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
        TemplateInstance page = Templates.page(new Form(PageLanguage.tag(locale), null, null, null), null, null, List.of(), false, null);
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
                return PageLanguage.html(Templates.page(form, null, null, missing, fromFragment, null), locale).status(422)
                        .header("Cache-Control", "no-store").build();
            }
            request = new VerificationRequest(null, null, number, name, code, null);
        }
        return answer(form, request, null, locale, http, fromFragment);
    }

    @POST
    @Path("pdf")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    @Operation(operationId = "submitVerifyPagePdf", summary = "The page's file form: the certificate's signed PDF, checked and verified;"
            + " answers the same page with the certificate's current status")
    @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = PdfForm.class)))
    @APIResponse(responseCode = "200", description = "The page with the certificate's current status",
            content = @Content(mediaType = "text/html;charset=utf-8", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "No file was chosen", content = @Content(mediaType = "text/html;charset=utf-8",
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "413", description = "The file is larger than any certificate PDF", content = @Content(
            mediaType = "text/html;charset=utf-8", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "415", description = "The file is not a PDF", content = @Content(mediaType = "text/html;charset=utf-8",
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "422", description = "Not a certificate PDF of this service, or altered since it was signed",
            content = @Content(mediaType = "text/html;charset=utf-8", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "429", description = "Too many verifications; the page says when to retry",
            content = @Content(mediaType = "text/html;charset=utf-8", schema = @Schema(type = SchemaType.STRING)))
    public Response submitPdf(@Parameter(description = "en or zh-CN; otherwise Accept-Language decides") @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body, @Context HttpHeaders headers,
            @Context HttpServerRequest http) {
        Locale locale = PageLanguage.of(lang, headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        Form form = new Form(PageLanguage.tag(locale), null, null, null);
        UploadedFaces.Reading reading = faces.read(MultipartForm.parse(contentType, body).bytes(PdfForm.FILE).orElse(null));
        if (reading.kind() != UploadedFaces.Kind.OURS) {
            return fileProblem(form, reading.kind(), locale);
        }
        VerificationRequest request = new VerificationRequest(null, PublicIds.tokenOf(reading.qr()), null, null, null, null);
        return answer(form, request, PDF_METHOD, locale, http, false);
    }

    /** The page's answer to a file that is not an unaltered certificate PDF of ours; the status says which way. */
    static Response fileProblem(Form form, UploadedFaces.Kind kind, Locale locale) {
        int status = switch (kind) {
            case EMPTY -> 400;
            case NOT_PDF -> 415;
            default -> 422;
        };
        return PageLanguage.html(Templates.page(form, null, null, List.of(), false, kind.name()), locale).status(status)
                .header("Cache-Control", "no-store").build();
    }

    /** The page for an over-large file, rendered before any of it is read. */
    static String tooLargePage(Locale locale) {
        return Templates.page(new Form(PageLanguage.tag(locale), null, null, null), null, null, List.of(), false, "TOO_LARGE")
                .setLocale(locale).render();
    }

    private Response answer(Form form, VerificationRequest request, String method, Locale locale, HttpServerRequest http, boolean fromFragment) {
        String client = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        try {
            Shown shown = Shown.of(verifications.verify(request, client));
            if (method != null) {
                shown = shown.by(method);
            }
            return PageLanguage.html(Templates.page(form, shown, null, List.of(), fromFragment, null), locale)
                    .header("Cache-Control", "no-store").build();
        } catch (TooManyRequestsException e) {
            long minutes = Math.max(1, (e.retryAfterSeconds() + 59) / 60);
            return PageLanguage.html(Templates.page(form, null, minutes, List.of(), fromFragment, null), locale).status(429)
                    .header("Retry-After", e.retryAfterSeconds()).header("Cache-Control", "no-store").build();
        } catch (ProblemException e) {
            // a value the verification refuses outright (a control character, a malformed form): as an unverifiable answer
            VerificationAnswer refused = new VerificationAnswer(Outcome.MALFORMED, false, null, List.of(), null, null, null, Instant.now());
            return PageLanguage.html(Templates.page(form, Shown.of(refused), null, List.of(), fromFragment, null), locale)
                    .header("Cache-Control", "no-store").build();
        }
    }

    /** The file form as the contract describes it. */
    @Schema(name = "VerifyPagePdfForm")
    public record PdfForm(@Schema(type = SchemaType.STRING, format = "binary", description = "The certificate's signed PDF, as downloaded")
            String pdf) {

        static final String FILE = "pdf";
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String blankToNull(String value) {
        return present(value) ? value.strip() : null;
    }
}
