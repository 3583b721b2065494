package com.etitle.verification;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;

/**
 * Every certificate number this replica has seen in the register, with what a signed token does not carry (its
 * authority with the parts of its e-licence identifier other than the number, series and level) packed into one int:
 * about 24 bytes a certificate at most, so a million certificates fit in 24 MiB where Java objects would take ten
 * times that. A number is a 64-bit hash, so a number that is not here can collide with one that is with odds of about
 * n / 2^64 (5·10^-14 at a million), and only a form signed by one of our own active keys is ever looked up. Nothing is
 * ever removed: a certificate is never deleted and these facts never change, so an entry cannot go stale, but for the
 * one change of a certificate issued before e-licence identifiers, which gets one once (a second put replaces its
 * facts); a number that is not (yet) here is read from the database. Reads take no lock; writers take this object's
 * monitor.
 */
final class KnownCertificates {

    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(long[].class);
    /** Distinct authorities with the identifier parts their certificates share (RegisterMemory's issues). */
    private static final int MAX_ISSUES = 1 << 11;
    private static final int MAX_SERIES = 1 << 17;
    private static final int MAX_LEVELS = 1 << 3;

    /** The arrays of one capacity; replaced whole when full, so a reader always sees one consistent table. */
    private record Table(long[] keys, int[] values) {
    }

    private volatile Table table;
    private int size;

    KnownCertificates(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        table = new Table(new long[capacity], new int[capacity]);
    }

    /** What is known of a number: its packed facts, or -1 when it is not (yet) here. */
    int get(String number) {
        long key = hash(number);
        Table t = table;
        int mask = t.keys.length - 1;
        for (int i = spread(key) & mask;; i = (i + 1) & mask) {
            long k = (long) SLOTS.getAcquire(t.keys, i);
            if (k == key) {
                return t.values[i];
            }
            if (k == 0) {
                return -1;
            }
        }
    }

    /** Adds a number; false when its facts do not fit the packing (the number is then always read from the database). */
    synchronized boolean put(String number, int packedFacts) {
        if (packedFacts < 0) {
            return false;
        }
        if ((size + 1) * 10L > table.keys.length * 6L) {
            grow();
        }
        if (insert(table, hash(number), packedFacts)) {
            size++;
        }
        return true;
    }

    int size() {
        return size;
    }

    /** Bytes held by the table's arrays. */
    long bytes() {
        Table t = table;
        return t.keys.length * (long) Long.BYTES + t.values.length * (long) Integer.BYTES;
    }

    /**
     * Packs a certificate's issue (its authority and identifier parts), series and level, each an index into this
     * replica's own lists; -1 when one is too large.
     */
    static int pack(int issue, int series, int level) {
        if (issue < 0 || issue >= MAX_ISSUES || series < 0 || series >= MAX_SERIES || level < 0 || level >= MAX_LEVELS) {
            return -1;
        }
        return issue << 20 | series << 3 | level;
    }

    static int issueOf(int packed) {
        return packed >>> 20;
    }

    static int seriesOf(int packed) {
        return packed >>> 3 & (MAX_SERIES - 1);
    }

    static int levelOf(int packed) {
        return packed & (MAX_LEVELS - 1);
    }

    private void grow() {
        Table old = table;
        Table bigger = new Table(new long[old.keys.length * 2], new int[old.values.length * 2]);
        for (int i = 0; i < old.keys.length; i++) {
            if (old.keys[i] != 0) {
                insert(bigger, old.keys[i], old.values[i]);
            }
        }
        table = bigger;
    }

    /**
     * The value is written before the key is published, so a reader that sees the key sees its value; a value replaced
     * is one int, read whole either before or after.
     */
    private static boolean insert(Table t, long key, int value) {
        int mask = t.keys.length - 1;
        for (int i = spread(key) & mask;; i = (i + 1) & mask) {
            long k = t.keys[i];
            if (k == key) {
                t.values[i] = value;
                return false;
            }
            if (k == 0) {
                t.values[i] = value;
                SLOTS.setRelease(t.keys, i, key);
                return true;
            }
        }
    }

    private static int spread(long key) {
        return (int) (key ^ key >>> 32);
    }

    /** FNV-1a over the UTF-8 bytes, then a 64-bit finaliser (splitmix); never 0, which marks an empty slot. */
    static long hash(String number) {
        long h = 0xcbf29ce484222325L;
        for (byte b : number.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h = (h ^ h >>> 30) * 0xbf58476d1ce4e5b9L;
        h = (h ^ h >>> 27) * 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return h == 0 ? 1 : h;
    }
}
