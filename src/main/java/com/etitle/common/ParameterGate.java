package com.etitle.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.etitle.common.Problem.InvalidParam;

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
        List<InvalidParam> path = new ArrayList<>();
        List<InvalidParam> query = new ArrayList<>();
        try {
            refuseControls(request.getUriInfo().getPathParameters(true), path);
            refuseControls(request.getUriInfo().getQueryParameters(true), query);
        } catch (IllegalArgumentException e) {
            // a broken percent-encoding such as %zz
            return ProblemMapper.response(ProblemType.INVALID_PARAMETER, "The URL has a malformed percent-encoding", null, List.of());
        }
        for (String name : HEADERS) {
            List<String> values = request.getHeaders().get(name);
            if (values == null) {
                continue;
            }
            for (String value : values) {
                if (Fields.hasControlCharacter(value)) {
                    path.add(new InvalidParam(name, "must not contain control characters"));
                } else if (value.isBlank() && name.equals("Idempotency-Key")) {
                    path.add(new InvalidParam(name, "must not be empty; send a key of 1-128 printable ASCII characters, or no header"));
                }
            }
        }
        if (!path.isEmpty()) {
            return ProblemMapper.response(ProblemType.INVALID_PARAMETER, "Invalid " + names(path), null, path);
        }
        if (!query.isEmpty()) {
            return ProblemMapper.response(ProblemType.INVALID_QUERY, "Invalid " + names(query), null, query);
        }
        return null;
    }

    private static void refuseControls(MultivaluedMap<String, String> parameters, List<InvalidParam> errors) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            boolean refused = Fields.hasControlCharacter(parameter.getKey())
                    || parameter.getValue().stream().anyMatch(Fields::hasControlCharacter);
            if (refused) {
                String name = Fields.hasControlCharacter(parameter.getKey()) ? "(a parameter name)" : parameter.getKey();
                errors.add(new InvalidParam(name, "must not contain control characters"));
            }
        }
    }

    private static String names(List<InvalidParam> errors) {
        return String.join(", ", errors.stream().map(InvalidParam::name).toList());
    }
}
