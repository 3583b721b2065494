package com.etitle.face;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import com.etitle.authority.PublicIds;
import com.etitle.crypto.Hashes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reading an uploaded OFD package defensively: bounded unzipping (a stranger's file may be a ZIP bomb), the signature
 * file's digest list parsed without DTDs or external entities, and the authority a face's QR token names.
 */
final class OfdPackage {

    /** Our faces have about a dozen files and 200 kB unpacked; anything much larger is not one of them. */
    private static final int MAX_FILES = 64;
    private static final long MAX_UNPACKED = 4L * 1024 * 1024;
    private static final String NAMESPACE = "http://www.ofdspec.org/2016";
    /** A key id is the authority code and the key version: {@code GD-HRSS-k1}. */
    private static final Pattern KID = Pattern.compile("^([A-Za-z0-9_-]{1,64})-k[1-9][0-9]{0,5}$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private OfdPackage() {
    }

    /** The files by their package path ({@code /Doc_0/...}); null when it is not a ZIP within the bounds, or names a file twice. */
    static Map<String, byte[]> unzip(byte[] file) {
        Map<String, byte[]> files = new TreeMap<>();
        long unpacked = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (files.size() >= MAX_FILES) {
                    return null;
                }
                byte[] content = readBounded(zip, MAX_UNPACKED - unpacked);
                if (content == null) {
                    return null;
                }
                unpacked += content.length;
                String name = "/" + entry.getName();
                if (files.put(name, content) != null) {
                    return null;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        return files.isEmpty() ? null : files;
    }

    /**
     * Whether {@code Signature.xml} lists an SM3 digest for exactly the given files, each matching: a file added,
     * removed or changed after sealing fails it.
     */
    static boolean digestsMatch(byte[] signatureXml, Map<String, byte[]> files) {
        Map<String, String> listed = new HashMap<>();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            org.w3c.dom.Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(signatureXml));
            NodeList references = doc.getElementsByTagNameNS(NAMESPACE, "References");
            if (references.getLength() != 1 || !OfdFaces.SM3.equals(((Element) references.item(0)).getAttribute("CheckMethod"))) {
                return false;
            }
            NodeList each = ((Element) references.item(0)).getElementsByTagNameNS(NAMESPACE, "Reference");
            for (int i = 0; i < each.getLength(); i++) {
                Element reference = (Element) each.item(i);
                NodeList value = reference.getElementsByTagNameNS(NAMESPACE, "CheckValue");
                if (value.getLength() != 1 || listed.put(reference.getAttribute("FileRef"), value.item(0).getTextContent().strip()) != null) {
                    return false;
                }
            }
        } catch (ParserConfigurationException | SAXException | IOException | RuntimeException e) {
            return false;
        }
        if (!listed.keySet().equals(files.keySet())) {
            return false;
        }
        boolean all = true;
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            byte[] expected;
            try {
                expected = Base64.getDecoder().decode(listed.get(file.getKey()));
            } catch (IllegalArgumentException e) {
                return false;
            }
            all &= MessageDigest.isEqual(expected, Hashes.sm3(file.getValue()));
        }
        return all;
    }

    /** The authority whose key signed the token a QR code carries (its key id), read without checking the token. */
    static Optional<String> authorityOfToken(String scanned) {
        String token = PublicIds.tokenOf(scanned);
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(token.substring(0, dot)));
            Matcher kid = KID.matcher(header.path("kid").asText(""));
            return kid.matches() ? Optional.of(kid.group(1)) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] readBounded(InputStream in, long limit) throws IOException {
        byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        return content.length > limit ? null : content;
    }
}
