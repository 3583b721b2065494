package com.etitle.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * PDFs read the way a person's tools read them: poppler's {@code pdftotext}, {@code pdfsig}, {@code pdffonts},
 * {@code pdfinfo} and {@code pdftoppm} (Debian's poppler-utils), a second implementation beside the PDFBox that
 * wrote them. A missing tool fails the test, because a skipped check checks nothing.
 */
public final class Pdfs {

    private static final String INSTALL = "apt-get install poppler-utils";

    private Pdfs() {
    }

    /** The text of every page, by {@code pdftotext} (UTF-8, reading order). */
    public static String text(byte[] pdf) {
        return new String(run(pdf, "pdftotext", "-enc", "UTF-8", "{}", "-").stdout, StandardCharsets.UTF_8);
    }

    /** What {@code pdfsig} says about the signatures, e.g. "Signature Validation: Signature is Valid." */
    public static String signatureReport(byte[] pdf) {
        return run(pdf, "pdfsig", "{}").text();
    }

    /** The font table of {@code pdffonts}: name (with its subset tag), type, emb, sub, uni. */
    public static String fonts(byte[] pdf) {
        return run(pdf, "pdffonts", "{}").text();
    }

    /** The number of pages, from {@code pdfinfo}. */
    public static int pages(byte[] pdf) {
        for (String line : run(pdf, "pdfinfo", "{}").text().split("\n")) {
            if (line.startsWith("Pages:")) {
                return Integer.parseInt(line.substring("Pages:".length()).trim());
            }
        }
        throw new AssertionError("pdfinfo printed no page count");
    }

    /** The first page as a PNG at the given resolution, by {@code pdftoppm}. */
    public static byte[] firstPagePng(byte[] pdf, int dpi) {
        return run(pdf, "pdftoppm", "-png", "-r", Integer.toString(dpi), "-f", "1", "-l", "1", "-singlefile", "{}").stdout;
    }

    /**
     * The file with one byte of the first page's content stream changed, in place: the length and every offset
     * stay as they were, so only a signature check can tell. The stream is found through the cross-reference
     * table (PDFBox), the byte is changed in the file's own bytes.
     */
    public static byte[] flipContentByte(byte[] pdf) {
        long offset;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            COSBase contents = doc.getPage(0).getCOSObject().getItem(COSName.CONTENTS);
            if (!(contents instanceof COSObject reference)) {
                throw new AssertionError("the page's content is not one indirect stream: " + contents);
            }
            COSObjectKey key = reference.getKey();
            Long objectOffset = doc.getDocument().getXrefTable().get(key);
            if (objectOffset == null || objectOffset <= 0) {
                throw new AssertionError("no file offset for the content stream " + key);
            }
            offset = objectOffset;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String latin1 = new String(pdf, StandardCharsets.ISO_8859_1);
        int stream = latin1.indexOf("stream", (int) offset);
        int data = stream + "stream".length();
        data += latin1.charAt(data) == '\r' ? 2 : 1;
        byte[] flipped = pdf.clone();
        flipped[data + 10] ^= 0x01;
        return flipped;
    }

    private record Run(int exitCode, byte[] stdout, byte[] stderr) {

        String text() {
            return new String(stdout, StandardCharsets.UTF_8) + new String(stderr, StandardCharsets.UTF_8);
        }
    }

    /** Runs the tool on the PDF written to a temporary file, which {@code {}} in the arguments names. */
    private static Run run(byte[] pdf, String... command) {
        Path file = null;
        try {
            file = Files.createTempFile("etitle-", ".pdf");
            Files.write(file, pdf);
            List<String> args = new ArrayList<>();
            for (String arg : command) {
                args.add(arg.equals("{}") ? file.toString() : arg);
            }
            Process process;
            try {
                process = new ProcessBuilder(args).start();
            } catch (IOException e) {
                throw new AssertionError("cannot run " + command[0] + ": these checks need poppler's command-line tools on the PATH ("
                        + INSTALL + ")", e);
            }
            process.getOutputStream().close();
            // pdftoppm's PNG on stdout can exceed a pipe's buffer, so stderr is drained meanwhile
            var stderr = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return process.getErrorStream().readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            byte[] stdout = process.getInputStream().readAllBytes();
            return new Run(process.waitFor(), stdout, stderr.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command[0], e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file; the OS cleans up
                }
            }
        }
    }
}
