package com.etitle.batch;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.etitle.authority.Authority;
import com.etitle.common.Invalid;
import com.etitle.common.Metrics;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;
import com.etitle.crypto.Hashes;
import com.etitle.crypto.Jcs;
import com.etitle.qualification.QualificationDocument;
import com.etitle.qualification.QualificationDocumentEntry;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;

/** Batch issuance from a qualification document: exactly one certificate per entry, all or nothing. */
@ApplicationScoped
// made at start, so that its series are exported (from zero) before the first request counts
@Startup
public class BatchService {

    private static final Logger LOG = Logger.getLogger(BatchService.class);

    /** What a request did: ran the batch now, or found it done by an earlier request with the same key. */
    public record Outcome(BatchView batch, boolean replayed) {
    }

    /** How a batch request ended, as its series counts it. */
    enum Ending {
        /** Issued and committed now. */
        COMPLETED,
        /** Done by an earlier request with the same key: nothing issued. */
        REPLAYED,
        /** The same batch is running on another request: 409, nothing issued. */
        RUNNING,
        /** Refused with a problem (the document's certificates already issued, say): nothing issued. */
        REFUSED,
        /** Failed (the database, a key, a bug: a 5xx): nothing issued; a retry with the same key runs it again. */
        FAILED
    }

    private final BatchLedger ledger;
    private final BatchIssuer issuer;
    private final ObjectMapper mapper;
    private final Timer[] ended;

    BatchService(BatchLedger ledger, BatchIssuer issuer, ObjectMapper mapper, Metrics metrics) {
        this.ledger = ledger;
        this.issuer = issuer;
        this.mapper = mapper;
        this.ended = new Timer[Ending.values().length];
        for (Ending ending : Ending.values()) {
            ended[ending.ordinal()] = metrics.batches(ending.name().toLowerCase(Locale.ROOT));
        }
    }

    public Outcome start(Authority authority, String actor, String idempotencyKey, BatchRequest request) {
        if (idempotencyKey == null || !idempotencyKey.matches("[\\x21-\\x7e]{1,128}")) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED,
                    List.of(Invalid.of("Idempotency-Key", "reason.idempotency-key.required")), "detail.batch.key-required");
        }
        if (request == null || request.documentId() == null) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, List.of(Invalid.of("documentId", "reason.required")), "detail.document-id.required");
        }
        QualificationDocument document = document(authority, request.documentId());
        String hash = HexFormat.of().formatHex(Hashes.sha256(Jcs.canonicalize(mapper.valueToTree(request))));
        long batchId = ledger.claim(authority, idempotencyKey, hash, document, entryCount(document));
        Timer.Sample started = Timer.start();
        BatchView before = ledger.view(authority, batchId);
        if (before.status() == BatchStatus.COMPLETED) {
            started.stop(ended[Ending.REPLAYED.ordinal()]);
            return new Outcome(before, true);
        }
        Ending ending = Ending.FAILED;
        try {
            long began = System.nanoTime();
            BatchView after = issuer.run(batchId, actor);
            LOG.infof("Batch %d: issued and committed in %d ms", batchId, (System.nanoTime() - began) / 1_000_000);
            ending = Ending.COMPLETED;
            return new Outcome(after, false);
        } catch (ProblemException e) {
            ending = e.type() == ProblemType.BATCH_RUNNING ? Ending.RUNNING : e.type().status() < 500 ? Ending.REFUSED : Ending.FAILED;
            if (e.type() != ProblemType.BATCH_RUNNING) {
                ledger.failed(batchId, e.getMessage());
            }
            throw e;
        } catch (RuntimeException e) {
            ledger.failed(batchId, "internal error; retry with the same Idempotency-Key");
            throw e;
        } finally {
            started.stop(ended[ending.ordinal()]);
        }
    }

    public BatchView get(Authority authority, long id) {
        return ledger.view(authority, id);
    }

    @Transactional
    QualificationDocument document(Authority authority, long id) {
        return QualificationDocument.<QualificationDocument>findByIdOptional(id)
                .filter(d -> d.authority.id.equals(authority.id))
                .orElseThrow(() -> new ProblemException(ProblemType.VALIDATION_FAILED,
                        List.of(Invalid.of("documentId", "reason.document.not-yours")), "detail.document.not-yours", id));
    }

    @Transactional
    int entryCount(QualificationDocument document) {
        return (int) QualificationDocumentEntry.count("document.id", document.id);
    }
}
