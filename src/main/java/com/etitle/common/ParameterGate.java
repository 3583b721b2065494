package com.etitle.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;


/**
 * The one check of every value a request carries outside its body: decoded path parameters, query parameters and
 * the headers we read ({@code Idempotency-Key}, {@code If-Match}, {@code If-None-Match}). A control character in
 * any of them (NUL, CR, LF, …) is refused with 400 naming the parameter, before a resource, the database or a
 * log line sees it; an {@code Idempotency-Key} that is present but empty is refused too, instead of being taken
 * for no key at all. Body strings are checked by {@link JsonStrings}.
 */
public class ParameterGate {

    static final List<String> HEADERS = List.of("Idempotency-Key", "If-Match", "If-None-Match");

    @ServerRequestFilter
    public Response check(ContainerRequestContext request) {
        List<Invalid> path = new ArrayList<>();
        List<Invalid> query = new ArrayList<>();
        try {
            refuseControls(request.getUriInfo().getPathParameters(true), path);
            refuseControls(request.getUriInfo().getQueryParameters(true), query);
        } catch (IllegalArgumentException e) {
            // a broken percent-encoding such as %zz
            return ProblemMapper.response(ProblemType.INVALID_PARAMETER, ProblemText.of("detail.url.malformed-encoding"), null, List.of(), language(request));
        }
        for (String name : HEADERS) {
            List<String> values = request.getHeaders().get(name);
            if (values == null) {
                continue;
            }
            for (String value : values) {
                if (Fields.hasControlCharacter(value)) {
                    path.add(Invalid.of(name, "reason.no-control-characters"));
                } else if (value.isBlank() && name.equals("Idempotency-Key")) {
                    path.add(Invalid.of(name, "reason.idempotency-key.empty"));
                }
            }
        }
        if (!path.isEmpty()) {
            return ProblemMapper.response(ProblemType.INVALID_PARAMETER, ProblemText.of("detail.invalid-names", names(path)), null, path, language(request));
        }
        if (!query.isEmpty()) {
            return ProblemMapper.response(ProblemType.INVALID_QUERY, ProblemText.of("detail.invalid-names", names(query)), null, query, language(request));
        }
        return null;
    }

    private static void refuseControls(MultivaluedMap<String, String> parameters, List<Invalid> errors) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            boolean refused = Fields.hasControlCharacter(parameter.getKey())
                    || parameter.getValue().stream().anyMatch(Fields::hasControlCharacter);
            if (refused) {
                String name = Fields.hasControlCharacter(parameter.getKey()) ? "(a parameter name)" : parameter.getKey();
                errors.add(Invalid.of(name, "reason.no-control-characters"));
            }
        }
    }

    private static Locale language(ContainerRequestContext request) {
        return PageLanguage.forApi(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    private static String names(List<Invalid> errors) {
        return String.join(", ", errors.stream().map(Invalid::name).toList());
    }
}
