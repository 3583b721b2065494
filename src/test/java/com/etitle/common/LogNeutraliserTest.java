package com.etitle.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Level;
import org.junit.jupiter.api.Test;

/** The filter every log handler runs, on records whose exceptions have causes, as a failed start-up's have. */
class LogNeutraliserTest {

    @Test
    void an_exception_chain_with_a_line_break_deep_in_it_is_logged_whole_and_escaped() {
        IOException root = new IOException("refused\r\n2026-01-01 00:00:00,000 INFO forged");
        IllegalStateException thrown = new IllegalStateException("could not start", new RuntimeException("no connection", root));
        ExtLogRecord record = new ExtLogRecord(Level.ERROR, "Failed to start", LogNeutraliserTest.class.getName());
        record.setThrown(thrown);

        assertThat(new LogNeutraliser().isLoggable(record)).isTrue();

        Throwable logged = record.getThrown();
        assertThat(logged).hasToString("java.lang.IllegalStateException: could not start");
        assertThat(logged.getCause()).hasToString("java.lang.RuntimeException: no connection");
        assertThat(logged.getCause().getCause()).hasToString("java.io.IOException: refused\\r\\n2026-01-01 00:00:00,000 INFO forged");
        assertThat(logged.getCause().getCause().getCause()).isNull();
        assertThat(logged.getCause().getCause().getMessage()).as("what the JSON format shows of it")
                .isEqualTo("java.io.IOException: refused\\r\\n2026-01-01 00:00:00,000 INFO forged");
        assertThat(logged.getStackTrace()).isEqualTo(thrown.getStackTrace());
    }

    @Test
    void an_exception_chain_without_control_characters_is_logged_as_it_is() {
        IllegalStateException thrown = new IllegalStateException("could not start", new IOException("refused"));
        ExtLogRecord record = new ExtLogRecord(Level.ERROR, "Failed to start", LogNeutraliserTest.class.getName());
        record.setThrown(thrown);

        assertThat(new LogNeutraliser().isLoggable(record)).isTrue();

        assertThat(record.getThrown()).isSameAs(thrown);
    }
}
