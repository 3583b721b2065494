package com.etitle.common;

import java.util.regex.Pattern;

/** Telephone numbers and e-mail addresses as people in mainland China write them. */
public final class Contacts {

    /** Mobile: 11 digits starting 13–19, optionally +86 / 86 first. */
    private static final Pattern MOBILE = Pattern.compile("(\\+?86[- ]?)?1[3-9]\\d{9}");
    /** Landline: area code 0xx or 0xxx, 7–8 digits, optional extension; separators a hyphen or space; or a service number such as 12333. */
    private static final Pattern LANDLINE = Pattern.compile("(\\(0\\d{2,3}\\)|0\\d{2,3})[- ]?\\d{7,8}([- ]?(ext\\.?|转)?\\d{1,6})?");
    private static final Pattern SERVICE = Pattern.compile("1\\d{4}");
    /** Deliberately plain: a local part, one @, a domain with a dot, nothing a mail server would balk at. */
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,24}");

    private Contacts() {
    }

    /** A public office telephone: landline, mobile or a short service number (12333). */
    public static boolean isPhone(String value) {
        return value != null && value.length() <= 32
                && (MOBILE.matcher(value).matches() || LANDLINE.matcher(value).matches() || SERVICE.matcher(value).matches());
    }

    public static boolean isEmail(String value) {
        return value != null && value.length() <= 100 && EMAIL.matcher(value).matches();
    }

    /** Checks a required telephone field; returns it stripped. */
    public static String phone(Fields fields, String field, String value) {
        String v = Fields.strip(value);
        if (v == null) {
            fields.fail(field, "is required");
        } else if (!isPhone(v)) {
            fields.fail(field, "must be a telephone number such as 0931-8123456, 13912345678 or 12333");
        }
        return v;
    }

    /** Checks a required field that holds a telephone number or an e-mail address; returns it stripped. */
    public static String phoneOrEmail(Fields fields, String field, String value) {
        String v = Fields.strip(value);
        if (v == null) {
            fields.fail(field, "is required");
        } else if (!isPhone(v) && !isEmail(v)) {
            fields.fail(field, "must be a telephone number (e.g. 13912345678) or an e-mail address");
        }
        return v;
    }
}
