package com.etitle.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * An OFD file read with nothing but the JDK: its zip entries, and its XML parts parsed namespace-aware by the JDK's own
 * parser (external entities off), the way any OFD reader starts. Not ofdrw: ofdrw needs a BouncyCastle of its own.
 */
public final class Ofds {

    public static final String NAMESPACE = "http://www.ofdspec.org/2016";

    private Ofds() {
    }

    /** Every file of the package by its path in the container, with a leading slash ({@code /OFD.xml}), in zip order. */
    public static Map<String, byte[]> files(byte[] ofd) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(ofd))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put("/" + entry.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("not a zip", e);
        }
        return files;
    }

    /**
     * A copy of the package with the entry {@code name} (e.g. {@code Doc_0/Pages/Page_0/Content.xml}) changed by
     * {@code change} and every other entry as it was: a file that differs only where the test says.
     */
    public static byte[] withEntryChanged(byte[] ofd, String name, UnaryOperator<byte[]> change) {
        ByteArrayOutputStream changed = new ByteArrayOutputStream();
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(ofd)); ZipOutputStream out = new ZipOutputStream(changed)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(name)) {
                    content = change.apply(content);
                    found = true;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!found) {
            throw new AssertionError("no entry " + name + " in the package");
        }
        return changed.toByteArray();
    }

    /** The XML part parsed by the JDK; a part that is not well-formed fails the test. */
    public static Document xml(byte[] part) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(part));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** Every element of the OFD namespace with this local name, in document order. */
    public static List<Element> elements(Document document, String localName) {
        NodeList nodes = document.getElementsByTagNameNS(NAMESPACE, localName);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    /** The text of a page: its text codes in order, one a line. */
    public static String pageText(byte[] ofd) {
        StringBuilder text = new StringBuilder();
        for (Element code : elements(xml(files(ofd).get("/Doc_0/Pages/Page_0/Content.xml")), "TextCode")) {
            text.append(code.getTextContent()).append('\n');
        }
        return text.toString();
    }
}
