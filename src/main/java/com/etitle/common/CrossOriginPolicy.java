package com.etitle.common;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one rule of which browser pages may call what (CORS), by method and path:
 * <ul>
 * <li><b>public reads</b> (keys, issuers and DID documents, contexts, status lists, the public registers, the
 * face-signing chain, the trust bundle, the OpenAPI contract): {@code GET} and {@code HEAD} from any origin. The
 * answer carries {@code Access-Control-Allow-Origin: *} whether or not the request named an origin, because these
 * answers are cacheable: a shared cache may hand a copy fetched by a server to a browser later.</li>
 * <li><b>verifications</b> ({@code POST /api/v1/verifications}, {@code POST /credentials/verify}): the verification
 * origins, any by default. They are public, take no cookies and change nothing but the holder's log.</li>
 * <li><b>objections</b> ({@code POST …/publicity-notices/{id}/objections}): the objection origins, none by default.
 * Unlike a verification an objection is a write with consequences: a registrar must investigate and answer each one
 * before the qualification document can be issued, and the rate limit counts per client address. A page on any
 * origin could make every visitor's browser file objections, each from its own address, so the form is served on
 * the authority's own origin unless an operator names the portals that embed it.</li>
 * <li><b>every other API call</b> (authority and holder endpoints, with a bearer token): the authenticated origins,
 * none by default and never {@code *}: a front-end on another origin is named deliberately.</li>
 * <li>anything else (pages, probes): no CORS.</li>
 * </ul>
 * {@code Access-Control-Allow-Credentials} is never sent: nothing here takes cookies, and bearer tokens travel in a
 * header the page sets itself. A preflight is answered only where the requested method is allowed for the origin;
 * otherwise it goes on to JAX-RS, which answers it without any allow header, so the browser refuses the call.
 */
public final class CrossOriginPolicy {

    /** Who may call an endpoint from a page of another origin. */
    public enum Audience {
        PUBLIC_READ("GET, HEAD", "If-None-Match"),
        VERIFIERS("POST", "Content-Type"),
        OBJECTORS("POST", "Content-Type"),
        AUTHENTICATED("GET, HEAD, POST, PUT, DELETE", "Authorization, Content-Type, If-Match, If-None-Match, Idempotency-Key"),
        NONE("", "");

        private final String methods;
        private final String requestHeaders;

        Audience(String methods, String requestHeaders) {
            this.methods = methods;
            this.requestHeaders = requestHeaders;
        }
    }

    public static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    public static final String ALLOW_METHODS = "Access-Control-Allow-Methods";
    public static final String ALLOW_HEADERS = "Access-Control-Allow-Headers";
    public static final String EXPOSE_HEADERS = "Access-Control-Expose-Headers";
    public static final String MAX_AGE = "Access-Control-Max-Age";
    public static final String VARY = "Vary";

    /**
     * Answer headers a page may read beyond the CORS-safelisted ones (Cache-Control, Content-Type, Content-Length,
     * Content-Language, Expires, Last-Modified): the tag for a conditional request, where a created thing is, how
     * long to wait after a 429, why a 401, whether a retry was replayed, a PDF's file name, the request's id to quote.
     */
    static final String EXPOSED = "ETag, Location, Retry-After, WWW-Authenticate, Idempotent-Replayed, Content-Disposition, "
            + RequestIds.HEADER;

    private static final Set<String> READS = Set.of("GET", "HEAD");
    private static final Set<String> POSTS = Set.of("POST");
    private static final Pattern ORIGIN = Pattern.compile("https?://([a-z0-9-]+(\\.[a-z0-9-]+)*|\\[[0-9a-f:.]+\\])(:[0-9]{1,5})?");

    private record Route(Pattern path, Set<String> methods, Audience audience) {

        static Route of(String path, Set<String> methods, Audience audience) {
            return new Route(Pattern.compile(path.replace("{}", "[^/]+")), methods, audience);
        }
    }

    /** Paths as the public contract names them ({@code {}} is one path segment); the first match decides. */
    private static final List<Route> ROUTES = List.of(
            Route.of("/\\.well-known/jwks\\.json", READS, Audience.PUBLIC_READ),
            Route.of("/api/v1/issuers(/{}(/document-certificates|/seal-certificates)?)?", READS, Audience.PUBLIC_READ),
            Route.of("/issuers/{}/did\\.json", READS, Audience.PUBLIC_READ),
            Route.of("/ns/.+", READS, Audience.PUBLIC_READ),
            Route.of("/api/v1/status-lists/{}", READS, Audience.PUBLIC_READ),
            Route.of("/api/v1/status-lists/{}/{}", READS, Audience.PUBLIC_READ),
            Route.of("/api/v1/(committees|publicity-notices|qualification-documents|void-notices|working-day-calendar)(/{})?", READS,
                    Audience.PUBLIC_READ),
            Route.of("/api/v1/trust-bundle", READS, Audience.PUBLIC_READ),
            Route.of("/q/openapi(\\.json|\\.yaml|\\.yml)?", READS, Audience.PUBLIC_READ),
            Route.of("/api/v1/verifications|/credentials/verify", POSTS, Audience.VERIFIERS),
            Route.of("/api/v1/publicity-notices/{}/objections", POSTS, Audience.OBJECTORS));

    /** A set of origins: every origin, or the listed ones (lower case, as browsers send them). */
    private record Origins(boolean any, Set<String> listed) {

        static final Origins NOBODY = new Origins(false, Set.of());

        boolean allow(String origin) {
            return any || origin != null && listed.contains(origin.toLowerCase(Locale.ROOT));
        }
    }

    private final Map<Audience, Origins> origins;
    private final String maxAgeSeconds;

    public CrossOriginPolicy(List<String> verificationOrigins, List<String> objectionOrigins, List<String> authenticatedOrigins,
            Duration preflightMaxAge) {
        if (preflightMaxAge.isNegative()) {
            throw new IllegalArgumentException("etitle.cors.preflight-max-age must not be negative");
        }
        origins = Map.of(
                Audience.PUBLIC_READ, new Origins(true, Set.of()),
                Audience.VERIFIERS, parse("etitle.cors.verification-origins", verificationOrigins, true),
                Audience.OBJECTORS, parse("etitle.cors.objection-origins", objectionOrigins, true),
                Audience.AUTHENTICATED, parse("etitle.cors.authenticated-origins", authenticatedOrigins, false),
                Audience.NONE, Origins.NOBODY);
        maxAgeSeconds = String.valueOf(preflightMaxAge.toSeconds());
    }

    public static CrossOriginPolicy of(CrossOriginConfig config) {
        return new CrossOriginPolicy(config.verificationOrigins(), config.objectionOrigins().orElse(List.of()),
                config.authenticatedOrigins().orElse(List.of()), config.preflightMaxAge());
    }

    /** Who may call this method on this path from another origin. */
    public static Audience audience(String method, String path) {
        String m = method.toUpperCase(Locale.ROOT);
        for (Route route : ROUTES) {
            if (route.methods().contains(m) && route.path().matcher(path).matches()) {
                return route.audience();
            }
        }
        return path.startsWith("/api/") ? Audience.AUTHENTICATED : Audience.NONE;
    }

    /**
     * Headers to add to the answer of a request (not a preflight); empty for no CORS at all. Where the answer depends
     * on the origin, {@code Vary: Origin} is added even when this origin gets nothing, so a cache keeps them apart.
     */
    public Map<String, String> forRequest(String method, String path, String origin) {
        Origins allowed = origins.get(audience(method, path));
        Map<String, String> headers = new LinkedHashMap<>();
        if (allowed.any()) {
            headers.put(ALLOW_ORIGIN, "*");
            headers.put(EXPOSE_HEADERS, EXPOSED);
        } else if (!allowed.listed().isEmpty()) {
            headers.put(VARY, "Origin");
            if (allowed.allow(origin)) {
                headers.put(ALLOW_ORIGIN, origin);
                headers.put(EXPOSE_HEADERS, EXPOSED);
            }
        }
        return headers;
    }

    /** The answer to a preflight for the requested method on the path, or empty where that origin may not make the call. */
    public Optional<Map<String, String>> forPreflight(String origin, String requestedMethod, String path) {
        Audience audience = audience(requestedMethod, path);
        Origins allowed = origins.get(audience);
        if (origin == null || !allowed.allow(origin)) {
            return Optional.empty();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ALLOW_ORIGIN, allowed.any() ? "*" : origin);
        if (!allowed.any()) {
            headers.put(VARY, "Origin");
        }
        headers.put(ALLOW_METHODS, audience.methods);
        headers.put(ALLOW_HEADERS, audience.requestHeaders);
        headers.put(MAX_AGE, maxAgeSeconds);
        return Optional.of(headers);
    }

    /**
     * Whether a browser's form post to one of our pages ({@code POST /publicity-notices/{id}}: an objection) may proceed.
     * A form post is not subject to CORS, so another site could make its visitors' browsers file objections, each from its
     * own address past the per-address brake; the page therefore takes it only from our own pages ({@code ownOrigin},
     * scheme://host[:port] as the request reached us) or the origins allowed to file objections. The browser says where
     * the form was: {@code Origin}, else {@code Sec-Fetch-Site}; a request with neither comes from no browser that another
     * site could drive, and is as welcome as the same call to the API. Our pages send no referrer
     * ({@code Referrer-Policy: no-referrer}), and a browser then writes the {@code Origin} of their form posts as
     * {@code null}, as it does for a sandboxed or referrer-less page of any other site: such a post is taken only when
     * {@code Sec-Fetch-Site}, which no page can set, says it came from our own origin.
     */
    public boolean allowsFormPost(Audience audience, String origin, String fetchSite, String ownOrigin) {
        String site = fetchSite == null ? null : fetchSite.strip().toLowerCase(Locale.ROOT);
        if (origin != null) {
            String o = origin.strip().toLowerCase(Locale.ROOT);
            if (o.equals("null")) {
                return "same-origin".equals(site);
            }
            return o.equals(ownOrigin.toLowerCase(Locale.ROOT)) || origins.get(audience).allow(o);
        }
        if (site != null) {
            return site.equals("same-origin") || site.equals("none");
        }
        return true;
    }

    /** Checks a configured list at start, so a typo stops the service instead of silently refusing a partner's pages. */
    private static Origins parse(String setting, List<String> values, boolean anyAllowed) {
        Set<String> listed = new LinkedHashSet<>();
        boolean any = false;
        for (String value : values) {
            String origin = value.strip().toLowerCase(Locale.ROOT);
            if (origin.isEmpty()) {
                continue;
            }
            if (origin.equals("*")) {
                if (!anyAllowed) {
                    throw new IllegalArgumentException(setting + " may not be '*': name the origins of the front-ends that call with a token");
                }
                any = true;
            } else if (ORIGIN.matcher(origin).matches()) {
                listed.add(origin);
            } else {
                throw new IllegalArgumentException(setting + ": '" + value.strip()
                        + "' is not an origin; write scheme://host or scheme://host:port, without a path or trailing slash");
            }
        }
        return new Origins(any, Set.copyOf(listed));
    }
}
