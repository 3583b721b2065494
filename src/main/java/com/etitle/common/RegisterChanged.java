package com.etitle.common;

import jakarta.persistence.EntityManager;

/**
 * Fired (CDI event) by a transaction that changed what verification holds in memory — a certificate's status or a
 * key's — with the version of the register's change log it wrote; observed after a successful commit, so the
 * replica that made the change has it in memory before its caller is answered.
 */
public record RegisterChanged(long version) {

    /** The change this transaction has just written (its pending updates are flushed first, so the trigger ran). */
    public static RegisterChanged written(EntityManager em) {
        em.flush();
        return new RegisterChanged(((Number) em.createNativeQuery("SELECT version FROM register_clock").getSingleResult()).longValue());
    }
}
