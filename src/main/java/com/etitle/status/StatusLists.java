package com.etitle.status;

import java.time.Clock;
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

    private record Signed(long version, String text) {
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
        Signed fresh = new Signed(list.version, build(list, purpose));
        signed.put(key, fresh);
        return fresh.text();
    }

    private String build(StatusList list, StatusPurpose purpose) {
        Bitstring bits = new Bitstring(list.size);
        List<Object[]> rows = em.createQuery(
                "select c.statusListIndex, c.status from Certificate c where c.statusListId = ?1 and c.status <> ?2", Object[].class)
                .setParameter(1, list.id).setParameter(2, CertificateStatus.VALID).getResultList();
        for (Object[] row : rows) {
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
