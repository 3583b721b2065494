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
import com.etitle.authority.PublicIds;
import com.etitle.certificate.CertificateStatus;
import com.etitle.certificate.CredentialFactory;
import com.etitle.certificate.StatusList;
import com.etitle.certificate.StatusPurpose;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The signed status lists: each a BitstringStatusListCredential derived from the status of the certificates
 * that hold slots in it ({@link com.etitle.certificate.StatusSlots} draws them), re-signed only when it changed.
 */
@ApplicationScoped
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
    private final CredentialFactory credentials;
    private final Map<String, Signed> signed = new ConcurrentHashMap<>();

    StatusLists(EntityManager em, Clock clock, AuthoritySigner signer, ObjectMapper mapper, CredentialFactory credentials, PublicIds ids) {
        this.credentials = credentials;
        this.em = em;
        this.clock = clock;
        this.signer = signer;
        this.mapper = mapper;
        this.ids = ids;
    }

    public static String listId(long listId, StatusPurpose purpose) {
        return listId + "-" + purpose.value();
    }

    /** Called in the transaction of every status change: cached lists of that index space are stale. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(long listId) {
        em.createQuery("update StatusList set version = version + 1 where id = ?1").setParameter(1, listId).executeUpdate();
    }

    /** The signed BitstringStatusListCredential, rebuilt only when a status in the list changed since. */
    @Transactional
    public String signedList(String publicId) {
        int dash = publicId.indexOf('-');
        StatusPurpose purpose = dash < 0 ? null : StatusPurpose.of(publicId.substring(dash + 1)).orElse(null);
        Long id = dash < 0 ? null : parse(publicId.substring(0, dash));
        StatusList list = id == null || purpose == null ? null : em.find(StatusList.class, id);
        if (list == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No status list with this id");
        }
        String key = listId(list.id, purpose);
        Signed cached = signed.get(key);
        if (cached != null && cached.version() == list.version) {
            return cached.text();
        }
        Signed fresh = new Signed(list.version, clock.instant(), build(list, purpose));
        signed.put(key, fresh);
        return fresh.text();
    }

    /**
     * The same slots as an IETF Token Status List (a {@code statuslist+jwt}), which compact tokens point at: two bits
     * a certificate, revoked or voided 1 (invalid), suspended 2. Rebuilt when a status changed or it is a quarter
     * through its validity.
     */
    @Transactional
    public String signedTokenList(String publicId) {
        Long id = parse(publicId);
        StatusList list = id == null ? null : em.find(StatusList.class, id);
        if (list == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No status list with this id");
        }
        String key = String.valueOf(list.id);
        Signed cached = signed.get(key);
        Instant now = clock.instant();
        if (cached != null && cached.version() == list.version && cached.signedAt().plus(TOKEN_LIST_VALIDITY.dividedBy(4)).isAfter(now)) {
            return cached.text();
        }
        Signed fresh = new Signed(list.version, now, buildTokenList(list, now));
        signed.put(key, fresh);
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

    private String build(StatusList list, StatusPurpose purpose) {
        Bitstring bits = new Bitstring(list.size);
        for (Object[] row : notValid(list)) {
            if (((CertificateStatus) row[1]).setIn(purpose)) {
                bits.set((Integer) row[0]);
            }
        }
        Authority authority = list.authority;
        String url = credentials.statusListUrl(list.id, purpose);
        ObjectNode vc = mapper.createObjectNode();
        vc.putArray("@context").add(CredentialFactory.VC_CONTEXT);
        vc.put("id", url);
        vc.putArray("type").add("VerifiableCredential").add("BitstringStatusListCredential");
        String issuerId = ids.issuerId(authority.code);
        vc.putObject("issuer").put("id", issuerId).put("name", authority.name);
        vc.put("validFrom", clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        ObjectNode subject = vc.putObject("credentialSubject");
        subject.put("id", url + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", purpose.value());
        subject.put("ttl", CACHE_SECONDS * 1000);
        subject.put("encodedList", bits.encoded());
        ObjectNode secured = signer.secure(authority, vc, clock.instant()).json();
        try {
            return mapper.writeValueAsString(secured);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Long parse(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
