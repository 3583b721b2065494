package com.etitle.support;

import java.util.concurrent.atomic.AtomicInteger;

/** Fresh, valid resident ID numbers (GB 11643 check character) for tests that need many distinct people. */
public final class IdCards {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 9000));

    private IdCards() {
    }

    /** A valid number for someone born in Beijing's Chaoyang district on a date of 1970–1997; never the same twice in a run. */
    public static String next() {
        int n = NEXT.getAndIncrement();
        int year = 1970 + (n / 1000) % 28;
        int day = 1 + (n / 28) % 28;
        String first17 = "110105" + year + String.format("%02d%02d%03d", 1 + n % 12, day, n % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + CHECK.charAt(sum % 11);
    }
}
