package io.newspipe.enrich.dedup;

/**
 * Locality-sensitive banding of a 64-bit SimHash: four bands of 16 bits. Two hashes within Hamming distance 3
 * differ in at most three bands, so by the pigeonhole principle they share at least one band exactly; sending each
 * article to the owner of each of its four band values therefore finds every pair within distance 3 (and many
 * beyond it, which the exact distance check then filters).
 */
final class Bands {

    static final int BANDS = 4;
    static final int BITS = 64 / BANDS;

    private Bands() {
    }

    static int value(long simhash, int band) {
        return (int) ((simhash >>> (band * BITS)) & ((1L << BITS) - 1));
    }

    /** The key of a band bucket, e.g. {@code b2:3fa1}. */
    static String key(long simhash, int band) {
        return "b" + band + ":" + Integer.toHexString(value(simhash, band));
    }

    /** The largest distance banding guarantees to find. */
    static int maxGuaranteedDistance() {
        return BANDS - 1;
    }
}
