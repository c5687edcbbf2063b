package io.newspipe.enrich.text;

import java.util.Arrays;

/**
 * A text cut once into its chunks, the runs of characters between ASCII white space (space, tab, line feed,
 * vertical tab, form feed, carriage return). No word of the language detector, the topic tagger or the
 * fingerprints crosses ASCII white space, so each of them reads a text chunk by chunk and notes what it made of a
 * chunk on the chunk ({@link Chunk}); each thread keeps the distinct chunks it has met in a {@link ChunkTable} (at
 * most {@value #CHUNK_CAPACITY}), so a text is scanned here once and a chunk met before costs one look-up here
 * instead of another scan per reader.
 *
 * <p>Immutable once made; the character array is shared with the readers, which must not change it.
 */
public final class ChunkedText {

    /** Most distinct chunks each thread keeps. */
    public static final int CHUNK_CAPACITY = 100_000;

    private static final ChunkedText EMPTY = new ChunkedText("", new char[0], new int[0], new int[0], new Chunk[0], 0);
    private static final ThreadLocal<ChunkTable<Chunk>> MET = ThreadLocal.withInitial(() -> new ChunkTable<>(
            CHUNK_CAPACITY));

    private final String text;
    private final char[] chars;
    private final int[] starts;
    private final int[] ends;
    private final Chunk[] chunks;
    private final int count;

    private ChunkedText(String text, char[] chars, int[] starts, int[] ends, Chunk[] chunks, int count) {
        this.text = text;
        this.chars = chars;
        this.starts = starts;
        this.ends = ends;
        this.chunks = chunks;
        this.count = count;
    }

    /** {@code text} cut into chunks; the empty text for null. */
    public static ChunkedText of(String text) {
        if (text == null || text.isEmpty()) {
            return EMPTY;
        }
        char[] chars = text.toCharArray();
        int capacity = chars.length / 6 + 4;
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        Chunk[] chunks = new Chunk[capacity];
        ChunkTable<Chunk> met = MET.get();
        int count = 0;
        int i = 0;
        while (i < chars.length) {
            while (i < chars.length && isAsciiWhiteSpace(chars[i])) {
                i++;
            }
            if (i == chars.length) {
                break;
            }
            int start = i;
            int hash = 0;
            while (i < chars.length && !isAsciiWhiteSpace(chars[i])) {
                hash = 31 * hash + chars[i];
                i++;
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
                chunks = Arrays.copyOf(chunks, count * 2);
            }
            starts[count] = start;
            ends[count] = i;
            hash ^= hash >>> 16;
            Chunk chunk = met.get(chars, start, i, hash);
            if (chunk == null) {
                chunk = new Chunk(Arrays.copyOfRange(chars, start, i));
                met.put(chars, start, i, hash, chunk);
            }
            chunks[count] = chunk;
            count++;
        }
        return new ChunkedText(text, chars, starts, ends, chunks, count);
    }

    /** Whether {@code c} is one of the six ASCII white space characters that separate chunks. */
    public static boolean isAsciiWhiteSpace(char c) {
        return c <= ' ' && (c == ' ' || c >= '\t' && c <= '\r');
    }

    /** The hash {@link ChunkTable} files the characters {@code text[start, end)} under, as chunks are hashed. */
    public static int hash(char[] text, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + text[i];
        }
        return hash ^ (hash >>> 16);
    }

    /** The whole text. */
    public String text() {
        return text;
    }

    /** The text's characters (not a copy: read them, do not change them). */
    public char[] chars() {
        return chars;
    }

    public int length() {
        return chars.length;
    }

    /** How many chunks the text has. */
    public int chunks() {
        return count;
    }

    /** Where chunk {@code k} starts in {@link #chars()}. */
    public int start(int k) {
        return starts[k];
    }

    /** Where chunk {@code k} ends (exclusive) in {@link #chars()}. */
    public int end(int k) {
        return ends[k];
    }

    /** Chunk {@code k}, with the notes readers have left on it. */
    public Chunk chunk(int k) {
        return chunks[k];
    }
}
