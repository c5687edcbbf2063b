package io.newspipe.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Stable article ids: the same article in, the same id out, from any source and after any restart. With a URL:
 * SHA-256 of the canonical URL ({@link UrlCanonicalizer}); without one: SHA-256 of source, normalised title and
 * the start of the normalised body. The id is the first 128 bits in hex (32 characters).
 */
public final class ArticleIds {

    static final int BODY_PREFIX_CHARS = 500;

    private ArticleIds() {
    }

    public static String of(String url, String source, String title, String body) {
        Optional<String> canonical = UrlCanonicalizer.canonicalize(url);
        if (canonical.isPresent()) {
            return hash("url\n" + canonical.get());
        }
        String b = normalise(body);
        return hash("text\n" + normalise(source) + "\n" + normalise(title) + "\n"
                + b.substring(0, Math.min(b.length(), BODY_PREFIX_CHARS)));
    }

    /** Lower case, accents folded, every run of non-letters/digits one space. */
    static String normalise(String s) {
        if (s == null) {
            return "";
        }
        String folded = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return folded.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
