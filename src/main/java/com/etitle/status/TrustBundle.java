package com.etitle.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.etitle.authority.Authority;
import com.etitle.authority.AuthorityService;
import com.etitle.authority.AuthoritySigner;
import com.etitle.authority.IssuerView;
import com.etitle.authority.PublicIds;
import com.etitle.certificate.StatusList;
import com.etitle.certificate.StatusPurpose;
import com.etitle.common.PublicAnswers;
import com.etitle.crypto.CompactJws;
import com.etitle.crypto.Hashes;
import com.etitle.crypto.KeyAlgorithm;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Everything an offline verifier needs, in one signed document: every authority's DID and keys with their status,
 * and every status list, the Token Status Lists embedded (signed by their authority) and the W3C lists by URL and
 * SHA-256. It is a JWS in the JSON general serialisation with one signature per authority, by its current key, so
 * an app that trusts one authority checks that authority's signature with a key it already holds.
 *
 * <p>It is rebuilt when a key or a status changed, and at least every {@link #REFRESH}, since the embedded lists
 * expire after {@link StatusLists#TOKEN_LIST_VALIDITY}.
 */
@ApplicationScoped
public class TrustBundle {

    public static final String TYPE = "trust-bundle+jws";
    /** When a verifier should fetch the bundle again; it may keep using it until the embedded lists expire. */
    public static final Duration REFRESH = Duration.ofHours(1);

    /**
     * The bundle's payload. {@code expires}: after it, a verifier must not rely on the bundle (the embedded lists are
     * re-signed at a quarter of their validity, so every one of them is still valid until then).
     */
    public record Content(String type, Instant issuedAt, Instant nextUpdate, Instant expires, List<AuthorityEntry> authorities,
            List<TokenStatusListEntry> tokenStatusLists, List<StatusListEntry> statusLists) {
    }

    /** An authority: its DID (the {@code iss} of its tokens), its authority document, and every key version with its status. */
    public record AuthorityEntry(String id, String authorityDocument, String code, String name, String region, KeyAlgorithm algorithm,
            List<IssuerView.KeyView> keys) {
    }

    /** A Token Status List as served at {@code uri} (a {@code statuslist+jwt} signed by {@code issuer}). */
    public record TokenStatusListEntry(String uri, String issuer, String statusListToken) {
    }

    /** A W3C Bitstring Status List credential: where it is and the SHA-256 of its bytes as served now. */
    public record StatusListEntry(String url, String issuer, String statusPurpose, String sha256) {
    }

    private record Built(String state, Instant builtAt, PublicAnswers.Tagged answer) {
    }

    private final EntityManager em;
    private final Clock clock;
    private final AuthorityService authorities;
    private final AuthoritySigner signer;
    private final StatusLists lists;
    private final PublicIds ids;
    private final ObjectMapper mapper;
    private final PublicAnswers answers;
    private volatile Built built;

    TrustBundle(EntityManager em, Clock clock, AuthorityService authorities, AuthoritySigner signer, StatusLists lists, PublicIds ids,
            ObjectMapper mapper, PublicAnswers answers) {
        this.em = em;
        this.clock = clock;
        this.authorities = authorities;
        this.signer = signer;
        this.lists = lists;
        this.ids = ids;
        this.mapper = mapper;
        this.answers = answers;
    }

    /** The signed bundle (JWS JSON), rebuilt only when keys or statuses changed or it is due. */
    @Transactional
    public PublicAnswers.Tagged signed() {
        String state = state();
        Instant now = clock.instant();
        Built current = built;
        if (current == null || !current.state().equals(state) || !current.builtAt().plus(REFRESH.dividedBy(2)).isAfter(now)) {
            current = new Built(state, now, answers.tagged(build(now)));
            built = current;
        }
        return current.answer();
    }

    /** What the bundle is made of, in one query: list versions only grow, keys are only added or compromised. */
    private String state() {
        Object[] row = (Object[]) em.createNativeQuery("""
                select (select coalesce(sum(version), 0) || ':' || count(*) from status_list),
                       (select count(*) || ':' || count(compromised_at) from signing_key),
                       (select count(*) || ':' || coalesce(sum(length(name) + length(region)), 0) from authority)""")
                .getSingleResult();
        return row[0] + "/" + row[1] + "/" + row[2];
    }

    private Map<String, Object> build(Instant now) {
        Instant issuedAt = now.truncatedTo(ChronoUnit.SECONDS);
        List<AuthorityEntry> entries = authorities.list().stream()
                .map(a -> new AuthorityEntry(a.alsoKnownAs().get(0), a.id(), a.code(), a.name(), a.region(), a.algorithm(), a.keys()))
                .toList();
        List<TokenStatusListEntry> tokenLists = new ArrayList<>();
        List<StatusListEntry> w3cLists = new ArrayList<>();
        List<Authority> signers = new ArrayList<>();
        List<CompactJws.Signature> signatures = new ArrayList<>();
        for (Authority authority : Authority.<Authority>list("order by code")) {
            signer.jwsSignature(authority, TYPE).ifPresent(signature -> {
                signers.add(authority);
                signatures.add(signature);
            });
        }
        for (StatusList list : em.createQuery("from StatusList l join fetch l.authority order by l.id", StatusList.class).getResultList()) {
            if (signers.stream().noneMatch(a -> a.id.equals(list.authority.id))) {
                // an authority that cannot sign here has no list this replica can vouch for; another replica's bundle has them
                continue;
            }
            String issuer = ids.issuerId(list.authority.code);
            tokenLists.add(new TokenStatusListEntry(ids.tokenStatusList(list.id), issuer, lists.signedTokenList(String.valueOf(list.id))));
            for (StatusPurpose purpose : StatusPurpose.values()) {
                String text = lists.signedList(String.valueOf(list.id), purpose.value());
                w3cLists.add(new StatusListEntry(ids.statusList(list.id, purpose.value()), issuer, purpose.value(), Hashes.sha256Hex(text)));
            }
        }
        Content content = new Content(TYPE, issuedAt, issuedAt.plus(REFRESH), issuedAt.plus(StatusLists.TOKEN_LIST_VALIDITY.multipliedBy(3).dividedBy(4)),
                entries, tokenLists, w3cLists);
        try {
            return CompactJws.signGeneral(mapper.writeValueAsBytes(content), signatures, mapper);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the trust bundle", e);
        }
    }
}
