package com.etitle.common;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Writes into the OpenAPI contract the answers every operation shares, so that a resource annotates only what is its
 * own. Each rule mirrors code that answers whatever the resource does: {@link ProblemMapper} (400 for unreadable JSON,
 * 401, 403, 404, 415, 500, and 503 when the database is unavailable, on every operation that uses it), {@link ParameterGate}
 * (400 for a path parameter or header), {@link BodyLimit} (411, 413) and the bearer-token check. An answer a resource documents
 * itself is kept as it is, with its more precise description.
 *
 * <p>Security: an operation with no security requirement (neither its resource's {@code @SecurityRequirement} nor the
 * one Quarkus adds for {@code @RolesAllowed}) is public and is marked {@code security: []}, so that generators and
 * linters see "no token" as a decision rather than an omission; the contract test holds this to {@code @RolesAllowed}. 406 (an {@code Accept} the operation cannot answer) and 405 are left out: they answer a
 * request for something the operation does not offer, not a use of it.
 */
public class OpenApiConventions implements OASFilter {

    static final String CONTENT_LANGUAGE = "Content-Language";
    private static final String CONTENT_LANGUAGE_HEADER = "ContentLanguage";
    private static final String REQUEST_ID_HEADER = "RequestId";

    /** Operations answered from the jar alone, which keep working while the database is away: no 503 for them. */
    static final Set<String> WITHOUT_DATABASE = Set.of("getJsonLdContext", "getVerifyPage");

    /** Named answers in components/responses, referenced by every operation they apply to. */
    enum Shared {
        MALFORMED_REQUEST("MalformedRequest", "400",
                "The body is not JSON, has a duplicate member name, trailing data, a field of the wrong JSON type, a string with a"
                        + " control character or an unknown field (malformed-request; a field at fault is named in invalid-params);"
                        + " or a path parameter or header holds a control character (invalid-parameter)"),
        INVALID_QUERY("InvalidQuery", "400", "A query parameter is invalid (invalid-query, the parameter named in invalid-params);"
                + " or a path parameter or header holds a control character (invalid-parameter)"),
        INVALID_PARAMETER("InvalidParameter", "400", "A path parameter or header holds a control character, or an Idempotency-Key"
                + " is empty (invalid-parameter, the parameter named in invalid-params)"),
        UNAUTHENTICATED("Unauthenticated", "401", "Missing, expired or invalid bearer token (unauthenticated); see WWW-Authenticate"),
        FORBIDDEN("Forbidden", "403", "The token's role does not allow this operation, or it names no authority registered here (forbidden)"),
        NOT_FOUND("NotFound", "404", "Nothing matches the path parameters (not-found)"),
        LENGTH_REQUIRED("LengthRequired", "411", "A chunked body without Content-Length (length-required)"),
        PAYLOAD_TOO_LARGE("PayloadTooLarge", "413", "The body is over " + BodyLimit.MAX_BYTES / 1024 + " KiB ("
                + BodyLimit.NOTICE_MAX_BYTES / 1024 / 1024 + " MiB when opening a publicity notice) (payload-too-large)"),
        UNSUPPORTED_MEDIA_TYPE("UnsupportedMediaType", "415", "The body is not sent as application/json (unsupported-media-type)"),
        INTERNAL_ERROR("InternalError", "500", "The service could not complete the request (internal-error); nothing was changed,"
                + " and the details are in the service's log, never in the answer"),
        DATABASE_UNAVAILABLE("DatabaseUnavailable", "503", "The service's database is unreachable, did not answer within its timeouts"
                + " or is out of resources such as disk (database-unavailable); nothing was changed: retry after Retry-After seconds");

        final String name;
        final String status;
        final String description;

        Shared(String name, String status, String description) {
            this.name = name;
            this.status = status;
            this.description = description;
        }
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Set<Shared> used = EnumSet.noneOf(Shared.class);
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> complete(item, op, used)));
        }
        // only the answers some operation refers to: an unused component would be a lint finding, and say nothing
        Components components = openAPI.getComponents();
        components.addHeader(CONTENT_LANGUAGE_HEADER, contentLanguageHeader());
        components.addHeader(REQUEST_ID_HEADER, requestIdHeader());
        for (Shared shared : used) {
            APIResponse answer = problem(shared.description);
            if (shared == Shared.UNAUTHENTICATED) {
                answer.addHeader("WWW-Authenticate", header(SchemaType.STRING, "Bearer: the authentication scheme to use"));
            }
            if (shared == Shared.DATABASE_UNAVAILABLE) {
                answer.addHeader("Retry-After", retryAfter());
            }
            components.addResponse(shared.name, answer);
        }
    }

    /**
     * A body taken as JSON and as other media types (verification: JSON, or a face file) lists JSON first: generated
     * clients send the first one, and the JSON forms are what most callers use.
     */
    private static void jsonFirst(org.eclipse.microprofile.openapi.models.media.Content content) {
        String json = "application/json";
        if (content == null || content.getMediaTypes() == null || content.getMediaTypes().size() < 2 || !content.hasMediaType(json)) {
            return;
        }
        java.util.Map<String, org.eclipse.microprofile.openapi.models.media.MediaType> ordered = new java.util.LinkedHashMap<>();
        ordered.put(json, content.getMediaType(json));
        content.getMediaTypes().forEach(ordered::putIfAbsent);
        content.setMediaTypes(ordered);
    }

    private static void complete(PathItem item, Operation op, Set<Shared> used) {
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = op.getResponses();
        boolean authenticated = op.getSecurity() != null && !op.getSecurity().isEmpty();
        if (!authenticated) {
            op.setSecurity(new ArrayList<>());
        }
        List<Parameter> parameters = Stream.concat(stream(item.getParameters()), stream(op.getParameters())).toList();
        if (op.getRequestBody() != null) {
            jsonFirst(op.getRequestBody().getContent());
            add(responses, used, Shared.MALFORMED_REQUEST);
            add(responses, used, Shared.LENGTH_REQUIRED);
            add(responses, used, Shared.PAYLOAD_TOO_LARGE);
            add(responses, used, Shared.UNSUPPORTED_MEDIA_TYPE);
        }
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY)) {
            add(responses, used, Shared.INVALID_QUERY);
        }
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH || p.getIn() == Parameter.In.HEADER)) {
            add(responses, used, Shared.INVALID_PARAMETER);
        }
        if (authenticated) {
            add(responses, used, Shared.UNAUTHENTICATED);
            add(responses, used, Shared.FORBIDDEN);
        }
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
            add(responses, used, Shared.NOT_FOUND);
        }
        add(responses, used, Shared.INTERNAL_ERROR);
        if (!WITHOUT_DATABASE.contains(op.getOperationId())) {
            addDatabaseUnavailable(responses, used);
        }
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            APIResponse answer = entry.getValue();
            if (answer.getRef() == null && entry.getKey().matches("[45]\\d\\d") && answer.getContent() == null) {
                // a failure without a body would lie: ProblemMapper answers every one with problem+json
                answer.setContent(problemContent());
            }
            if (answer.getRef() == null && entry.getKey().matches("[45]\\d\\d") && isProblem(answer)
                    && (answer.getHeaders() == null || !answer.getHeaders().containsKey(CONTENT_LANGUAGE))) {
                answer.addHeader(CONTENT_LANGUAGE, contentLanguage());
            }
            if (answer.getRef() == null && entry.getKey().matches("[45]\\d\\d") && isProblem(answer)
                    && (answer.getHeaders() == null || !answer.getHeaders().containsKey(RequestIds.HEADER))) {
                answer.addHeader(RequestIds.HEADER, requestId());
            }
            if ("429".equals(entry.getKey()) && answer.getRef() == null
                    && (answer.getHeaders() == null || !answer.getHeaders().containsKey("Retry-After"))) {
                answer.addHeader("Retry-After", header(SchemaType.INTEGER, "Seconds to wait before trying again"));
            }
        }
        // in status order, so that a reader (and a diff) finds an answer where it expects it
        responses.setAPIResponses(new TreeMap<>(responses.getAPIResponses()));
    }

    /**
     * An operation with a 503 of its own (a signing key this replica lacks) keeps it, and its description and headers
     * grow by the database's case, since one status can carry only one answer.
     */
    private static void addDatabaseUnavailable(APIResponses responses, Set<Shared> used) {
        APIResponse own = responses.getAPIResponse(Shared.DATABASE_UNAVAILABLE.status);
        if (own == null) {
            add(responses, used, Shared.DATABASE_UNAVAILABLE);
            return;
        }
        if (own.getRef() == null) {
            own.setDescription(own.getDescription() + "; or the database is unavailable (database-unavailable): retry after Retry-After seconds");
            if (own.getHeaders() == null || !own.getHeaders().containsKey("Retry-After")) {
                own.addHeader("Retry-After", retryAfter());
            }
        }
    }

    private static Header retryAfter() {
        return header(SchemaType.INTEGER, "Seconds to wait before trying again (sent with database-unavailable)");
    }

    private static Stream<Parameter> stream(List<Parameter> parameters) {
        return parameters == null ? Stream.empty() : parameters.stream();
    }

    private static void add(APIResponses responses, Set<Shared> used, Shared shared) {
        if (!responses.hasAPIResponse(shared.status)) {
            responses.addAPIResponse(shared.status, OASFactory.createAPIResponse().ref(shared.name));
            used.add(shared);
        }
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(problemContent())
                .addHeader(CONTENT_LANGUAGE, contentLanguage()).addHeader(RequestIds.HEADER, requestId());
    }

    private static boolean isProblem(APIResponse answer) {
        return answer.getContent() != null && answer.getContent().hasMediaType(Problem.MEDIA_TYPE);
    }

    /** Every problem answer says its language ({@link ProblemMapper#response}): one header in components, referred to. */
    private static Header contentLanguage() {
        return OASFactory.createHeader().ref(CONTENT_LANGUAGE_HEADER);
    }

    private static Header contentLanguageHeader() {
        return header(SchemaType.STRING, "zh-CN or en: the language of title, detail and the invalid-params reasons, the caller's"
                + " Accept-Language preference between the two (en when it names neither); type, status and member names are the same"
                + " in both. The answer also carries Vary: Accept-Language");
    }

    /**
     * Every answer carries the request's id ({@link RequestIds}); a problem answer is where a caller needs it, so it is
     * documented there, once in components and referred to.
     */
    private static Header requestId() {
        return OASFactory.createHeader().ref(REQUEST_ID_HEADER);
    }

    private static Header requestIdHeader() {
        return header(SchemaType.STRING, "The id of this request in the service's log, the same as the problem's requestId: the"
                + " X-Request-Id the request sent if that is a UUID or 16 to 64 hexadecimal digits with a letter among them, otherwise"
                + " a new UUID");
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
    }

    private static Header header(SchemaType type, String description) {
        return OASFactory.createHeader().description(description).schema(OASFactory.createSchema().addType(type));
    }
}
