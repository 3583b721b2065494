package com.etitle.common;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body (RFC 7578) as a browser's form sends it, read from memory. A page's upload is
 * small and already held to its limit ({@link BodyLimit.PageUpload}), so the parts are read from the bytes the
 * resource received rather than written to a temporary folder, which a read-only container does not have.
 * A body that is not such a form reads as one without parts.
 */
public final class MultipartForm {

    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(?:\"([^\"]{1,70})\"|([^\\s;\"]{1,70}))");
    private static final Pattern NAME = Pattern.compile("(?i)[;\\s]name=\"([^\"]*)\"");

    private final Map<String, byte[]> parts;

    private MultipartForm(Map<String, byte[]> parts) {
        this.parts = parts;
    }

    /** The form in {@code body}, whose {@code Content-Type} header is {@code contentType}; the first part of a name wins. */
    public static MultipartForm parse(String contentType, byte[] body) {
        Map<String, byte[]> parts = new HashMap<>();
        Matcher b = contentType == null ? null : BOUNDARY.matcher(contentType);
        if (b == null || !b.find() || body == null) {
            return new MultipartForm(parts);
        }
        byte[] delimiter = ("--" + (b.group(1) != null ? b.group(1) : b.group(2))).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int lineEnd = at + delimiter.length;
            if (lineEnd + 1 < body.length && body[lineEnd] == '-' && body[lineEnd + 1] == '-') {
                break;
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), lineEnd);
            if (headersEnd < 0) {
                break;
            }
            int next = indexOf(body, ("\r\n" + new String(delimiter, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1),
                    headersEnd + 4);
            if (next < 0) {
                break;
            }
            String headers = new String(body, lineEnd, headersEnd - lineEnd, StandardCharsets.UTF_8);
            name(headers).ifPresent(name -> parts.putIfAbsent(name, Arrays.copyOfRange(body, headersEnd + 4, next)));
            at = next + 2;
        }
        return new MultipartForm(parts);
    }

    /** The bytes of the part of this name (a file's content), if the form has one. */
    public Optional<byte[]> bytes(String name) {
        return Optional.ofNullable(parts.get(name));
    }

    /** The part of this name as UTF-8 text (a plain field), if the form has one. */
    public Optional<String> text(String name) {
        return bytes(name).map(value -> new String(value, StandardCharsets.UTF_8));
    }

    private static Optional<String> name(String headers) {
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
                Matcher m = NAME.matcher(line);
                return m.find() ? Optional.of(m.group(1)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
