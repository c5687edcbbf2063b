package io.newspipe.enrich.dedup;

import java.util.Arrays;

/**
 * The hashes of the word 3-shingles of a text in the project's normal form ({@link
 * io.newspipe.enrich.text.TextNormaliser}: words are runs of letters and digits, lower-cased, one space apart). Each
 * shingle is hashed with FNV-1a 64 over its three words, each followed by a space, then mixed, as {@link
 * io.newspipe.enrich.Fingerprints} hashes the shingles of its SimHash. A text of one or two words is one shingle of
 * all its words; an empty text has none.
 */
final class Shingles {

    static final int WORDS = 3;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Shingles() {
    }

    /** The distinct shingle hashes of {@code normalised} (already in normal form), in ascending order. */
    static long[] of(String normalised) {
        if (normalised.isEmpty()) {
            return new long[0];
        }
        int words = 1;
        for (int i = 0; i < normalised.length(); i++) {
            if (normalised.charAt(i) == ' ') {
                words++;
            }
        }
        long[] hashes = new long[Math.max(1, words - WORDS + 1)];
        if (words < WORDS) {
            hashes[0] = mix(fnvWithTrailingSpace(normalised)); // one shingle of every word
            return hashes;
        }
        // word j extends the three shingles that hold it (starting at j-2, j-1 and j) in step
        long fromTwoBack = FNV_OFFSET;
        long fromOneBack = FNV_OFFSET;
        int word = 0;
        int n = 0;
        int start = 0;
        while (word < words) {
            int end = normalised.indexOf(' ', start);
            if (end < 0) {
                end = normalised.length();
            }
            long fromHere = FNV_OFFSET;
            for (int k = start; k <= end; k++) {
                char c = k < end ? normalised.charAt(k) : ' '; // the space after each word, the last one included
                fromTwoBack = (fromTwoBack ^ c) * FNV_PRIME;
                fromOneBack = (fromOneBack ^ c) * FNV_PRIME;
                fromHere = (fromHere ^ c) * FNV_PRIME;
            }
            if (word >= WORDS - 1) {
                hashes[n++] = mix(fromTwoBack);
            }
            fromTwoBack = fromOneBack;
            fromOneBack = fromHere;
            word++;
            start = end + 1;
        }
        Arrays.sort(hashes);
        return distinct(hashes);
    }

    private static long fnvWithTrailingSpace(String s) {
        long h = FNV_OFFSET;
        for (int k = 0; k < s.length(); k++) {
            h = (h ^ s.charAt(k)) * FNV_PRIME;
        }
        return (h ^ ' ') * FNV_PRIME;
    }

    /** {@code sorted} without repeats (a repeated sentence gives the same shingles twice). */
    static long[] distinct(long[] sorted) {
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return n == sorted.length ? sorted : Arrays.copyOf(sorted, n);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
