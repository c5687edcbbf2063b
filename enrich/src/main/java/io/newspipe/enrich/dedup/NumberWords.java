package io.newspipe.enrich.dedup;

import java.util.Arrays;

/**
 * The words of a text that hold a digit (amounts, dates, counts, scores), as hashes. A republished copy keeps the
 * facts of its source, so the smaller text's numbers are all in the larger; two days of a template story (the
 * same sentences with other prices or temperatures) are told apart by them. Words are those of the normal form
 * ({@link io.newspipe.enrich.text.TextNormaliser}), so {@code Rp1.250.000} is the three words {@code rp1 250 000}.
 */
final class NumberWords {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private NumberWords() {
    }

    /** The distinct hashes of the words of {@code normalised} that hold a digit, in ascending order. */
    static long[] of(String normalised) {
        long[] out = new long[8];
        int n = 0;
        int start = 0;
        while (start < normalised.length()) {
            int end = normalised.indexOf(' ', start);
            if (end < 0) {
                end = normalised.length();
            }
            long h = FNV_OFFSET;
            boolean digit = false;
            for (int k = start; k < end; k++) {
                char c = normalised.charAt(k);
                digit |= Character.isDigit(c);
                h = (h ^ c) * FNV_PRIME;
            }
            if (digit) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, 2 * n);
                }
                out[n++] = Shingles.mix(h);
            }
            start = end + 1;
        }
        long[] found = Arrays.copyOf(out, n);
        Arrays.sort(found);
        return Shingles.distinct(found);
    }

    /**
     * Whether two texts' numbers agree: every number of the one with fewer is in the other. Two texts without
     * numbers agree; a text without numbers and one with them do not.
     */
    static boolean agree(long[] a, long[] b) {
        if (a.length == 0 || b.length == 0) {
            return a.length == b.length;
        }
        long[] small = a.length <= b.length ? a : b;
        long[] large = small == a ? b : a;
        for (long number : small) {
            if (Arrays.binarySearch(large, number) < 0) {
                return false;
            }
        }
        return true;
    }
}
