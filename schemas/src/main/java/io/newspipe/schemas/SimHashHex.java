package io.newspipe.schemas;

import java.util.HexFormat;

/**
 * The contract's text form of a 64-bit SimHash ({@code EnrichedArticle.simhash_hex}): exactly 16 lower-case hex
 * digits, zero-padded, most significant digit first, the 64 bits read as an unsigned number. A string because
 * clients whose numbers are IEEE doubles (JavaScript above all) cannot hold a 64-bit hash exactly. Hex keeps it
 * cheap to turn back into bits: {@code BigInt("0x" + s)} in JavaScript, {@code int(s, 16)} in Python,
 * {@code strconv.ParseUint(s, 16, 64)} in Go, {@code Long.parseUnsignedLong(s, 16)} in Java.
 */
public final class SimHashHex {

    private SimHashHex() {
    }

    /** The 16-digit form of {@code simHash}. */
    public static String format(long simHash) {
        return HexFormat.of().toHexDigits(simHash);
    }

    /**
     * The 64 bits of a 16-digit form; null for null (records written before the field existed carry none).
     *
     * @throws IllegalArgumentException when {@code hex} is not exactly 16 hex digits
     */
    public static Long parse(String hex) {
        if (hex == null) {
            return null;
        }
        if (hex.length() != 16 || !HexFormat.isHexDigit(hex.charAt(0))) {
            throw new IllegalArgumentException("a SimHash is 16 hex digits, not \"" + hex + "\"");
        }
        try {
            return HexFormat.fromHexDigitsToLong(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a SimHash is 16 hex digits, not \"" + hex + "\"", e);
        }
    }
}
