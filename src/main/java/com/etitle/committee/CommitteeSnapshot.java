package com.etitle.committee;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every published committee at one register version, in id order, with the public list's filters and
 * paging. A province files hundreds to a few thousand committees: filtering them in memory takes tens of
 * microseconds, where the same filters in SQL (a count and a page, the text query scanning every row)
 * took milliseconds and a connection each.
 */
final class CommitteeSnapshot {

    private record Listed(CommitteeView view, String searchText) {
    }

    private final long version;
    private final List<Listed> committees;
    private final Map<Long, CommitteeView> byId;

    CommitteeSnapshot(long version, List<CommitteeView> inIdOrder) {
        this.version = version;
        List<Listed> listed = new ArrayList<>(inIdOrder.size());
        Map<Long, CommitteeView> index = new HashMap<>();
        for (CommitteeView c : inIdOrder) {
            // newline: a query cannot contain one (control characters are refused), so no match spans two fields
            listed.add(new Listed(c, lower(c.name() + "\n" + c.specialtyScope() + "\n" + c.managingDepartment())));
            index.put(c.id(), c);
        }
        this.committees = List.copyOf(listed);
        this.byId = Map.copyOf(index);
    }

    long version() {
        return version;
    }

    Optional<CommitteeView> committee(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    CommitteePage page(CommitteeQuery q) {
        String text = q.text() == null ? null : lower(q.text());
        List<CommitteeView> items = new ArrayList<>(q.size());
        long total = 0;
        for (Listed c : committees) {
            CommitteeView v = c.view();
            if ((q.authority() == null || q.authority().equals(v.authority()))
                    && (q.series() == null || q.series().equals(v.series()))
                    && (q.level() == null || q.level() == v.level())
                    && (q.region() == null || q.region().equals(v.region()))
                    && (q.status() == null || q.status() == v.status())
                    && (text == null || c.searchText().contains(text))) {
                if (total >= q.offset() && items.size() < q.size()) {
                    items.add(v);
                }
                total++;
            }
        }
        return new CommitteePage(List.copyOf(items), q.page(), q.size(), total);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
