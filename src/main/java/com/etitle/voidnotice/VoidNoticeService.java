package com.etitle.voidnotice;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.etitle.audit.AuditLog;
import com.etitle.authority.Authority;
import com.etitle.authority.AuthoritySigner;
import com.etitle.authority.PublicIds;
import com.etitle.certificate.Certificate;
import com.etitle.certificate.CertificateView;
import com.etitle.common.ClockProducer;
import com.etitle.common.PageRequest;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.panache.common.Sort;

/**
 * Void declarations and the notices that publish them (seed 001 §七(三): 遗失证书作废声明 … 定期在门户网站公布).
 * A notice is a JSON document signed like a credential, by the authority's current key, and stored byte
 * for byte; the database refuses to change it afterwards.
 */
@ApplicationScoped
public class VoidNoticeService {

    public static final String TYPE = "VoidNotice";
    /** Defines the proof's terms; our void-notice context defines the rest. */
    static final String DATA_INTEGRITY_CONTEXT = "https://w3id.org/security/data-integrity/v2";
    public static final String PATH = PublicIds.VOID_NOTICES_PATH;

    /** A notice just published: its number and the signed notice. */
    public record Published(String noticeNumber, String signedNotice) {
    }

    private final EntityManager em;
    private final Clock clock;
    private final AuthoritySigner signer;
    private final AuditLog audit;
    private final ObjectMapper mapper;
    private final PublicIds publicIds;

    VoidNoticeService(EntityManager em, Clock clock, AuthoritySigner signer, AuditLog audit, ObjectMapper mapper, PublicIds publicIds) {
        this.em = em;
        this.clock = clock;
        this.signer = signer;
        this.audit = audit;
        this.mapper = mapper;
        this.publicIds = publicIds;
    }

    /** Queues the declaration of a certificate voided in the caller's transaction; its void date is today in China. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queue(Certificate voided, String reason) {
        Instant now = clock.instant();
        VoidDeclaration d = new VoidDeclaration();
        d.authority = voided.authority;
        d.certificate = voided;
        d.reason = reason;
        d.voidDate = now.atZone(ClockProducer.CHINA).toLocalDate();
        d.createdAt = now;
        d.persist();
    }

    /**
     * Publishes the authority's queued declarations as one signed notice; empty when none is queued. The
     * declarations are taken with {@code FOR UPDATE SKIP LOCKED}: a replica publishing at the same moment
     * skips what this one took, so no declaration is in two notices and neither replica waits.
     */
    @Transactional
    public Optional<Published> publish(Authority authority, String actor) {
        List<?> ids = em.createNativeQuery(
                "SELECT id FROM void_declaration WHERE authority_id = ?1 AND notice_id IS NULL ORDER BY id FOR UPDATE SKIP LOCKED")
                .setParameter(1, authority.id).getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        // Numbers run per authority and year; this lock makes two publications of one authority number in turn.
        Authority locked = em.find(Authority.class, authority.id, LockModeType.PESSIMISTIC_WRITE);
        List<VoidDeclaration> declarations = em.createQuery(
                "from VoidDeclaration d join fetch d.certificate where d.id in ?1 order by d.voidDate, d.id", VoidDeclaration.class)
                .setParameter(1, ids.stream().map(id -> ((Number) id).longValue()).toList()).getResultList();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String number = nextNumber(locked, now);
        VoidNoticeView unsigned = new VoidNoticeView(List.of(DATA_INTEGRITY_CONTEXT, publicIds.voidNoticeContextUrl()),
                publicIds.voidNotice(number), TYPE, number, now,
                new CertificateView.Issuer(publicIds.issuerId(locked.code), locked.code, locked.name),
                declarations.stream().map(VoidNoticeService::entry).toList(), null);
        AuthoritySigner.Signed signed = signer.secure(locked, mapper.valueToTree(unsigned), now);
        VoidNotice notice = new VoidNotice();
        notice.authority = locked;
        notice.noticeNumber = number;
        notice.publishedAt = now;
        notice.signedNotice = write(signed.json());
        notice.persist();
        declarations.forEach(d -> d.notice = notice);
        audit.append(actor, locked.code, "void-notice.published", number,
                Map.of("entries", declarations.size(), "keyId", signed.key().kid));
        return Optional.of(new Published(number, notice.signedNotice));
    }

    /** Authorities whose oldest queued declaration was queued at or before the cutoff. */
    @Transactional
    public List<Authority> queuedSince(Instant cutoff) {
        return Authority.list("""
                id in (select d.authority.id from VoidDeclaration d where d.notice is null
                       group by d.authority.id having min(d.createdAt) <= ?1)""", cutoff);
    }

    /** The signed notice, exactly as published. */
    @Transactional
    public String signedNotice(String number) {
        return VoidNotice.<VoidNotice>find("noticeNumber", number).firstResultOptional()
                .map(n -> n.signedNotice)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "detail.void-notice.unknown"));
    }

    /** Published notices of every authority, newest first. */
    @Transactional
    public VoidNoticePage page(PageRequest paging) {
        List<VoidNoticeView> items = VoidNotice.<VoidNotice>findAll(Sort.descending("publishedAt", "id")).page(paging.page(), paging.size()).list()
                .stream().map(n -> read(n.signedNotice)).toList();
        return new VoidNoticePage(items, paging.page(), paging.size(), VoidNotice.count());
    }

    private String nextNumber(Authority authority, Instant now) {
        ZonedDateTime local = now.atZone(ClockProducer.CHINA);
        Instant yearStart = LocalDate.of(local.getYear(), 1, 1).atStartOfDay(ClockProducer.CHINA).toInstant();
        long earlier = VoidNotice.count("authority = ?1 and publishedAt >= ?2", authority, yearStart);
        return String.format(Locale.ROOT, "%s-VOID-%d-%03d", authority.code, local.getYear(), earlier + 1);
    }

    private static VoidNoticeView.Entry entry(VoidDeclaration d) {
        Certificate c = d.certificate;
        return new VoidNoticeView.Entry(c.number, HolderNames.mask(c.title.holderName), c.title.qualificationName, d.reason, d.voidDate);
    }

    private String write(ObjectNode document) {
        try {
            return mapper.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a void notice", e);
        }
    }

    private VoidNoticeView read(String document) {
        try {
            return mapper.readValue(document, VoidNoticeView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored void notice is not readable", e);
        }
    }
}
