package com.etitle.boot;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.etitle.authority.Authority;
import com.etitle.authority.AuthoritiesConfig;
import com.etitle.authority.AuthorityService;
import com.etitle.authority.CreditCodes;
import com.etitle.authority.KeyRing;
import com.etitle.certificate.CertificateService;
import com.etitle.certificate.CertificateView;
import com.etitle.certificate.IssueRequest;
import com.etitle.certificate.LicenceIdBackfill;
import com.etitle.common.DatabaseFaults;
import com.etitle.crypto.KeyAlgorithm;
import com.etitle.status.StatusBackfill;

import io.quarkus.runtime.StartupEvent;

/**
 * Start-up, in order: register the configured authorities, load their keys, give certificates issued before
 * e-licence identifiers theirs and those issued before status lists a slot, and in the zero-setup run seed the demo
 * authority and demo certificates and print how to try them.
 */
@Singleton
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class);
    static final String DEMO = "DEMO";
    /** How long start-up keeps trying to declare an authority while the database does not answer in time. */
    private static final Duration DECLARE_FOR = Duration.ofSeconds(60);
    private static final Duration RETRY_DECLARING_AFTER = Duration.ofMillis(500);
    /**
     * The demo authority's unified social credit code: made up (division 990000 is no region's), with its GB 32100
     * check character, as every code must have.
     */
    static final String DEMO_CREDIT_CODE = CreditCodes.withCheckCharacter("11990000DEM000001");

    private final AuthoritiesConfig authorities;
    private final AuthorityService authorityService;
    private final KeyRing keyRing;
    private final CertificateService certificates;
    private final StatusBackfill statusBackfill;
    private final LicenceIdBackfill licenceIdBackfill;
    private final boolean embedded;
    private final int port;

    Bootstrap(AuthoritiesConfig authorities, AuthorityService authorityService, KeyRing keyRing, CertificateService certificates,
            StatusBackfill statusBackfill, LicenceIdBackfill licenceIdBackfill,
            @ConfigProperty(name = "etitle.embedded", defaultValue = "false") boolean embedded,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port) {
        this.authorities = authorities;
        this.authorityService = authorityService;
        this.keyRing = keyRing;
        this.certificates = certificates;
        this.statusBackfill = statusBackfill;
        this.licenceIdBackfill = licenceIdBackfill;
        this.embedded = embedded;
        this.port = port;
    }

    void onStart(@Observes StartupEvent event) {
        authorities.all().forEach((code, def) -> declare(code, () -> authorityService.ensure(code, def.name(), def.region(),
                def.algorithm(), def.creditCode())));
        if (embedded) {
            declare(DEMO, () -> authorityService.ensure(DEMO, "示范省人力资源和社会保障厅", "示范省", KeyAlgorithm.ED25519, DEMO_CREDIT_CODE));
        }
        // before the status backfill, which re-signs credentials from the record, identifier included
        licenceIdBackfill.run();
        statusBackfill.run();
        if (embedded) {
            CertificateView first = seedDemoCertificates();
            printWelcome(first);
        }
    }

    /**
     * Registers the authority and loads its keys. Replicas starting together take turns (a lock in
     * {@link AuthorityService#ensure}, the authority's row in {@link KeyRing#load}); one kept waiting past the
     * statement and socket timeouts, which a loaded machine can make the first one's turn last, tries again rather
     * than fail its start. So does one started while the database is briefly away.
     */
    private void declare(String code, Supplier<Authority> ensure) {
        long deadline = System.nanoTime() + DECLARE_FOR.toNanos();
        for (int attempt = 1;; attempt++) {
            try {
                keyRing.load(ensure.get());
                return;
            } catch (RuntimeException e) {
                if (!DatabaseFaults.unavailable(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.warnf("Declaring authority %s: the database did not answer in time (%s), perhaps while another replica declares it;"
                        + " trying again (attempt %d)", code, DatabaseFaults.reason(e).orElse("?"), attempt + 1);
                try {
                    Thread.sleep(RETRY_DECLARING_AFTER.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Idempotent: the demo requests carry fixed idempotency keys, so a restart returns the same certificates. */
    private CertificateView seedDemoCertificates() {
        Authority demo = Authority.findByCode(DEMO).orElseThrow();
        List<IssueRequest> requests = DemoData.REQUESTS;
        CertificateView first = null;
        for (int i = 0; i < requests.size(); i++) {
            CertificateView view = certificates.issue(demo, "demo-seed", "demo-" + (i + 1), requests.get(i)).certificate();
            if (first == null) {
                first = view;
            }
        }
        return first;
    }

    private void printWelcome(CertificateView demo) {
        String base = "http://localhost:" + port;
        String body = "{\"certificateNumber\":\"" + demo.number() + "\",\"holderName\":\"" + demo.holderName()
                + "\",\"verificationCode\":\"" + demo.verificationCode() + "\"}";
        // one record a line: the log filter escapes line breaks inside a record (common.LogNeutraliser)
        String welcome = """

                etitle is listening on %s (Swagger UI: %s/q/swagger-ui)
                Demo authority %s is seeded with %s's certificate %s. Verify it:

                  curl -s -X POST %s/api/v1/verifications -H 'Content-Type: application/json' -d '%s'

                An issuer token for the demo authority: java -jar target/etitle-runner.jar dev-token --role issuer --authority %s
                A token for %s, to try the holder's API (/api/v1/me/certificates):
                  java -jar target/etitle-runner.jar dev-token --role holder --demo-holder 1
                """.formatted(base, base, DEMO, demo.holderName(), demo.number(), base, body, DEMO, demo.holderName());
        welcome.lines().forEach(LOG::info);
    }
}
