package com.etitle.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.etitle.certificate.CertificateStatus;
import com.etitle.certificate.StatusPurpose;

/** The whole transition table, cell by cell: every allowed move, and every other move refused. */
class CertificateStatusTest {

    private static final Map<CertificateStatus, Set<CertificateStatus>> ALLOWED = Map.of(
            CertificateStatus.VALID, Set.of(CertificateStatus.SUSPENDED, CertificateStatus.REVOKED, CertificateStatus.VOIDED),
            CertificateStatus.SUSPENDED, Set.of(CertificateStatus.VALID, CertificateStatus.REVOKED),
            CertificateStatus.REVOKED, Set.of(),
            CertificateStatus.VOIDED, Set.of());

    @ParameterizedTest
    @EnumSource(CertificateStatus.class)
    void each_status_allows_exactly_the_moves_of_the_table(CertificateStatus from) {
        for (CertificateStatus to : CertificateStatus.values()) {
            assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(ALLOWED.get(from).contains(to));
        }
    }

    @ParameterizedTest
    @EnumSource(CertificateStatus.class)
    void a_status_sets_its_bit_in_the_list_of_its_purpose_only(CertificateStatus status) {
        assertThat(status.setIn(StatusPurpose.REVOCATION)).isEqualTo(status == CertificateStatus.REVOKED || status == CertificateStatus.VOIDED);
        assertThat(status.setIn(StatusPurpose.SUSPENSION)).isEqualTo(status == CertificateStatus.SUSPENDED);
    }
}
