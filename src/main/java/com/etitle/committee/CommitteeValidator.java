package com.etitle.committee;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

import com.etitle.common.Fields;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;

/**
 * Checks a {@link CommitteeRequest} field by field and names every invalid one. Field kinds (text, phone,
 * dates, choices) are {@link Fields}' rules, the same as everywhere else; only what is particular to a
 * committee is here: the shape of its code and the earliest establishment date.
 */
final class CommitteeValidator {

    /** Earliest establishment date accepted; no title committee predates 1950. */
    static final LocalDate EARLIEST = LocalDate.of(1950, 1, 1);

    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,31}");

    /** The checked, typed form of a request. */
    record ValidCommittee(String name, String code, CommitteeLevel level, String series, String specialtyScope,
            String managingDepartment, String approvingAuthority, String region, String contactPhone, String contactAddress,
            String filingNumber, CommitteeStatus status, LocalDate establishedOn) {
    }

    private CommitteeValidator() {
    }

    static ValidCommittee validate(CommitteeRequest r, LocalDate today) {
        if (r == null) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "detail.body.required");
        }
        Fields v = new Fields();
        String name = v.text("name", r.name(), 200);
        String code = code(v, r.code());
        CommitteeLevel level = v.choice("level", r.level(), CommitteeLevel.class);
        String series = v.text("series", r.series(), 50);
        String scope = v.text("specialtyScope", r.specialtyScope(), 500);
        String department = v.text("managingDepartment", r.managingDepartment(), 200);
        String approving = v.text("approvingAuthority", r.approvingAuthority(), 200);
        String region = v.text("region", r.region(), 100);
        String phone = v.phone("contactPhone", r.contactPhone());
        String address = v.text("contactAddress", r.contactAddress(), 300);
        String filing = v.text("filingNumber", r.filingNumber(), 100);
        CommitteeStatus status = v.choice("status", r.status(), CommitteeStatus.class);
        LocalDate established = v.pastDate("establishedOn", r.establishedOn(), today, EARLIEST);
        v.throwIfInvalid("consequence.nothing-saved");
        return new ValidCommittee(name, code, level, series, scope, department, approving, region, phone, address, filing, status,
                established);
    }

    /** Stored upper-case, so codes are unique whatever case they are filed in. */
    private static String code(Fields v, String value) {
        int before = v.errors().size();
        String text = v.text("code", value, 32);
        if (text == null || v.errors().size() > before) {
            return text;
        }
        String upper = text.toUpperCase(Locale.ROOT);
        if (!CODE.matcher(upper).matches()) {
            v.fail("code", "reason.committee-code");
        }
        return upper;
    }
}
