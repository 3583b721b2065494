package com.etitle.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.text.ParseException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERGeneralizedTime;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;

/**
 * An electronic seal (电子印章) and the sealing (电子签章) made with it, in the version 4 structures of GB/T 38540
 * ("信息安全技术 安全电子签章密码技术规范"), field by field as ofdrw's model of the standard
 * ({@code org.ofdrw.gm.ses.v4}) and the verifiers that read it take them:
 *
 * <pre>
 * SESeal        ::= SEQUENCE { esealInfo SES_SealInfo, cert OCTET STRING (maker's certificate),
 *                              signAlgID OBJECT IDENTIFIER, signedValue BIT STRING (maker's signature of DER(esealInfo)) }
 * SES_SealInfo  ::= SEQUENCE { header SES_Header, esID IA5String, property SES_ESPropertyInfo, picture SES_ESPictrueInfo }
 * SES_Header    ::= SEQUENCE { ID IA5String ("ES"), version INTEGER (4), Vid IA5String }
 * SES_ESPropertyInfo ::= SEQUENCE { type INTEGER (1: organisation seal), name UTF8String, certListType INTEGER (1),
 *                              certList SEQUENCE OF OCTET STRING (the signers' certificates), createDate GeneralizedTime,
 *                              validStart GeneralizedTime, validEnd GeneralizedTime }
 * SES_ESPictrueInfo  ::= SEQUENCE { type IA5String ("PNG"), data OCTET STRING, width INTEGER (mm), height INTEGER (mm) }
 *
 * SES_Signature ::= SEQUENCE { toSign TBS_Sign, cert OCTET STRING (signer's certificate),
 *                              signatureAlgID OBJECT IDENTIFIER, signature BIT STRING (signer's signature of DER(toSign)) }
 * TBS_Sign      ::= SEQUENCE { version INTEGER (4), eseal SESeal, timeInfo GeneralizedTime,
 *                              dataHash BIT STRING (SM3 of the signed data), propertyInfo IA5String }
 * </pre>
 *
 * Every signature is SM3withSM2 ({@link SealKey#SM3_WITH_SM2}) in DER. The optional extension data and the time stamp
 * are not used. A seal read from bytes (one an operator mounts) is checked as a verifier would check it before it
 * is used: the header, the version, the maker's signature, and the signer's certificate in its list.
 */
public final class ElectronicSeal {

    /** The structure version of GB/T 38540 this class makes and reads. */
    public static final int VERSION = 4;
    /** {@code SES_ESPropertyInfo.type} of an organisation's seal (单位印章). */
    public static final int ORGANISATION_SEAL = 1;
    /** {@code SES_ESPropertyInfo.certListType}: the list holds the signers' certificates themselves (not digests). */
    private static final int CERTIFICATE_LIST = 1;
    private static final String HEADER_ID = "ES";
    private static final ASN1ObjectIdentifier SM3_WITH_SM2 = new ASN1ObjectIdentifier(SealKey.SM3_WITH_SM2);

    /** The seal's picture as the standard describes it: the image type ("PNG"), its bytes, and its printed size in millimetres. */
    public record Picture(String type, byte[] data, int widthMm, int heightMm) {
    }

    /** What a seal is made of, apart from its keys. */
    public record Description(String id, String name, Picture picture, Instant validStart, Instant validEnd, String vendorId) {
    }

    private final ASN1Sequence seal;
    private final String id;
    private final String name;
    private final Picture picture;
    private final Instant validStart;
    private final Instant validEnd;
    private final List<byte[]> signerCertificates;
    private final X509Certificate maker;

    private ElectronicSeal(ASN1Sequence seal) {
        this.seal = seal;
        try {
            if (seal.size() != 4) {
                throw new CryptoException("an SESeal has four fields, this one " + seal.size());
            }
            ASN1Sequence info = ASN1Sequence.getInstance(seal.getObjectAt(0));
            ASN1Sequence header = ASN1Sequence.getInstance(info.getObjectAt(0));
            if (!HEADER_ID.equals(ASN1IA5String.getInstance(header.getObjectAt(0)).getString())
                    || ASN1Integer.getInstance(header.getObjectAt(1)).intValueExact() != VERSION) {
                throw new CryptoException("not a version 4 seal of GB/T 38540 (header " + header + ")");
            }
            this.id = ASN1IA5String.getInstance(info.getObjectAt(1)).getString();
            ASN1Sequence property = ASN1Sequence.getInstance(info.getObjectAt(2));
            this.name = ASN1UTF8String.getInstance(property.getObjectAt(1)).getString();
            if (ASN1Integer.getInstance(property.getObjectAt(2)).intValueExact() != CERTIFICATE_LIST) {
                throw new CryptoException("the seal lists its signers by digest; only a list of certificates is supported");
            }
            List<byte[]> signers = new ArrayList<>();
            for (ASN1Encodable certificate : ASN1Sequence.getInstance(property.getObjectAt(3))) {
                signers.add(ASN1OctetString.getInstance(certificate).getOctets());
            }
            this.signerCertificates = List.copyOf(signers);
            this.validStart = instant(property.getObjectAt(5));
            this.validEnd = instant(property.getObjectAt(6));
            ASN1Sequence image = ASN1Sequence.getInstance(info.getObjectAt(3));
            this.picture = new Picture(ASN1IA5String.getInstance(image.getObjectAt(0)).getString(),
                    ASN1OctetString.getInstance(image.getObjectAt(1)).getOctets(),
                    ASN1Integer.getInstance(image.getObjectAt(2)).intValueExact(), ASN1Integer.getInstance(image.getObjectAt(3)).intValueExact());
            this.maker = x509(ASN1OctetString.getInstance(seal.getObjectAt(1)).getOctets());
            if (!SM3_WITH_SM2.equals(ASN1ObjectIdentifier.getInstance(seal.getObjectAt(2)))) {
                throw new CryptoException("the seal is signed with " + seal.getObjectAt(2) + ", not SM3withSM2");
            }
            if (!SealKey.verifies(maker.getPublicKey(), info.getEncoded(ASN1Encoding.DER),
                    ASN1BitString.getInstance(seal.getObjectAt(3)).getOctets())) {
                throw new CryptoException("the seal maker's signature does not verify");
            }
        } catch (IOException | IllegalArgumentException | ClassCastException | ArithmeticException e) {
            throw new CryptoException("not an electronic seal of GB/T 38540: " + e.getMessage(), e);
        }
    }

    /**
     * Makes a seal: the seal information with the signer's certificate as its only signer, signed by the maker. In
     * production the authority's seal maker (制章系统) does this and the result is mounted; the zero-setup run makes its own.
     */
    public static ElectronicSeal make(Description description, SealKey signer, SealKey maker, Instant created) {
        Picture picture = description.picture();
        DERSequence header = new DERSequence(new ASN1Encodable[] {new DERIA5String(HEADER_ID), new ASN1Integer(VERSION),
                new DERIA5String(description.vendorId())});
        DERSequence property = new DERSequence(new ASN1Encodable[] {new ASN1Integer(ORGANISATION_SEAL),
                new DERUTF8String(description.name()), new ASN1Integer(CERTIFICATE_LIST),
                new DERSequence(new DEROctetString(signer.certificate())), time(created), time(description.validStart()),
                time(description.validEnd())});
        DERSequence image = new DERSequence(new ASN1Encodable[] {new DERIA5String(picture.type()), new DEROctetString(picture.data()),
                new ASN1Integer(picture.widthMm()), new ASN1Integer(picture.heightMm())});
        DERSequence info = new DERSequence(new ASN1Encodable[] {header, new DERIA5String(description.id()), property, image});
        DERSequence seal = new DERSequence(new ASN1Encodable[] {info, new DEROctetString(maker.certificate()), SM3_WITH_SM2,
                new DERBitString(maker.sign(der(info)))});
        return new ElectronicSeal(seal);
    }

    /** Reads and checks a DER {@code SESeal}; a {@link CryptoException} says why it cannot be used. */
    public static ElectronicSeal parse(byte[] der) {
        try {
            return new ElectronicSeal(ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der)));
        } catch (IOException | IllegalArgumentException e) {
            throw new CryptoException("not an electronic seal of GB/T 38540 (bad DER)", e);
        }
    }

    /**
     * Seals data with this seal: the DER {@code SES_Signature} whose {@code dataHash} is the SM3 digest of the data
     * (for an OFD file, its {@code Signature.xml}) and whose signature over {@code TBS_Sign} is the signer's. The
     * signer must be one the seal lists; {@code propertyInfo} says what was signed (the signature file's path).
     */
    public byte[] sign(SealKey signer, byte[] data, Instant time, String propertyInfo) {
        byte[] certificate = signer.certificate();
        if (!lists(certificate)) {
            throw new CryptoException("the seal " + id + " does not list the signer's certificate");
        }
        DERSequence toSign = new DERSequence(new ASN1Encodable[] {new ASN1Integer(VERSION), seal, time(time),
                new DERBitString(Hashes.sm3(data)), new DERIA5String(propertyInfo)});
        return der(new DERSequence(new ASN1Encodable[] {toSign, new DEROctetString(certificate), SM3_WITH_SM2,
                new DERBitString(signer.sign(der(toSign)))}));
    }

    /**
     * Whether a DER {@code SES_Signature} is a sealing of exactly this data by this seal with this signer's certificate:
     * the seal inside is this one (byte for byte), the sealer's certificate is {@code signerCertificate}, the data hash is
     * the SM3 digest of {@code data}, and the SM3withSM2 signature over {@code TBS_Sign} verifies with that certificate's
     * key. Anything unreadable is simply false: the bytes are a stranger's or were changed.
     */
    public boolean sealed(byte[] sesSignature, byte[] data, byte[] signerCertificate) {
        try {
            ASN1Sequence signature = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(sesSignature));
            if (signature.size() < 4) {
                return false;
            }
            ASN1Sequence toSign = ASN1Sequence.getInstance(signature.getObjectAt(0));
            byte[] certificate = ASN1OctetString.getInstance(signature.getObjectAt(1)).getOctets();
            boolean sm2 = SM3_WITH_SM2.equals(ASN1ObjectIdentifier.getInstance(signature.getObjectAt(2)));
            byte[] value = ASN1BitString.getInstance(signature.getObjectAt(3)).getOctets();
            if (!sm2 || toSign.size() < 5 || ASN1Integer.getInstance(toSign.getObjectAt(0)).intValueExact() != VERSION) {
                return false;
            }
            boolean sameSeal = Arrays.equals(der(toSign.getObjectAt(1)), encoded());
            byte[] dataHash = ASN1BitString.getInstance(toSign.getObjectAt(3)).getOctets();
            return sameSeal & Arrays.equals(certificate, signerCertificate) & Arrays.equals(dataHash, Hashes.sm3(data))
                    && SealKey.verifies(x509(certificate).getPublicKey(), der(toSign), value);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The seal in DER, as it is stored ({@code Seal.esl}) and embedded in each sealing. */
    public byte[] encoded() {
        return der(seal);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Picture picture() {
        return picture;
    }

    public Instant validStart() {
        return validStart;
    }

    public Instant validEnd() {
        return validEnd;
    }

    /** The maker's certificate the seal carries. */
    public X509Certificate maker() {
        return maker;
    }

    /** Whether the seal lists this certificate (DER) among its signers. */
    public boolean lists(byte[] certificate) {
        return signerCertificates.stream().anyMatch(listed -> Arrays.equals(listed, certificate));
    }

    private static DERGeneralizedTime time(Instant instant) {
        // whole seconds: GeneralizedTime in DER has no trailing fraction, and verifiers need none
        return new DERGeneralizedTime(Date.from(instant.truncatedTo(ChronoUnit.SECONDS)));
    }

    private static Instant instant(ASN1Encodable time) {
        try {
            return ASN1GeneralizedTime.getInstance(time).getDate().toInstant();
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad GeneralizedTime", e);
        }
    }

    private static byte[] der(ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new CryptoException("cannot encode DER", e);
        }
    }

    private static X509Certificate x509(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509", BouncyCastle.PROVIDER)
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the seal maker's certificate cannot be read", e);
        }
    }
}
