package io.newspipe.enrich.dedup;

import io.newspipe.enrich.Fingerprints;
import io.newspipe.enrich.text.TextNormaliser;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The near-duplicate tests compared on the labelled pairs, each over the clean body: SimHash distance (the detector
 * before the sketch); word-shingle Jaccard similarity and containment, exact or estimated by MinHash with LSH
 * banding; and the shipped bottom-k sketch ({@link ArticleSketch}: the 64 smallest shingle hashes, filed under its
 * 8 smallest) with containment estimated from it and the numbers of the two texts compared.
 */
final class NearDuplicateDesigns {

    static final int MIN_HASHES = 128;

    private NearDuplicateDesigns() {
    }

    /** What each design keeps of one clean body. */
    record Features(long simHash, String contentHash, Set<Long> shingles, long[] minHashes, Set<String> numbers,
                    ArticleSketch sketch) {

        static Features of(String cleanBody) {
            Set<Long> shingles = NearDuplicateDesigns.shingles(cleanBody);
            return new Features(Fingerprints.simHash(cleanBody), Fingerprints.contentHash(cleanBody), shingles,
                    NearDuplicateDesigns.minHashes(shingles), NearDuplicateDesigns.numbers(cleanBody),
                    ArticleSketch.of(cleanBody));
        }
    }

    /** The words of a text that hold a digit: amounts, dates, counts, scores. */
    static Set<String> numbers(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.split("[\\s()\"\u201C\u201D]+")) {
            String t = w.replaceAll("^\\p{P}+|\\p{P}+$", "");
            if (t.chars().anyMatch(Character::isDigit)) {
                out.add(t);
            }
        }
        return out;
    }

    /** How much of the smaller set of numbers the other has: republished copies keep the facts. */
    static double numberContainment(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty() ? 1.0 : 0.0;
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        return (double) small.stream().filter(large::contains).count() / small.size();
    }

    /** The hashes of the word 3-shingles of a text, as the shipped detector shingles it ({@link Shingles}). */
    static Set<Long> shingles(String text) {
        Set<Long> out = new HashSet<>();
        for (long h : Shingles.of(TextNormaliser.normalise(text))) {
            out.add(h);
        }
        return out;
    }

    static long[] minHashes(Set<Long> shingles) {
        long[] out = new long[MIN_HASHES];
        Arrays.fill(out, Long.MAX_VALUE);
        for (long s : shingles) {
            for (int k = 0; k < MIN_HASHES; k++) {
                out[k] = Math.min(out[k], mix(s ^ (0x9e3779b97f4a7c15L * (k + 1))));
            }
        }
        return out;
    }

    static double jaccard(Set<Long> a, Set<Long> b) {
        return (double) intersection(a, b) / (a.size() + b.size() - intersection(a, b));
    }

    /** How much of the smaller text lies in the larger: catches a copy cut short. */
    static double containment(Set<Long> a, Set<Long> b) {
        return (double) intersection(a, b) / Math.min(a.size(), b.size());
    }

    static double estimatedJaccard(long[] a, long[] b) {
        int same = 0;
        for (int k = 0; k < a.length; k++) {
            same += a[k] == b[k] ? 1 : 0;
        }
        return (double) same / a.length;
    }

    /** Whether two MinHash signatures share a whole band of {@code rows} rows (LSH: they would meet). */
    static boolean shareBand(long[] a, long[] b, int rows) {
        for (int start = 0; start + rows <= a.length; start += rows) {
            if (Arrays.equals(a, start, start + rows, b, start, start + rows)) {
                return true;
            }
        }
        return false;
    }

    private static int intersection(Set<Long> a, Set<Long> b) {
        Set<Long> small = a.size() <= b.size() ? a : b;
        Set<Long> large = small == a ? b : a;
        int n = 0;
        for (long s : small) {
            n += large.contains(s) ? 1 : 0;
        }
        return n;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
