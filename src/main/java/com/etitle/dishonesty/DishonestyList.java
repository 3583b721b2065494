package com.etitle.dishonesty;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.etitle.authority.Authority;
import com.etitle.certificate.IdNumbers;
import com.etitle.common.ClockProducer;
import com.etitle.common.PageRequest;
import com.etitle.crypto.Hashes;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Reads of an authority's dishonesty list (失信黑名单); entries are written by revocations for fraud. */
@ApplicationScoped
public class DishonestyList {

    /** One entry as the authority's staff see it: the ID number masked, and whether the bar holds today. */
    @Schema(name = "DishonestyListEntry")
    public record Entry(String certificateNumber, String holderName, String holderIdNumberMasked, String reason, LocalDate startsOn,
            LocalDate endsOn, boolean active) {
    }

    /** Whether a person is barred, until when, and every entry about them. */
    @Schema(name = "DishonestyAnswer")
    public record Answer(boolean barred, LocalDate barredUntil, List<Entry> entries) {
    }

    private final Clock clock;

    DishonestyList(Clock clock) {
        this.clock = clock;
    }

    /** Newest first. */
    @Transactional
    public List<Entry> page(Authority authority, PageRequest paging) {
        return DishonestyEntry.<DishonestyEntry>find("authority = ?1 order by createdAt desc, id desc", authority)
                .page(paging.page(), paging.size()).list().stream().map(this::entry).toList();
    }

    /** The entries about the person with this (valid, normalised) ID number, looked up by its hash. */
    @Transactional
    public Answer about(Authority authority, String idNumber) {
        List<Entry> entries = DishonestyEntry.<DishonestyEntry>find("authority = ?1 and holderIdHash = ?2 order by endsOn desc",
                authority, Hashes.sha256Hex(idNumber)).list().stream().map(this::entry).toList();
        LocalDate until = entries.stream().filter(Entry::active).map(Entry::endsOn).max(LocalDate::compareTo).orElse(null);
        return new Answer(until != null, until, entries);
    }

    private Entry entry(DishonestyEntry e) {
        LocalDate today = clock.instant().atZone(ClockProducer.CHINA).toLocalDate();
        return new Entry(e.certificate.number, e.certificate.title.holderName, IdNumbers.mask(e.certificate.title.holderIdNumber), e.reason, e.startsOn,
                e.endsOn, !today.isBefore(e.startsOn) && today.isBefore(e.endsOn));
    }
}
