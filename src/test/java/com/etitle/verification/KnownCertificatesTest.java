package com.etitle.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The compact table of known numbers: what was put is found with its facts, through growth and concurrent readers. */
class KnownCertificatesTest {

    @Test
    void every_number_put_is_found_with_its_facts_and_no_other_is() {
        KnownCertificates known = new KnownCertificates(16);
        for (int i = 0; i < 200_000; i++) {
            assertThat(known.put("A" + i, KnownCertificates.pack(i % 2048, i % 5000, i % 4))).isTrue();
        }

        for (int i = 0; i < 200_000; i++) {
            int packed = known.get("A" + i);
            assertThat(KnownCertificates.issueOf(packed)).isEqualTo(i % 2048);
            assertThat(KnownCertificates.seriesOf(packed)).isEqualTo(i % 5000);
            assertThat(KnownCertificates.levelOf(packed)).isEqualTo(i % 4);
        }
        for (int i = 0; i < 200_000; i++) {
            assertThat(known.get("B" + i)).isEqualTo(-1);
        }
        assertThat(known.size()).isEqualTo(200_000);
        assertThat(known.put("A7", KnownCertificates.pack(1, 1, 1))).as("a number is counted once").isTrue();
        assertThat(known.size()).isEqualTo(200_000);
    }

    @Test
    void facts_too_large_to_pack_are_refused_so_the_number_is_always_read_from_the_database() {
        assertThat(KnownCertificates.pack(2048, 0, 0)).isEqualTo(-1);
        assertThat(KnownCertificates.pack(0, 1 << 17, 0)).isEqualTo(-1);
        assertThat(KnownCertificates.pack(0, 0, 8)).isEqualTo(-1);
        KnownCertificates known = new KnownCertificates(16);
        assertThat(known.put("X", -1)).isFalse();
        assertThat(known.get("X")).isEqualTo(-1);
    }

    @Test
    void a_million_numbers_take_about_24_mib() {
        KnownCertificates known = new KnownCertificates(16);
        for (int i = 0; i < 1_000_000; i++) {
            known.put("44" + (10_000_000 + i), KnownCertificates.pack(1, 2, 3));
        }

        assertThat(known.bytes()).isEqualTo((1L << 21) * (Long.BYTES + Integer.BYTES));
        System.out.printf("1,000,000 known numbers: %d KiB%n", known.bytes() / 1024);
    }

    @Test
    void readers_see_every_number_put_before_they_looked_while_the_table_grows() throws Exception {
        KnownCertificates known = new KnownCertificates(16);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Set<Integer>> writer = pool.submit(() -> {
                for (int i = 0; i < 300_000; i++) {
                    known.put("N" + i, KnownCertificates.pack(1, i % 1000, 2));
                }
                return Set.of();
            });
            Future<Set<Integer>> reader = pool.submit(() -> {
                Set<Integer> wrong = new HashSet<>();
                while (!writer.isDone()) {
                    int size = known.size();
                    for (int i = Math.max(0, size - 1000); i < size; i++) {
                        int packed = known.get("N" + i);
                        // an entry may be missed while the table is being replaced (then read from the database), never wrong
                        if (packed != -1 && KnownCertificates.seriesOf(packed) != i % 1000) {
                            wrong.add(i);
                        }
                    }
                }
                return wrong;
            });
            writer.get(60, TimeUnit.SECONDS);
            assertThat(reader.get(60, TimeUnit.SECONDS)).isEmpty();
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < 300_000; i++) {
            assertThat(KnownCertificates.seriesOf(known.get("N" + i))).isEqualTo(i % 1000);
        }
    }
}
