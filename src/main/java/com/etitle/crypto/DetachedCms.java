package com.etitle.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Checks a detached CMS signature (the {@code /Contents} of a PDF signature) as a relying party does, apart from the
 * code that makes them ({@link X509SigningKey#detachedCms}): exactly one signer, and its signature and message digest
 * over the content verify with a certificate the caller trusts, not with one the CMS brings along. Bytes that are not
 * a CMS at all read as "no signer" and "does not verify", never as an exception.
 */
public final class DetachedCms {

    private DetachedCms() {
    }

    /** The certificate the CMS names for its one signer, as the CMS carries it; empty when it is not such a CMS. */
    public static Optional<X509Certificate> signerCertificate(byte[] cms) {
        try {
            CMSSignedData data = new CMSSignedData(withoutPadding(cms));
            SignerInformation signer = onlySigner(data);
            if (signer == null) {
                return Optional.empty();
            }
            Collection<X509CertificateHolder> matches = data.getCertificates().getMatches(signer.getSID());
            if (matches.size() != 1) {
                return Optional.empty();
            }
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(matches.iterator().next().getEncoded())));
        } catch (CMSException | CertificateException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Every certificate the CMS carries (the signer's and its chain); empty when it is not a CMS. */
    public static List<X509Certificate> certificates(byte[] cms) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> all = new ArrayList<>();
            for (X509CertificateHolder holder : new CMSSignedData(withoutPadding(cms)).getCertificates().getMatches(null)) {
                all.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(holder.getEncoded())));
            }
            return all;
        } catch (CMSException | CertificateException | IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Whether the CMS's one signer signed exactly {@code content} with the key of {@code trusted}. */
    public static boolean verifies(byte[] content, byte[] cms, X509Certificate trusted) {
        try {
            SignerInformation signer = onlySigner(new CMSSignedData(new CMSProcessableByteArray(content), withoutPadding(cms)));
            return signer != null && signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BouncyCastle.PROVIDER).build(trusted));
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The CMS without what follows it: a PDF reserves room for the signature and pads the rest of its
     * {@code /Contents} with zeros, which BouncyCastle refuses as extra data. The length comes from the outer DER
     * header; an indefinite length (BER), or anything but zeros after it, is left as it is (and refused).
     */
    static byte[] withoutPadding(byte[] cms) {
        if (cms.length < 2 || (cms[1] & 0xff) == 0x80) {
            return cms;
        }
        int first = cms[1] & 0xff;
        long length;
        int header;
        if (first < 0x80) {
            length = first;
            header = 2;
        } else {
            int count = first & 0x7f;
            if (count > 4 || cms.length < 2 + count) {
                return cms;
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (cms[2 + i] & 0xff);
            }
            header = 2 + count;
        }
        if (header + length >= cms.length) {
            return cms;
        }
        for (int i = (int) (header + length); i < cms.length; i++) {
            if (cms[i] != 0) {
                // not padding: left in, so the parser refuses it as extra data (a changed byte is a changed file)
                return cms;
            }
        }
        return Arrays.copyOf(cms, (int) (header + length));
    }

    private static SignerInformation onlySigner(CMSSignedData data) {
        Collection<SignerInformation> signers = data.getSignerInfos().getSigners();
        return signers.size() == 1 ? signers.iterator().next() : null;
    }
}
