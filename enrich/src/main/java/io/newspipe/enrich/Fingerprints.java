package io.newspipe.enrich;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Content fingerprints of a clean body: an exact hash and a 64-bit SimHash for near-duplicate detection. */
public final class Fingerprints {

    private static final int SHINGLE = 3;

    private Fingerprints() {
    }

    /** SHA-256 (hex) of the body with whitespace collapsed and case folded. */
    public static String contentHash(String body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(normalise(body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** 64-bit SimHash over word 3-shingles of the body (words = runs of letters and digits). */
    public static long simHash(String body) {
        String[] words = normalise(body).split(" ");
        int[] weights = new int[64];
        int n = words.length;
        if (n == 1 && words[0].isEmpty()) {
            return 0L;
        }
        int shingles = Math.max(1, n - SHINGLE + 1);
        for (int i = 0; i < shingles; i++) {
            long h = 0xcbf29ce484222325L; // FNV-1a 64
            for (int j = i; j < Math.min(n, i + SHINGLE); j++) {
                String w = words[j];
                for (int k = 0; k < w.length(); k++) {
                    h ^= w.charAt(k);
                    h *= 0x100000001b3L;
                }
                h ^= ' ';
                h *= 0x100000001b3L;
            }
            h = mix(h);
            for (int b = 0; b < 64; b++) {
                weights[b] += ((h >>> b) & 1L) == 1L ? 1 : -1;
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

    /** Number of differing bits. */
    public static int hamming(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    static String normalise(String body) {
        StringBuilder sb = new StringBuilder(body.length());
        boolean space = true;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
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
