package io.newspipe.enrich;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Content fingerprints of a clean body: an exact hash and a 64-bit SimHash for near-duplicate detection. */
public final class Fingerprints {

    private static final int SHINGLE = 3;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** Both fingerprints of one body, from one normalisation of it. */
    public record Of(String contentHash, long simHash) {
    }

    private Fingerprints() {
    }

    /** {@link #contentHash(String)} and {@link #simHash(String)} of {@code body}, normalising it once. */
    public static Of of(String body) {
        String n = normalise(body);
        return new Of(sha256(n), simHashOfNormalised(n));
    }

    /** SHA-256 (hex) of the body with whitespace collapsed and case folded. */
    public static String contentHash(String body) {
        return sha256(normalise(body));
    }

    /** 64-bit SimHash over word 3-shingles of the body (words = runs of letters and digits). */
    public static long simHash(String body) {
        return simHashOfNormalised(normalise(body));
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
    private static long simHashOfNormalised(String s) {
        if (s.isEmpty()) {
            return 0L;
        }
        int n = 1;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ' ') {
                n++;
            }
        }
        int[] start = new int[n + 1]; // word k is s[start[k], start[k + 1] - 1)
        int w = 1;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ' ') {
                start[w++] = i + 1;
            }
        }
        start[n] = s.length() + 1;
        int[] weights = new int[64];
        int shingles = Math.max(1, n - SHINGLE + 1);
        for (int i = 0; i < shingles; i++) {
            long h = FNV_OFFSET;
            int last = Math.min(n, i + SHINGLE);
            for (int j = i; j < last; j++) {
                for (int k = start[j], end = start[j + 1] - 1; k < end; k++) {
                    h ^= s.charAt(k);
                    h *= FNV_PRIME;
                }
                h ^= ' ';
                h *= FNV_PRIME;
            }
            h = mix(h);
            for (int b = 0; b < 64; b++) {
                weights[b] += (int) (h >>> b & 1L) * 2 - 1;
            }
        }
        long out = 0;
        for (int b = 0; b < 64; b++) {
            if (weights[b] > 0) {
                out |= 1L << b;
            }
        }
        return out;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** Letters and digits lower-cased, every other run collapsed to one space, no space at either end. */
    static String normalise(String body) {
        StringBuilder sb = new StringBuilder(body.length());
        boolean space = true;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            boolean word;
            if (c < 0x80) {
                word = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
                if (c >= 'A' && c <= 'Z') {
                    c += 'a' - 'A';
                }
            } else {
                word = Character.isLetterOrDigit(c);
                c = Character.toLowerCase(c);
            }
            if (word) {
                sb.append(c);
                space = false;
            } else if (!space) {
                sb.append(' ');
                space = true;
            }
        }
        int len = sb.length();
        if (len > 0 && sb.charAt(len - 1) == ' ') {
            sb.setLength(len - 1);
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
