package com.etitle.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.etitle.authority.Authority;
import com.etitle.authority.AuthoritySigner;
import com.etitle.authority.AuthoritySigner.IssuerNaming;
import com.etitle.authority.PublicIds;
import com.etitle.certificate.CertificateStatus;
import com.etitle.certificate.CredentialFactory;
import com.etitle.certificate.StatusList;
import com.etitle.certificate.StatusPurpose;
import com.etitle.common.Metrics;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.Counter;
import io.quarkus.runtime.Startup;

/**
 * The signed status lists: each a BitstringStatusListCredential derived from the status of the certificates
 * that hold slots in it ({@link com.etitle.certificate.StatusSlots} draws them), re-signed only when it changed.
 */
@ApplicationScoped
// made at start, so that its series are exported (from zero) before the first request counts
@Startup
public class StatusLists {

    /** Seconds a published list may be cached; the BitstringStatusList {@code ttl} says the same. */
    public static final int CACHE_SECONDS = 60;

    /** How long a signed Token Status List is valid ({@code exp}); it is re-signed well before, at a quarter of it. */
    public static final Duration TOKEN_LIST_VALIDITY = Duration.ofDays(1);
    public static final String TOKEN_LIST_TYPE = "statuslist+jwt";

    private record Signed(long version, Instant signedAt, String text) {
    }

    private final EntityManager em;
    private final Clock clock;
    private final AuthoritySigner signer;
    private final ObjectMapper mapper;
    private final PublicIds ids;
    private final Map<String, Signed> signed = new ConcurrentHashMap<>();
    private final Counter bitstringBuilds;
    private final Counter tokenListBuilds;

    StatusLists(EntityManager em, Clock clock, AuthoritySigner signer, ObjectMapper mapper, PublicIds ids, Metrics metrics) {
        this.bitstringBuilds = metrics.statusListBuilds("bitstring");
        this.tokenListBuilds = metrics.statusListBuilds("token");
        this.em = em;
        this.clock = clock;
        this.signer = signer;
        this.mapper = mapper;
        this.ids = ids;
    }

    /** Called in the transaction of every status change: cached lists of that index space are stale. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(long listId) {
        em.createQuery("update StatusList set version = version + 1 where id = ?1").setParameter(1, listId).executeUpdate();
    }

    /**
     * The signed BitstringStatusListCredential of this list and purpose, issued by the authority's DID, as the
     * credentials issued since the DIDs name it; rebuilt only when a status in the list changed since.
     */
    @Transactional
    public String signedList(String listId, String purpose) {
        return signed(find(parse(listId)), StatusPurpose.of(purpose).orElseThrow(StatusLists::notFound), IssuerNaming.DID);
    }

    /**
     * The same list at the URL that credentials issued before the DIDs name ({@code <list>-<purpose>}), issued by
     * the authority document's URL as those credentials are, since verifiers require the two issuers to match.
     */
    @Transactional
    public String signedListNamedAsBefore(String publicId) {
        int dash = publicId.indexOf('-');
        if (dash < 0) {
            throw notFound();
        }
        return signed(find(parse(publicId.substring(0, dash))), StatusPurpose.of(publicId.substring(dash + 1)).orElseThrow(StatusLists::notFound),
                IssuerNaming.AUTHORITY_DOCUMENT);
    }

    private String signed(StatusList list, StatusPurpose purpose, IssuerNaming naming) {
        String key = list.id + "/" + purpose.value() + "/" + naming;
        Signed cached = signed.get(key);
        if (cached != null && cached.version() == list.version) {
            return cached.text();
        }
        Signed fresh = new Signed(list.version, clock.instant(), build(list, purpose, naming));
        signed.put(key, fresh);
        bitstringBuilds.increment();
        return fresh.text();
    }

    private StatusList find(Long id) {
        StatusList list = id == null ? null : em.find(StatusList.class, id);
        if (list == null) {
            throw notFound();
        }
        return list;
    }

    private static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "detail.status-list.unknown");
    }

    /**
     * The same slots as an IETF Token Status List (a {@code statuslist+jwt}), which compact tokens point at: two bits
     * a certificate, revoked or voided 1 (invalid), suspended 2. Rebuilt when a status changed or it is a quarter
     * through its validity.
     */
    @Transactional
    public String signedTokenList(String publicId) {
        StatusList list = find(parse(publicId));
        String key = String.valueOf(list.id);
        Signed cached = signed.get(key);
        Instant now = clock.instant();
        if (cached != null && cached.version() == list.version && cached.signedAt().plus(TOKEN_LIST_VALIDITY.dividedBy(4)).isAfter(now)) {
            return cached.text();
        }
        Signed fresh = new Signed(list.version, now, buildTokenList(list, now));
        signed.put(key, fresh);
        tokenListBuilds.increment();
        return fresh.text();
    }

    private String buildTokenList(StatusList list, Instant now) {
        TokenStatusBits bits = new TokenStatusBits(list.size);
        for (Object[] row : notValid(list)) {
            CertificateStatus status = (CertificateStatus) row[1];
            int value = status.setIn(StatusPurpose.REVOCATION) ? TokenStatusBits.INVALID
                    : status.setIn(StatusPurpose.SUSPENSION) ? TokenStatusBits.SUSPENDED : TokenStatusBits.VALID;
            bits.set((Integer) row[0], value);
        }
        Authority authority = list.authority;
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", ids.tokenStatusList(list.id));
        claims.put("iss", ids.issuerId(authority.code));
        long issuedAt = now.getEpochSecond();
        claims.put("iat", issuedAt);
        claims.put("exp", issuedAt + TOKEN_LIST_VALIDITY.toSeconds());
        claims.put("ttl", CACHE_SECONDS);
        claims.put("status_list", Map.of("bits", TokenStatusBits.BITS, "lst", bits.lst()));
        return AuthoritySigner.compactJws(signer.current(authority), TOKEN_LIST_TYPE, claims, mapper);
    }

    private List<Object[]> notValid(StatusList list) {
        return em.createQuery(
                "select c.statusListIndex, c.status from Certificate c where c.statusListId = ?1 and c.status <> ?2", Object[].class)
                .setParameter(1, list.id).setParameter(2, CertificateStatus.VALID).getResultList();
    }

    private String build(StatusList list, StatusPurpose purpose, IssuerNaming naming) {
        Bitstring bits = new Bitstring(list.size);
        for (Object[] row : notValid(list)) {
            if (((CertificateStatus) row[1]).setIn(purpose)) {
                bits.set((Integer) row[0]);
            }
        }
        Authority authority = list.authority;
        String url = naming == IssuerNaming.DID ? ids.statusList(list.id, purpose.value()) : ids.statusListNamedAsBefore(list.id, purpose.value());
        ObjectNode vc = mapper.createObjectNode();
        vc.putArray("@context").add(CredentialFactory.VC_CONTEXT);
        vc.put("id", url);
        vc.putArray("type").add("VerifiableCredential").add("BitstringStatusListCredential");
        String issuerId = naming == IssuerNaming.DID ? ids.issuerId(authority.code) : ids.authorityDocument(authority.code);
        vc.putObject("issuer").put("id", issuerId).put("name", authority.name);
        vc.put("validFrom", clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        ObjectNode subject = vc.putObject("credentialSubject");
        subject.put("id", url + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", purpose.value());
        subject.put("ttl", CACHE_SECONDS * 1000);
        subject.put("encodedList", bits.encoded());
        ObjectNode secured = signer.secure(authority, vc, clock.instant(), naming).json();
        try {
            return mapper.writeValueAsString(secured);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Long parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
