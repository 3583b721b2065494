package com.etitle.certificate;

import java.util.Optional;

import com.etitle.authority.CreditCodes;

/**
 * A certificate's e-licence identifier (证照标识, GB/T 36904): {@code 1.2.156.3005.2.<type>.<issuer>.<serial>.<version>.<check>},
 * for example {@value #EXAMPLE}.
 * <ul>
 * <li>{@code 1.2.156.3005.2}: the root of e-licence identifiers;
 * <li>type (证照类型代码): the unified social credit code of the ministry that defines the kind of licence, and three
 *     digits (configuration: {@code etitle.licence.type-code}, since no code for title certificates is published);
 * <li>issuer (颁发机构代码): the issuing authority's unified social credit code ({@code etitle.authorities.<CODE>.credit-code});
 * <li>serial (流水号): the certificate number, unique among all certificates, so the identifier is unique;
 * <li>version (版本号): {@code 001} for a certificate as issued (a replacement is a new certificate, with a number and
 *     an identifier of its own);
 * <li>check (校验位): ISO/IEC 7064 MOD 37,36 ({@link Mod3736}) over the characters of type, issuer, serial and
 *     version written one after the other, without the dots and without the root.
 * </ul>
 * Only the parts' characters enter the check because the dots are not characters of MOD 37,36 (which is defined over
 * {@code 0-9A-Z} only), and the root is the same in every identifier, compared as it is. The parts need no separator to
 * be read back: type, issuer and version have fixed lengths.
 */
public record LicenceId(String typeCode, String issuerCode, String serial, String version) {

    public static final String ROOT = "1.2.156.3005.2";
    public static final String FIRST_VERSION = "001";
    /** The identifier of certificate 20264821937465019 of an authority of the test profile, under the placeholder type code. */
    public static final String EXAMPLE = "1.2.156.3005.2.11100000000000000J000.11990000TEA000001J.20264821937465019.001.4";
    /** 证照名称: what the licence is called, as the face's heading says. */
    public static final String LICENCE_NAME = "专业技术职务任职资格证书";
    /** The longest identifier we issue (a 17-digit serial): the length of the column with room to spare. */
    static final int MAX_LENGTH = 96;

    /** The identifier of a certificate as issued: version {@value #FIRST_VERSION}. */
    public static LicenceId first(String typeCode, String issuerCode, String number) {
        return new LicenceId(typeCode, issuerCode, number, FIRST_VERSION);
    }

    public char checkCharacter() {
        return Mod3736.checkCharacter(typeCode + issuerCode + serial + version);
    }

    /** As written on the face and in every answer. */
    public String text() {
        return ROOT + '.' + typeCode + '.' + issuerCode + '.' + serial + '.' + version + '.' + checkCharacter();
    }

    @Override
    public String toString() {
        return text();
    }

    /**
     * The identifier if the text is one this service could have issued: the root, then the parts each well formed (the
     * type code's and the issuer's credit codes with their GB 32100 check characters, a certificate number with its
     * Luhn digit as serial, a version of three digits), and the MOD 37,36 check character over them. Empty otherwise,
     * for any text, however long or strange.
     */
    public static Optional<LicenceId> parse(String text) {
        if (text == null || text.length() > MAX_LENGTH || !text.startsWith(ROOT + '.')) {
            return Optional.empty();
        }
        String[] parts = text.substring(ROOT.length() + 1).split("\\.", -1);
        if (parts.length != 5 || !validTypeCode(parts[0]) || !CreditCodes.valid(parts[1]) || !CertificateNumbers.wellFormed(parts[2])
                || !threeDigits(parts[3]) || parts[3].equals("000") || parts[4].length() != 1
                || !Mod3736.holds(parts[0] + parts[1] + parts[2] + parts[3] + parts[4])) {
            return Optional.empty();
        }
        return Optional.of(new LicenceId(parts[0], parts[1], parts[2], parts[3]));
    }

    /**
     * The parts of an identifier as the register stores it, which issuance made and the column's check constraint holds
     * to its form: not checked again (a register of a million certificates is read at every start). Empty for null.
     */
    public static Optional<LicenceId> read(String stored) {
        if (stored == null || !stored.startsWith(ROOT + '.')) {
            return Optional.empty();
        }
        String[] parts = stored.substring(ROOT.length() + 1).split("\\.", -1);
        return parts.length == 5 ? Optional.of(new LicenceId(parts[0], parts[1], parts[2], parts[3])) : Optional.empty();
    }

    /** A type code (证照类型代码): a unified social credit code and three digits. */
    public static boolean validTypeCode(String code) {
        return code != null && code.length() == 21 && CreditCodes.valid(code.substring(0, 18)) && threeDigits(code.substring(18));
    }

    private static boolean threeDigits(String s) {
        return s.length() == 3 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
