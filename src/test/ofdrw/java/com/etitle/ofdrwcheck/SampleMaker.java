package com.etitle.ofdrwcheck;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.ofdrw.gm.cert.PKCGenerate;
import org.ofdrw.gm.ses.v1.SES_ESPictrueInfo;
import org.ofdrw.gm.ses.v1.SES_Header;
import org.ofdrw.gm.ses.v4.SES_CertList;
import org.ofdrw.gm.ses.v4.SES_ESPropertyInfo;
import org.ofdrw.gm.ses.v4.SES_SealInfo;
import org.ofdrw.gm.ses.v4.SESeal;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.element.Paragraph;
import org.ofdrw.reader.OFDReader;
import org.ofdrw.sign.OFDSigner;
import org.ofdrw.sign.SignMode;
import org.ofdrw.sign.signContainer.SESV4Container;
import org.ofdrw.sign.stamppos.NormalStampPos;

/**
 * A sealed OFD made by ofdrw alone, so that the checker can be shown to accept a good file and refuse a changed one
 * before our service writes any: one A4 page with the given text (ofdrw-layout), sealed with a GB/T 38540 v4 SM2
 * electronic seal (ofdrw-sign's {@link SESV4Container}). Everything is made fresh each time, in this JVM, with the
 * BouncyCastle 1.68 ofdrw brings: a seal maker's SM2 key and self-signed certificate, a signer's SM2 key and a
 * certificate from the maker, the seal (SESeal v4: header, id, properties with the signer's certificate, a red
 * picture, signed by the maker), and the signature over the whole document.
 */
final class SampleMaker {

    private static final double STAMP_MM = 40;

    private SampleMaker() {
    }

    static Map<String, Object> make(Path out, String text, String sealName) throws Exception {
        KeyPair makerKeys = PKCGenerate.GenerateKeyPair();
        X509Certificate makerCert = selfSigned(makerKeys, new X500Name("CN=etitle test seal maker,O=etitle,C=CN"));
        KeyPair signerKeys = PKCGenerate.GenerateKeyPair();
        X509Certificate signerCert = PKCGenerate.GenCert(
                PKCGenerate.CertRequest(signerKeys, new X500Name("CN=etitle test signer,O=etitle,C=CN")), makerCert, makerKeys.getPrivate());
        SESeal seal = seal(sealName, makerKeys, makerCert, signerCert);

        Path absolute = out.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path unsigned = Files.createTempFile(absolute.getParent(), "unsigned-", ".ofd");
        try {
            try (OFDDoc doc = new OFDDoc(unsigned)) {
                for (String line : text.split("\n")) {
                    doc.add(new Paragraph(line, 5d));
                }
            }
            try (OFDSigner signer = new OFDSigner(new OFDReader(unsigned), absolute)) {
                signer.setSignMode(SignMode.WholeProtected);
                signer.setSignContainer(new SESV4Container(signerKeys.getPrivate(), seal, signerCert));
                signer.addApPos(new NormalStampPos(1, 140, 40, STAMP_MM, STAMP_MM));
                signer.exeSign();
            }
        } finally {
            Files.deleteIfExists(unsigned);
        }
        Map<String, Object> made = new LinkedHashMap<>();
        made.put("file", out.toString());
        made.put("sealName", sealName);
        made.put("signer", signerCert.getSubjectX500Principal().getName());
        made.put("sealMaker", makerCert.getSubjectX500Principal().getName());
        return made;
    }

    /** A GB/T 38540 v4 seal, built the way ofdrw-gm's own seal test builds one, signed by the seal maker. */
    private static SESeal seal(String name, KeyPair makerKeys, X509Certificate makerCert, X509Certificate signerCert)
            throws GeneralSecurityException, IOException {
        ASN1EncodableVector signers = new ASN1EncodableVector(1);
        signers.add(new DEROctetString(signerCert.getEncoded()));
        Instant now = Instant.now();
        SES_ESPropertyInfo property = new SES_ESPropertyInfo()
                // the seal type ofdrw-gm's own v4 seal test uses
                .setType(new ASN1Integer(3))
                .setName(new DERUTF8String(name))
                .setCertListType(SES_ESPropertyInfo.CertListType)
                .setCertList(SES_CertList.getInstance(SES_ESPropertyInfo.CertListType, new DERSequence(signers)))
                .setCreateDate(new ASN1GeneralizedTime(Date.from(now)))
                .setValidStart(new ASN1GeneralizedTime(Date.from(now.minus(Duration.ofDays(1)))))
                .setValidEnd(new ASN1GeneralizedTime(Date.from(now.plus(Duration.ofDays(365)))));
        SES_ESPictrueInfo picture = new SES_ESPictrueInfo()
                .setType("PNG")
                .setData(stampPicture())
                .setWidth((long) STAMP_MM)
                .setHeight((long) STAMP_MM);
        SES_SealInfo info = new SES_SealInfo()
                .setHeader(new SES_Header(SES_Header.V4, new DERIA5String("etitle-test")))
                .setEsID(new DERIA5String(UUID.randomUUID().toString().replace("-", "")))
                .setProperty(property)
                .setPicture(picture);
        java.security.Signature signer = java.security.Signature.getInstance("SM3withSM2", new BouncyCastleProvider());
        signer.initSign(makerKeys.getPrivate());
        signer.update(info.getEncoded("DER"));
        return new SESeal()
                .seteSealInfo(info)
                .setCert(makerCert)
                .setSignAlgID(GMObjectIdentifiers.sm2sign_with_sm3)
                .setSignedValue(signer.sign());
    }

    private static X509Certificate selfSigned(KeyPair keys, X500Name name) throws Exception {
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), name, keys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.digitalSignature));
        return new JcaX509CertificateConverter().setProvider(new BouncyCastleProvider())
                .getCertificate(builder.build(new JcaContentSignerBuilder("SM3withSM2").setProvider(new BouncyCastleProvider())
                        .build(keys.getPrivate())));
    }

    /** A red seal without text (no font needed): ring, inner ring and a five-pointed star, on a transparent ground. */
    private static byte[] stampPicture() throws IOException {
        int size = 400;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Color red = new Color(0xD0, 0x10, 0x10);
        g.setColor(red);
        g.setStroke(new BasicStroke(14));
        g.drawOval(10, 10, size - 20, size - 20);
        g.setStroke(new BasicStroke(4));
        g.drawOval(40, 40, size - 80, size - 80);
        Polygon star = new Polygon();
        for (int i = 0; i < 10; i++) {
            double radius = i % 2 == 0 ? 110 : 45;
            double angle = Math.PI / 2 + i * Math.PI / 5;
            star.addPoint((int) Math.round(size / 2.0 + radius * Math.cos(angle)), (int) Math.round(size / 2.0 - radius * Math.sin(angle)));
        }
        g.fillPolygon(star);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }
}
