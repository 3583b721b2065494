package com.etitle.authority;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every public URL and identifier the service hands out, built from {@code etitle.public-url}: issuer ids,
 * verification method ids, the JSON-LD context, status list, void notice and share-link URLs. Signed documents
 * carry these for ever, so they are built here and nowhere else, and an issuer id is parsed only here.
 */
@ApplicationScoped
public class PublicIds {

    public static final String ISSUERS_PATH = "/api/v1/issuers";
    public static final String CONTEXT_PATH = "/ns/professional-title/v1";
    public static final String STATUS_LISTS_PATH = "/api/v1/status-lists";
    public static final String VOID_NOTICES_PATH = "/api/v1/void-notices";
    public static final String SHARE_PAGE_PATH = "/verify";

    /** A verification method id taken apart: the authority it claims and the key version it names. */
    public record MethodRef(String authorityCode, String kid) {
    }

    private final String base;

    public PublicIds(@ConfigProperty(name = "etitle.public-url") String base) {
        this.base = base;
    }

    /** The public base URL, without a trailing slash. */
    public String base() {
        return base;
    }

    /** The issuer id of an authority, which is also the URL of its controller document. */
    public String issuerId(String authorityCode) {
        return base + ISSUERS_PATH + "/" + authorityCode;
    }

    /** The id of a key version in its authority's controller document: what a proof's {@code verificationMethod} names. */
    public String verificationMethod(String authorityCode, String kid) {
        return issuerId(authorityCode) + "#" + kid;
    }

    /** The authority code and kid of a verification method id of ours; empty for anything else. */
    public Optional<MethodRef> parseVerificationMethod(String id) {
        if (id == null) {
            return Optional.empty();
        }
        int hash = id.lastIndexOf('#');
        if (hash < 0) {
            return Optional.empty();
        }
        return authorityCode(id.substring(0, hash)).map(code -> new MethodRef(code, id.substring(hash + 1)));
    }

    /** The authority code of an issuer id of ours; empty for anything else. */
    public Optional<String> authorityCode(String issuerId) {
        String prefix = base + ISSUERS_PATH + "/";
        if (issuerId == null || !issuerId.startsWith(prefix) || issuerId.length() == prefix.length()) {
            return Optional.empty();
        }
        String code = issuerId.substring(prefix.length());
        return code.indexOf('/') >= 0 || code.indexOf('#') >= 0 ? Optional.empty() : Optional.of(code);
    }

    /** The JSON-LD context of our credential terms. */
    public String contextUrl() {
        return base + CONTEXT_PATH;
    }

    /** A published status list: {@code <public url>/api/v1/status-lists/<list>-<purpose>}. */
    public String statusList(long listId, String purpose) {
        return base + STATUS_LISTS_PATH + "/" + listId + "-" + purpose;
    }

    /** A published void notice. */
    public String voidNotice(String noticeNumber) {
        return base + VOID_NOTICES_PATH + "/" + noticeNumber;
    }

    /** The share link of a verification grant; the code travels in the fragment, which browsers never send. */
    public String shareLink(String grantCode) {
        return base + SHARE_PAGE_PATH + "#grant=" + grantCode;
    }
}
