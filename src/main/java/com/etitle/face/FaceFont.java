package com.etitle.face;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The CJK font of the certificate face: Noto Serif SC Regular (SIL OFL 1.1), which the build fetches from its
 * npm package into {@code fonts/} on the classpath, so the runner jar carries it and nothing is installed.
 *
 * <p>The file is 15 MB with 30,920 glyphs, so it is read once, and each parse is kept and reused. A parsed
 * fontbox {@link TrueTypeFont} reads its tables lazily through one shared position, so it is not safe for two
 * documents at once: renders borrow a parse from a small pool, at most one per core (rendering is CPU-bound;
 * more parses would only add 15 MB each). A render that finds them all busy waits for one.
 */
public final class FaceFont {

    static final String RESOURCE = "/fonts/NotoSerifSC_400Regular.ttf";

    private final byte[] data;
    private final int max;
    private final BlockingQueue<TrueTypeFont> idle;
    private final AtomicInteger parsed = new AtomicInteger();

    FaceFont(byte[] data, int max) {
        this.data = data;
        this.max = max;
        this.idle = new ArrayBlockingQueue<>(max);
    }

    /** The font bundled at build time; at most one parse per available processor. */
    public static FaceFont bundled() {
        return bundled(Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    static FaceFont bundled(int maxParses) {
        try (InputStream in = FaceFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the certificate face font " + RESOURCE
                        + " is not on the classpath; the build extracts it (./mvnw package)");
            }
            return new FaceFont(in.readAllBytes(), maxParses);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Work that needs the font from the first glyph drawn until the document is saved (subsetting reads glyphs). */
    @FunctionalInterface
    public interface Use<T> {
        T with(TrueTypeFont font) throws IOException;
    }

    /** Runs {@code use} with a parse of the font no other thread holds meanwhile. */
    public <T> T use(Use<T> use) throws IOException {
        TrueTypeFont font = borrow();
        try {
            return use.with(font);
        } finally {
            idle.add(font);
        }
    }

    private TrueTypeFont borrow() throws IOException {
        TrueTypeFont font = idle.poll();
        if (font != null) {
            return font;
        }
        if (parsed.getAndUpdate(n -> n < max ? n + 1 : n) < max) {
            try {
                return new TTFParser().parse(new RandomAccessReadBuffer(data));
            } catch (IOException | RuntimeException e) {
                parsed.decrementAndGet();
                throw e;
            }
        }
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the face font", e);
        }
    }
}
