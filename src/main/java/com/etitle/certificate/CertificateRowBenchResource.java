package com.etitle.certificate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A yardstick for {@code bench/verify}, not part of the API: one certificate row read by primary key with plain JDBC,
 * through the same HTTP stack, worker pool and connection pool as a verification, so a verification's throughput can
 * be set against the cheapest database read the service can answer. It exists only where
 * {@code etitle.bench.routes=true} is set at start-up; everywhere else it answers exactly as an unknown path does. It
 * answers no personal data: the row's id, its certificate number (printed on the certificate) and its status.
 */
@Path("/bench/certificate-row")
public class CertificateRowBenchResource {

    /** What the bench reads back. */
    public record Row(long id, String number, String status) {
    }

    private final DataSource dataSource;
    private final boolean enabled;

    CertificateRowBenchResource(DataSource dataSource, @ConfigProperty(name = "etitle.bench.routes", defaultValue = "false") boolean enabled) {
        this.dataSource = dataSource;
        this.enabled = enabled;
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Row row(@PathParam("id") long id) throws SQLException {
        if (!enabled) {
            // the mapper answers this as it answers a path no resource has
            throw new NotFoundException();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT id, number, status FROM certificate WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new NotFoundException();
                }
                return new Row(r.getLong(1), r.getString(2), r.getString(3));
            }
        }
    }
}
