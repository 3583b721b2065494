package com.etitle.common;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * Test-only endpoint that logs what it is sent as carelessly as code can: a path segment and a JSON value straight
 * into a message and into an exception's message, which the problem mapper logs as a 500. It shows that the log
 * handlers, not the care of each caller, keep such values on one line. Hidden from the OpenAPI contract.
 */
@Path("/test-only/log-probe")
public class LogProbe {

    private static final Logger LOG = Logger.getLogger(LogProbe.class);

    @POST
    @Path("{value}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public void probe(@PathParam("value") String value, Map<String, String> body) {
        LOG.info("probe path " + value + " body " + body.get("value"));
        LOG.infof("probe formatted path %s body %s", value, body.get("value"));
        throw new IllegalStateException("probe failure for " + value + " and " + body.get("value"));
    }
}
