package com.etitle.committee;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The published form of a committee (评委会清单, seed 001 §八(三)): what a portal shows, with the contact
 * details the seed asks to make public. Nothing else goes on the wire: no members (never stored), no
 * internal ids, versions or audit data.
 */
@Schema(name = "Committee", description = "A published evaluation committee")
public record CommitteeView(
        long id,
        @Schema(description = "Code of the authority the committee is filed with (see /api/v1/issuers/{code})") String authority,
        String code,
        String name,
        CommitteeLevel level,
        String series,
        String specialtyScope,
        String managingDepartment,
        String approvingAuthority,
        String region,
        String contactPhone,
        String contactAddress,
        String filingNumber,
        CommitteeStatus status,
        LocalDate establishedOn) {

    static CommitteeView of(Committee c, String authorityCode) {
        return new CommitteeView(c.id, authorityCode, c.code, c.name, c.level, c.series, c.specialtyScope, c.managingDepartment,
                c.approvingAuthority, c.region, c.contactPhone, c.contactAddress, c.filingNumber, c.status, c.establishedOn);
    }
}
