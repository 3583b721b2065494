package com.etitle.common;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

import org.jboss.logmanager.ExtLogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * The one owner of log-line integrity. Every handler runs it (see {@code quarkus.log.*.filter} in
 * application.properties), so a caller-chosen value can never start a forged line, whichever code path, ours or a
 * library's, logged it: the record's message is formatted once and every control character in it (CR, LF, C0, DEL,
 * C1, U+2028/U+2029) is written as an escape. Exception messages in the record's cause chain get the same
 * treatment, because libraries put input into them. A message that should span lines is logged line by line.
 */
@LoggingFilter(name = LogNeutraliser.NAME)
public final class LogNeutraliser implements Filter {

    public static final String NAME = "neutralise-control-characters";

    private static final SimpleFormatter JUL = new SimpleFormatter();

    @Override
    public boolean isLoggable(LogRecord record) {
        String formatted = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : JUL.formatMessage(record);
        String neutral = escape(formatted);
        if (record instanceof ExtLogRecord ext) {
            ext.setMessage(neutral, ExtLogRecord.FormatStyle.NO_FORMAT);
        } else {
            record.setMessage(neutral);
        }
        record.setParameters(null);
        Throwable thrown = record.getThrown();
        if (thrown != null && anyMessageNeedsEscaping(thrown, Collections.newSetFromMap(new IdentityHashMap<>()))) {
            record.setThrown(neutral(thrown, Collections.newSetFromMap(new IdentityHashMap<>())));
        }
        return true;
    }

    /** {@code text} with every control character as {@code \n}, {@code \r}, {@code \t} or {@code \}{@code uXXXX}. */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        int first = firstToEscape(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (needsEscaping(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static int firstToEscape(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (needsEscaping(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean needsEscaping(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
    }

    private static boolean anyMessageNeedsEscaping(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        String message = t.getMessage();
        if (message != null && firstToEscape(message) >= 0) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (anyMessageNeedsEscaping(suppressed, seen)) {
                return true;
            }
        }
        return anyMessageNeedsEscaping(t.getCause(), seen);
    }

    private static Throwable neutral(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return null;
        }
        // the cause goes into the constructor: Throwable lets a cause be set once, and the constructor sets it even to null
        Escaped copy = new Escaped(t, neutral(t.getCause(), seen));
        for (Throwable suppressed : t.getSuppressed()) {
            Throwable neutralSuppressed = neutral(suppressed, seen);
            if (neutralSuppressed != null) {
                copy.addSuppressed(neutralSuppressed);
            }
        }
        return copy;
    }

    /**
     * Stands in for a logged exception: its class name, escaped message and stack trace, nothing else. The class name
     * leads the message, because the JSON format names an exception by its class ({@code exceptionType}), which is
     * this one.
     */
    private static final class Escaped extends Throwable {

        Escaped(Throwable original, Throwable neutralCause) {
            super(shown(original), neutralCause, true, true);
            setStackTrace(original.getStackTrace());
        }

        private static String shown(Throwable original) {
            String message = escape(original.getLocalizedMessage());
            return original.getClass().getName() + (message == null ? "" : ": " + message);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
