package com.etitle.dishonesty;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.etitle.authority.Authority;
import com.etitle.authority.Caller;
import com.etitle.certificate.IdNumbers;
import com.etitle.common.ClockProducer;
import com.etitle.common.Problem.InvalidParam;
import com.etitle.common.ProblemException;
import com.etitle.common.ProblemType;
import com.etitle.crypto.Hashes;

/**
 * The dishonesty list (失信黑名单) of the caller's authority. The ID number to look up travels in a
 * POST body, never in a URL, so it stays out of access logs and proxies.
 */
@Path("/api/v1/dishonesty-list")
@RolesAllowed({"issuer", "registrar"})
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dishonesty list")
public class DishonestyResource {

    public record Entry(String certificateNumber, String holderName, String holderIdNumberMasked, String reason, LocalDate startsOn,
            LocalDate endsOn, boolean active) {
    }

    public record Query(String holderIdNumber) {
    }

    public record Answer(boolean barred, LocalDate barredUntil, List<Entry> entries) {
    }

    private final Caller caller;
    private final Clock clock;

    DishonestyResource(Caller caller, Clock clock) {
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Transactional
    @Operation(summary = "Your authority's dishonesty list, newest first (ID numbers masked)")
    public Response list(@QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || size < 1 || size > 100) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "page >= 0 and 1 <= size <= 100",
                    List.of(new InvalidParam("size", "between 1 and 100")));
        }
        Authority authority = caller.authority();
        List<Entry> entries = DishonestyEntry.<DishonestyEntry>find("authority = ?1 order by createdAt desc, id desc", authority)
                .page(page, size).list().stream().map(this::entry).toList();
        return Response.ok(entries).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("queries")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Is this person barred by your authority, and until when?")
    public Response query(Query query) {
        String id = IdNumbers.normalise(query == null ? null : query.holderIdNumber());
        String problem = id.isEmpty() ? "is required" : IdNumbers.problem(id);
        if (problem != null) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "Invalid holderIdNumber", List.of(new InvalidParam("holderIdNumber", problem)));
        }
        List<Entry> entries = DishonestyEntry.<DishonestyEntry>find("authority = ?1 and holderIdHash = ?2 order by endsOn desc",
                caller.authority(), Hashes.sha256Hex(id)).list().stream().map(this::entry).toList();
        LocalDate until = entries.stream().filter(Entry::active).map(Entry::endsOn).max(LocalDate::compareTo).orElse(null);
        return Response.ok(new Answer(until != null, until, entries)).header("Cache-Control", "no-store").build();
    }

    private Entry entry(DishonestyEntry e) {
        LocalDate today = clock.instant().atZone(ClockProducer.CHINA).toLocalDate();
        return new Entry(e.certificate.number, e.certificate.holderName, IdNumbers.mask(e.certificate.holderIdNumber), e.reason, e.startsOn,
                e.endsOn, !today.isBefore(e.startsOn) && today.isBefore(e.endsOn));
    }
}
