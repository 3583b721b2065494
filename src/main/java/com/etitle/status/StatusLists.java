package com.etitle.status;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.etitle.authority.Authority;
import com.etitle.authority.IssuerView;
import com.etitle.authority.KeyRing;
import com.etitle.certificate.CertificateStatus;
import com.etitle.certificate.CredentialFactory;
import com.etitle.certificate.StatusPurpose;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;
import com.etitle.crypto.DataIntegrity;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Slots in the status lists and the signed lists themselves. A slot is drawn at random among the free
 * indices, so list positions say nothing about issue order. A list is opened anew once three quarters
 * of it are taken, which keeps random draws cheap and every list a large crowd.
 */
@ApplicationScoped
public class StatusLists {

    /** Seconds a published list may be cached; the BitstringStatusList {@code ttl} says the same. */
    public static final int CACHE_SECONDS = 60;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A certificate's place in its authority's lists. */
    public record Slot(long listId, int index) {
    }

    private record Signed(long version, String document) {
    }

    private final EntityManager em;
    private final Clock clock;
    private final KeyRing keyRing;
    private final ObjectMapper mapper;
    private final String publicUrl;
    private final CredentialFactory credentials;
    private final Map<String, Signed> signed = new ConcurrentHashMap<>();

    StatusLists(EntityManager em, Clock clock, KeyRing keyRing, ObjectMapper mapper, CredentialFactory credentials,
            @ConfigProperty(name = "etitle.public-url") String publicUrl) {
        this.credentials = credentials;
        this.em = em;
        this.clock = clock;
        this.keyRing = keyRing;
        this.mapper = mapper;
        this.publicUrl = publicUrl;
    }

    public static String listId(long listId, StatusPurpose purpose) {
        return listId + "-" + purpose.value();
    }

    /**
     * Draws {@code count} free slots for the authority. Allocation is serialised per authority by a lock
     * on its row, held to the end of the issuing transaction, so two issuers never draw the same slot.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Slot> allocate(Authority authority, int count) {
        em.find(Authority.class, authority.id, LockModeType.PESSIMISTIC_WRITE);
        List<Slot> slots = new ArrayList<>(count);
        while (slots.size() < count) {
            StatusList list = openList(authority);
            int room = Math.min(count - slots.size(), list.size * 3 / 4 - list.allocated);
            // a batch reads the taken indices once; a single issue asks the index about its one draw
            BitSet taken = room > 8 ? taken(list.id) : new BitSet();
            for (int i = 0; i < room; i++) {
                int index;
                do {
                    index = RANDOM.nextInt(list.size);
                } while (taken.get(index) || (room <= 8 && inUse(list.id, index)));
                taken.set(index);
                slots.add(new Slot(list.id, index));
            }
            list.allocated += room;
        }
        return slots;
    }

    /** Called in the transaction of every status change: cached lists of that index space are stale. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(long listId) {
        em.createQuery("update StatusList set version = version + 1 where id = ?1").setParameter(1, listId).executeUpdate();
    }

    /** The signed BitstringStatusListCredential, rebuilt only when a status in the list changed since. */
    @Transactional
    public String document(String publicId) {
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
            return cached.document();
        }
        Signed fresh = new Signed(list.version, build(list, purpose));
        signed.put(key, fresh);
        return fresh.document();
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
        String issuerId = IssuerView.issuerId(publicUrl, authority.code);
        vc.putObject("issuer").put("id", issuerId).put("name", authority.name);
        vc.put("validFrom", clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        ObjectNode subject = vc.putObject("credentialSubject");
        subject.put("id", url + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", purpose.value());
        subject.put("ttl", CACHE_SECONDS * 1000);
        subject.put("encodedList", bits.encoded());
        KeyRing.Signing signing = keyRing.current(authority);
        ObjectNode secured = DataIntegrity.addProof(vc, signing.signer(), issuerId + "#" + signing.key().kid, clock.instant());
        try {
            return mapper.writeValueAsString(secured);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private StatusList openList(Authority authority) {
        StatusList list = em.createQuery("from StatusList where authority = ?1 order by sequence desc", StatusList.class)
                .setParameter(1, authority).setMaxResults(1).getResultStream().findFirst().orElse(null);
        if (list != null && list.allocated < list.size * 3 / 4) {
            return list;
        }
        StatusList next = new StatusList();
        next.authority = authority;
        next.sequence = list == null ? 1 : list.sequence + 1;
        next.size = StatusList.SIZE;
        next.createdAt = clock.instant();
        next.persist();
        em.flush();
        return next;
    }

    private BitSet taken(long listId) {
        BitSet taken = new BitSet(StatusList.SIZE);
        em.createQuery("select c.statusListIndex from Certificate c where c.statusListId = ?1", Integer.class)
                .setParameter(1, listId).getResultStream().forEach(taken::set);
        return taken;
    }

    private boolean inUse(long listId, int index) {
        return em.createQuery("select count(c) from Certificate c where c.statusListId = ?1 and c.statusListIndex = ?2", Long.class)
                .setParameter(1, listId).setParameter(2, index).getSingleResult() > 0;
    }

    private static Long parse(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
