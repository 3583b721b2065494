package com.etitle.committee;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The in-memory filters and paging the public list is answered with, without HTTP or a database. */
class CommitteeSnapshotTest {

    private static final CommitteeSnapshot SNAPSHOT = new CommitteeSnapshot(7, List.of(
            committee(1, "A", "工程", CommitteeLevel.SENIOR, "兰州市", CommitteeStatus.ACTIVE, "工程系列高级评委会", "建筑设计", "住建厅"),
            committee(2, "A", "工程", CommitteeLevel.INTERMEDIATE, "天水市", CommitteeStatus.SUSPENDED, "工程系列中级评委会", "结构", "住建局"),
            committee(3, "B", "卫生", CommitteeLevel.SENIOR, "兰州市", CommitteeStatus.ACTIVE, "卫生系列高级评委会", "内科、外科", "卫健委"),
            committee(4, "A", "卫生", CommitteeLevel.SENIOR, "兰州市", CommitteeStatus.REVOKED, "Nursing Board", "护理", "卫健委")));

    @Test
    void no_filter_lists_everything_in_id_order() {
        assertThat(ids(query(null, null, null, null, null, null, 0, 20))).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void each_filter_narrows_and_filters_combine() {
        assertThat(ids(query("B", null, null, null, null, null, 0, 20))).containsExactly(3L);
        assertThat(ids(query(null, "工程", null, null, null, null, 0, 20))).containsExactly(1L, 2L);
        assertThat(ids(query(null, null, CommitteeLevel.SENIOR, null, null, null, 0, 20))).containsExactly(1L, 3L, 4L);
        assertThat(ids(query(null, null, null, "天水市", null, null, 0, 20))).containsExactly(2L);
        assertThat(ids(query(null, null, null, null, CommitteeStatus.REVOKED, null, 0, 20))).containsExactly(4L);
        assertThat(ids(query("A", "卫生", CommitteeLevel.SENIOR, "兰州市", CommitteeStatus.REVOKED, null, 0, 20))).containsExactly(4L);
        assertThat(ids(query("A", "卫生", CommitteeLevel.SENIOR, "兰州市", CommitteeStatus.ACTIVE, null, 0, 20))).isEmpty();
    }

    @Test
    void the_text_query_looks_in_name_specialty_scope_and_department_ignoring_case() {
        assertThat(ids(query(null, null, null, null, null, "高级", 0, 20))).containsExactly(1L, 3L);
        assertThat(ids(query(null, null, null, null, null, "结构", 0, 20))).containsExactly(2L);
        assertThat(ids(query(null, null, null, null, null, "卫健委", 0, 20))).containsExactly(3L, 4L);
        assertThat(ids(query(null, null, null, null, null, "nursing BOARD", 0, 20))).containsExactly(4L);
        assertThat(ids(query(null, null, null, null, null, "%", 0, 20))).isEmpty();
    }

    @Test
    void a_text_query_never_matches_across_two_fields() {
        assertThat(ids(query(null, null, null, null, null, "评委会建筑", 0, 20))).isEmpty();
    }

    @Test
    void pages_cover_the_matches_once_and_count_them_all() {
        List<Long> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            CommitteePage p = SNAPSHOT.page(query(null, null, null, null, null, null, page, 2));
            assertThat(p.total()).isEqualTo(4);
            seen.addAll(p.items().stream().map(CommitteeView::id).toList());
        }
        assertThat(seen).containsExactly(1L, 2L, 3L, 4L);
        assertThat(SNAPSHOT.page(query(null, "工程", null, null, null, null, 5, 2)).items()).isEmpty();
    }

    @Test
    void a_committee_is_found_by_id_and_an_unknown_id_is_not() {
        assertThat(SNAPSHOT.committee(3)).map(CommitteeView::name).contains("卫生系列高级评委会");
        assertThat(SNAPSHOT.committee(99)).isEmpty();
        assertThat(SNAPSHOT.version()).isEqualTo(7);
    }

    private static List<Long> ids(CommitteeQuery query) {
        return SNAPSHOT.page(query).items().stream().map(CommitteeView::id).toList();
    }

    private static CommitteeQuery query(String authority, String series, CommitteeLevel level, String region, CommitteeStatus status,
            String text, int page, int size) {
        return new CommitteeQuery(authority, series, level, region, status, text, page, size);
    }

    private static CommitteeView committee(long id, String authority, String series, CommitteeLevel level, String region,
            CommitteeStatus status, String name, String scope, String department) {
        return new CommitteeView(id, authority, "C" + id, name, level, series, scope, department, "测试省人社厅", region, "0931-8123456",
                "兰州市示范路1号", "测职改备〔2026〕" + id + "号", status, LocalDate.of(2018, 9, 1));
    }
}
