package io.newspipe.enrich;

import io.newspipe.enrich.text.ChunkedText;
import io.newspipe.enrich.text.TextNormaliser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** Content fingerprints of a clean body: an exact hash and a 64-bit SimHash for near-duplicate detection. */
public final class Fingerprints {

    private static final int SHINGLE = 3;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    /** Whose notes on a chunk are its normal form. */
    private static final Object NORMAL_FORM = new Object();
    /** Both fingerprints of one body, from one normalisation of it. */
    public record Of(String contentHash, long simHash) {
    }

    private Fingerprints() {
    }

    /** {@link #contentHash(String)} and {@link #simHash(String)} of {@code body}, normalising it once. */
    public static Of of(String body) {
        String n = TextNormaliser.normalise(body);
        return new Of(sha256(n), simHashOfNormalised(n.toCharArray()));
    }

    /**
     * {@link #of(String)} of a body already cut into chunks: the normal form of the body is that of its chunks
     * with a space between each two that have a letter or digit (white space is a run of other characters, which
     * becomes one space), and each distinct chunk's normal form is made once and noted on the chunk.
     */
    public static Of of(ChunkedText body) {
        char[] normal = new char[body.length()];
        int length = 0;
        for (int k = 0; k < body.chunks(); k++) {
            char[] chunk = (char[]) body.chunk(k).note(NORMAL_FORM);
            if (chunk == null) {
                chunk = TextNormaliser.normalise(new String(body.chunk(k).chars())).toCharArray();
                body.chunk(k).remember(NORMAL_FORM, chunk);
            }
            if (chunk.length == 0) {
                continue;
            }
            if (length + chunk.length + 1 > normal.length) {
                normal = Arrays.copyOf(normal, Math.max(normal.length * 2, length + chunk.length + 1));
            }
            if (length > 0) {
                normal[length++] = ' ';
            }
            System.arraycopy(chunk, 0, normal, length, chunk.length);
            length += chunk.length;
        }
        char[] normalised = length == normal.length ? normal : Arrays.copyOf(normal, length);
        return new Of(sha256(new String(normalised)), simHashOfNormalised(normalised));
    }

    /** SHA-256 (hex) of the body with whitespace collapsed and case folded. */
    public static String contentHash(String body) {
        return sha256(TextNormaliser.normalise(body));
    }

    /** 64-bit SimHash over word 3-shingles of the body (words = runs of letters and digits). */
    public static long simHash(String body) {
        return simHashOfNormalised(TextNormaliser.normalise(body).toCharArray());
    }

    /** Number of differing bits. */
    public static int hamming(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    private static String sha256(String normalised) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Each shingle (up to three consecutive words, fewer only when the body has fewer) is hashed with FNV-1a 64 over
     * its words each followed by a space, then mixed; a bit of the result is set where more shingles have it set
     * than not. Words are read in place from the normalised text (single spaces between words).
     */
    private static long simHashOfNormalised(char[] s) { // an array the compiler can range-check once
        if (s.length == 0) {
            return 0L;
        }
        int n = 1;
        for (char c : s) {
            if (c == ' ') {
                n++;
            }
        }
        int[] start = new int[n + 1]; // word k is s[start[k], start[k + 1] - 1)
        int w = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == ' ') {
                start[w++] = i + 1;
            }
        }
        start[n] = s.length + 1;
        BitVotes votes = new BitVotes();
        int shingles = Math.max(1, n - SHINGLE + 1);
        if (n < SHINGLE) {
            votes.add(mix(fnv(s, 0, s.length + 1))); // one shingle of every word
            return votes.majority(shingles);
        }
        // word j extends the three shingles that hold it (starting at j-2, j-1, j) in step: three independent
        // multiplication chains, which the processor runs side by side, instead of one after the other
        long fromTwoBack = FNV_OFFSET;
        long fromOneBack = FNV_OFFSET;
        for (int j = 0; j < n; j++) {
            long fromHere = FNV_OFFSET;
            for (int k = start[j], end = start[j + 1]; k < end; k++) {
                char c = k < s.length ? s[k] : ' '; // the space after each word, the last one included
                fromTwoBack = (fromTwoBack ^ c) * FNV_PRIME;
                fromOneBack = (fromOneBack ^ c) * FNV_PRIME;
                fromHere = (fromHere ^ c) * FNV_PRIME;
            }
            if (j >= SHINGLE - 1) {
                votes.add(mix(fromTwoBack));
            }
            fromTwoBack = fromOneBack;
            fromOneBack = fromHere;
        }
        return votes.majority(shingles);
    }

    /**
     * Counts, for each of 64 bits, how many hashes have it set, eight bits at a time: each byte of a hash is spread
     * over the eight bytes of a long (a table of 256), and eight such longs hold 64 byte-wide counters that are
     * emptied into int counters before they can overflow. Eight additions a hash instead of 64.
     */
    private static final class BitVotes {

        private static final long[] SPREAD = new long[256];

        static {
            for (int value = 0; value < 256; value++) {
                for (int bit = 0; bit < 8; bit++) {
                    SPREAD[value] |= (long) (value >>> bit & 1) << (8 * bit);
                }
            }
        }

        private final long[] lanes = new long[8]; // byte k of lanes[j] counts bit 8j+k
        private final int[] ones = new int[64];
        private int pending;

        void add(long hash) {
            for (int j = 0; j < 8; j++) {
                lanes[j] += SPREAD[(int) (hash >>> (8 * j)) & 0xFF];
            }
            if (++pending == 255) {
                flush();
            }
        }

        /** The bits set in more than half of {@code total} hashes. */
        long majority(int total) {
            flush();
            long out = 0;
            for (int bit = 0; bit < 64; bit++) {
                if (2 * ones[bit] > total) {
                    out |= 1L << bit;
                }
            }
            return out;
        }

        private void flush() {
            for (int j = 0; j < 8; j++) {
                for (int k = 0; k < 8; k++) {
                    ones[8 * j + k] += (int) (lanes[j] >>> (8 * k)) & 0xFF;
                }
                lanes[j] = 0;
            }
            pending = 0;
        }
    }

    /** FNV-1a 64 over {@code s[from, to)}, a space standing for the end of the text. */
    private static long fnv(char[] s, int from, int to) {
        long h = FNV_OFFSET;
        for (int k = from; k < to; k++) {
            h = (h ^ (k < s.length ? s[k] : ' ')) * FNV_PRIME;
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
