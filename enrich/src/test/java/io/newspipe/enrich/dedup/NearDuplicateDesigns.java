package io.newspipe.enrich.dedup;

import io.newspipe.enrich.Fingerprints;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The near-duplicate tests compared on the labelled pairs, each over the clean body: today's SimHash distance;
 * word-shingle Jaccard similarity and containment, exact or estimated by MinHash with LSH banding; and a bottom-k
 * sketch (the 64 smallest shingle hashes, filed under its 8 smallest) with containment estimated from it and the
 * numbers of the two texts compared.
 */
final class NearDuplicateDesigns {

    static final int SHINGLE = 3;
    static final int MIN_HASHES = 128;

    private NearDuplicateDesigns() {
    }

    /** What each design keeps of one clean body. */
    record Features(long simHash, String contentHash, Set<Long> shingles, long[] minHashes, Set<String> numbers,
                    long[] bottomShingles) {

        static Features of(String cleanBody) {
            Set<Long> shingles = NearDuplicateDesigns.shingles(cleanBody);
            return new Features(Fingerprints.simHash(cleanBody), Fingerprints.contentHash(cleanBody), shingles,
                    NearDuplicateDesigns.minHashes(shingles), NearDuplicateDesigns.numbers(cleanBody),
                    bottom(shingles, SKETCH));
        }
    }

    /** How many of its smallest shingle hashes an article is filed under (and looked up by). */
    static final int BOTTOM_KEYS = 8;
    /** How many of its smallest shingle hashes an article keeps to be compared with (a bottom-k sketch). */
    static final int SKETCH = 64;

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

    /** The {@code k} smallest shingle hashes: two texts sharing one of them meet in a bucket. */
    static long[] bottom(Set<Long> shingles, int k) {
        return shingles.stream().mapToLong(Long::longValue).sorted().limit(k).toArray();
    }

    /** Whether the {@link #BOTTOM_KEYS} smallest hashes of two sketches have one in common. */
    static boolean shareKey(long[] a, long[] b) {
        for (int i = 0; i < Math.min(BOTTOM_KEYS, a.length); i++) {
            for (int j = 0; j < Math.min(BOTTOM_KEYS, b.length); j++) {
                if (a[i] == b[j]) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Jaccard similarity estimated from two bottom-k sketches: of the k smallest hashes of both together, the
     * share that is in both.
     */
    static double sketchJaccard(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        int taken = 0;
        int both = 0;
        int k = Math.min(SKETCH, Math.max(a.length, b.length));
        while (taken < k && (i < a.length || j < b.length)) {
            if (j == b.length || i < a.length && a[i] < b[j]) {
                i++;
            } else if (i == a.length || b[j] < a[i]) {
                j++;
            } else {
                both++;
                i++;
                j++;
            }
            taken++;
        }
        return taken == 0 ? 0 : (double) both / taken;
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

    /** The hashes of the word 3-shingles of a text (words: runs of letters and digits, lower-cased). */
    static Set<Long> shingles(String text) {
        String[] words = Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty()).toArray(String[]::new);
        Set<Long> out = new HashSet<>();
        for (int i = 0; i + SHINGLE <= Math.max(words.length, SHINGLE); i++) {
            long h = 0xcbf29ce484222325L;
            for (int j = i; j < Math.min(words.length, i + SHINGLE); j++) {
                for (char c : (words[j] + " ").toCharArray()) {
                    h = (h ^ c) * 0x100000001b3L;
                }
            }
            out.add(mix(h));
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
