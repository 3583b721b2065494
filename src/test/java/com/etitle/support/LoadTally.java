package com.etitle.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

/**
 * Every answer a load generator received, by operation: which replica answered, with what status, how fast. Safe to
 * record into from many client threads; read once the load has ended. A request that got no answer (a refused
 * connection, a timeout) is recorded with status -1.
 */
public final class LoadTally {

    private record Answer(int replica, int status, long micros) {
    }

    /** Operations in the order first recorded, which is the order the table lists them in. */
    private final Map<String, Queue<Answer>> answers = Collections.synchronizedMap(new LinkedHashMap<>());
    private final int replicas;

    public LoadTally(int replicas) {
        this.replicas = replicas;
    }

    public void record(String operation, int replica, int status, long micros) {
        answers.computeIfAbsent(operation, o -> new ConcurrentLinkedQueue<>()).add(new Answer(replica, status, micros));
    }

    public long count(String operation) {
        return of(operation).size();
    }

    public long count(String operation, int status) {
        return of(operation).stream().filter(a -> a.status() == status).count();
    }

    public long count(String operation, int replica, int status) {
        return of(operation).stream().filter(a -> a.replica() == replica && a.status() == status).count();
    }

    public long requestsTo(String operation, int replica) {
        return of(operation).stream().filter(a -> a.replica() == replica).count();
    }

    /** Every operation's answers of 5xx or none at all, as "operation status: count"; empty when there were none. */
    public List<String> failures() {
        List<String> failures = new ArrayList<>();
        operations().forEach(op -> statuses(op).forEach((status, n) -> {
            if (status >= 500 || status < 0) {
                failures.add(op + " " + status + ": " + n);
            }
        }));
        return failures;
    }

    public Map<Integer, Long> statuses(String operation) {
        return statuses(List.copyOf(of(operation)));
    }

    /**
     * One line per operation: requests, how many each replica answered, requests per second over {@code elapsed},
     * p50 and p99 of the time to answer (nearest rank), and the count of each status; then the totals.
     */
    public String table(Duration elapsed) {
        StringBuilder table = new StringBuilder(String.format("%-26s %8s", "operation", "requests"));
        for (int r = 0; r < replicas; r++) {
            table.append(String.format(" %9s", "replica " + (r + 1)));
        }
        table.append(String.format(" %8s %8s %8s  %s%n", "req/s", "p50 ms", "p99 ms", "statuses"));
        List<Answer> all = new ArrayList<>();
        for (String op : operations()) {
            List<Answer> list = List.copyOf(of(op));
            all.addAll(list);
            table.append(line(op, list, elapsed, statuses(list)));
        }
        table.append(line("all", all, elapsed, statuses(all)));
        return table.toString();
    }

    private String line(String name, List<Answer> list, Duration elapsed, Map<Integer, Long> statuses) {
        StringBuilder line = new StringBuilder(String.format("%-26s %8d", name, list.size()));
        for (int r = 0; r < replicas; r++) {
            int replica = r;
            line.append(String.format(" %9d", list.stream().filter(a -> a.replica() == replica).count()));
        }
        long[] sorted = list.stream().mapToLong(Answer::micros).sorted().toArray();
        line.append(String.format(" %8.1f %8.1f %8.1f  %s%n", list.size() / (elapsed.toMillis() / 1000.0), percentile(sorted, 0.50) / 1000.0,
                percentile(sorted, 0.99) / 1000.0, statuses.entrySet().stream().map(e -> e.getKey() + "×" + e.getValue())
                        .collect(Collectors.joining(" "))));
        return line.toString();
    }

    private static Map<Integer, Long> statuses(List<Answer> list) {
        return list.stream().collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));
    }

    /** Nearest rank; 0 for no answers. */
    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private List<String> operations() {
        synchronized (answers) {
            return List.copyOf(answers.keySet());
        }
    }

    private Queue<Answer> of(String operation) {
        return answers.getOrDefault(operation, new ConcurrentLinkedQueue<>());
    }
}
