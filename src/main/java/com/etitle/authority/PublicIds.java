package com.etitle.authority;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every public URL and identifier the service hands out, built from {@code etitle.public-url}: issuer ids (DIDs),
 * verification method ids, the JSON-LD contexts, status list, void notice and share-link URLs. Signed documents
 * carry these for ever, so they are built here and nowhere else, and an issuer id is parsed only here.
 *
 * <p>An authority's issuer id is a {@code did:web} DID, so that generic verifiers resolve it: the public URL
 * {@code https://host[:port][/path]} gives {@code did:web:host[%3Aport][:path segments]:issuers:<code>}, whose DID
 * document did:web resolution looks for at {@code <public url>/issuers/<code>/did.json}. Before the DIDs, the issuer
 * id was the URL of the authority document, {@code <public url>/api/v1/issuers/<code>}; credentials, status lists
 * and void notices signed then name it, so both forms parse back to the authority.
 */
@ApplicationScoped
public class PublicIds {

    public static final String ISSUERS_PATH = "/api/v1/issuers";
    /** Where did:web resolution finds the DID document of {@code did:web:<host>:issuers:<code>}. */
    public static final String DID_DOCUMENTS_PATH = "/issuers";
    public static final String DID_DOCUMENT_FILE = "did.json";
    public static final String CONTEXTS_PATH = "/ns";
    public static final String CONTEXT_PATH = CONTEXTS_PATH + "/professional-title/v1";
    public static final String AUTHORITY_CONTEXT_PATH = CONTEXTS_PATH + "/authority/v1";
    public static final String VOID_NOTICE_CONTEXT_PATH = CONTEXTS_PATH + "/void-notice/v1";
    public static final String STATUS_LISTS_PATH = "/api/v1/status-lists";
    public static final String VOID_NOTICES_PATH = "/api/v1/void-notices";
    public static final String SHARE_PAGE_PATH = "/verify";

    /** A verification method id taken apart: the authority it claims and the key version it names. */
    public record MethodRef(String authorityCode, String kid) {
    }

    private final String base;
    /** {@code did:web:host[%3Aport][:path]:issuers:}, to which the authority code is appended. */
    private final String didPrefix;

    public PublicIds(@ConfigProperty(name = "etitle.public-url") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.didPrefix = didWebPrefix(URI.create(this.base));
    }

    private static String didWebPrefix(URI url) {
        if (url.getHost() == null) {
            throw new IllegalArgumentException("etitle.public-url must be an absolute http(s) URL with a host");
        }
        StringBuilder did = new StringBuilder("did:web:").append(url.getHost().toLowerCase(Locale.ROOT));
        if (url.getPort() != -1) {
            // did:web percent-encodes the colon of a port, since colons separate path segments in the DID
            did.append("%3A").append(url.getPort());
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                did.append(':').append(segment);
            }
        }
        return did.append(DID_DOCUMENTS_PATH.replace('/', ':')).append(':').toString();
    }

    /** The public base URL, without a trailing slash. */
    public String base() {
        return base;
    }

    /** The issuer id of an authority: its did:web DID, which new credentials, status lists and void notices name. */
    public String issuerId(String authorityCode) {
        return didPrefix + authorityCode;
    }

    /** Where the DID document of an authority is served, as did:web resolution computes it from the DID. */
    public String didDocument(String authorityCode) {
        return base + DID_DOCUMENTS_PATH + "/" + authorityCode + "/" + DID_DOCUMENT_FILE;
    }

    /**
     * The URL of the authority document (name, region, every key version with its status); it was the issuer id
     * before the DIDs, and it stays the controller document of the methods those older proofs name.
     */
    public String authorityDocument(String authorityCode) {
        return base + ISSUERS_PATH + "/" + authorityCode;
    }

    /** The id of a key version in its authority's DID document: what new proofs' {@code verificationMethod} names. */
    public String verificationMethod(String authorityCode, String kid) {
        return issuerId(authorityCode) + "#" + kid;
    }

    /** The id of a key version in the authority document, as proofs made before the DIDs name it. */
    public String authorityDocumentMethod(String authorityCode, String kid) {
        return authorityDocument(authorityCode) + "#" + kid;
    }

    /** The authority code and kid of a verification method id of ours (either form); empty for anything else. */
    public Optional<MethodRef> parseVerificationMethod(String id) {
        if (id == null) {
            return Optional.empty();
        }
        int hash = id.lastIndexOf('#');
        if (hash < 0 || hash == id.length() - 1) {
            return Optional.empty();
        }
        return authorityCode(id.substring(0, hash)).map(code -> new MethodRef(code, id.substring(hash + 1)));
    }

    /** The authority code of an issuer id of ours, the DID or the older URL form; empty for anything else. */
    public Optional<String> authorityCode(String issuerId) {
        if (issuerId == null) {
            return Optional.empty();
        }
        String prefix = issuerId.startsWith("did:") ? didPrefix : base + ISSUERS_PATH + "/";
        if (!issuerId.startsWith(prefix) || issuerId.length() == prefix.length()) {
            return Optional.empty();
        }
        String code = issuerId.substring(prefix.length());
        return code.indexOf('/') >= 0 || code.indexOf('#') >= 0 || code.indexOf(':') >= 0 ? Optional.empty() : Optional.of(code);
    }

    /** The JSON-LD context of our credential terms. */
    public String contextUrl() {
        return base + CONTEXT_PATH;
    }

    /** The JSON-LD context of the authority document's terms (name, region, key versions). */
    public String authorityContextUrl() {
        return base + AUTHORITY_CONTEXT_PATH;
    }

    /** The JSON-LD context of a void notice's terms. */
    public String voidNoticeContextUrl() {
        return base + VOID_NOTICE_CONTEXT_PATH;
    }

    /** A published status list of one purpose: {@code <public url>/api/v1/status-lists/<list>/<purpose>}. */
    public String statusList(long listId, String purpose) {
        return base + STATUS_LISTS_PATH + "/" + listId + "/" + purpose;
    }

    /**
     * The same list where credentials issued before the DIDs find it, {@code <list>-<purpose>}: served with the
     * authority document's URL as issuer, to match theirs.
     */
    public String statusListNamedAsBefore(long listId, String purpose) {
        return base + STATUS_LISTS_PATH + "/" + listId + "-" + purpose;
    }

    /**
     * The statuses of both purposes of a list as one IETF Token Status List, which compact tokens point at:
     * {@code <public url>/api/v1/status-lists/<list>} (short, as it is in every QR code).
     */
    public String tokenStatusList(long listId) {
        return base + STATUS_LISTS_PATH + "/" + listId;
    }

    /** A published void notice. */
    public String voidNotice(String noticeNumber) {
        return base + VOID_NOTICES_PATH + "/" + noticeNumber;
    }

    /** The share link of a verification grant; the code travels in the fragment, which browsers never send. */
    public String shareLink(String grantCode) {
        return base + SHARE_PAGE_PATH + "#grant=" + grantCode;
    }

    /**
     * The link a certificate's QR code carries: the verification page with the compact token in the fragment, so any
     * phone camera opens the page, which verifies at once; the fragment never reaches a server but through the page's
     * own POST, and an offline verifier reads the token from it.
     */
    public String verifyLink(String token) {
        return base + SHARE_PAGE_PATH + "#token=" + token;
    }

    /**
     * The token in what a QR code gave: a verification link's fragment (of any deployment: the signature, not the
     * host, is what is checked), or the text itself, as the bare tokens of QR codes printed before the links.
     */
    public static String tokenOf(String scanned) {
        if (scanned == null || !(scanned.startsWith("https://") || scanned.startsWith("http://"))) {
            return scanned;
        }
        int at = scanned.indexOf("#token=");
        return at < 0 ? scanned : scanned.substring(at + "#token=".length());
    }
}
