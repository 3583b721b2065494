package com.etitle.common;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Every JSON string the API binds to a Java {@code String}, at any depth, is checked here as it is read: one
 * holding a control character other than tab and line breaks (NUL, the rest of C0, DEL, C1) or half a
 * surrogate pair is refused with the field's JSON path, before any code sees it — PostgreSQL cannot store a
 * NUL, and nothing we accept needs the others. Tab and line breaks pass this gate because letters and replies
 * hold them; {@link Fields#text} refuses them in every single-line field. Bodies read as a JSON tree (a
 * credential to verify) are not bound to strings and are not checked here: what is looked up from them is
 * checked where it is looked up.
 */
public final class JsonStrings {

    private JsonStrings() {
    }

    public static SimpleModule module() {
        return new SimpleModule("etitle-strings").addDeserializer(String.class, new Checked());
    }

    /** A string the API refuses to bind; the path of the field is added as the exception travels up. */
    public static final class RefusedString extends MismatchedInputException {
        RefusedString(JsonParser parser) {
            super(parser, "control character in a string", parser.currentLocation());
            _targetType = String.class;
        }
    }

    /** The first character that is not allowed, or -1. */
    static int refused(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private static final class Checked extends StdScalarDeserializer<String> {

        Checked() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            // the stock deserializer applies the coercion rules (no number or boolean as text, see JsonConfig)
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            if (value != null && refused(value) >= 0) {
                throw new RefusedString(p);
            }
            return value;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }
}
