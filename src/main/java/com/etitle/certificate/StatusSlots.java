package com.etitle.certificate;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.etitle.authority.Authority;

/**
 * Each certificate's slot in its authority's status lists, drawn at issuance. A slot is drawn at random
 * among the free indices, so list positions say nothing about issue order. A list is opened anew once three
 * quarters of it are taken, which keeps random draws cheap and every list a large crowd. Publishing the
 * lists is the status feature's work; the slots are the certificate's, so issuing needs nothing above it.
 */
@ApplicationScoped
public class StatusSlots {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A certificate's place in its authority's lists. */
    public record Slot(long listId, int index) {
    }

    private final EntityManager em;
    private final Clock clock;

    StatusSlots(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
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
}
