package io.newspipe.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.enrich.tag.CorpusArticles;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FingerprintsTest {

    @Test
    void shouldGiveTheSameFingerprintsAsTheirDefinition() throws Exception {
        List<String> texts = new ArrayList<>(List.of("", " ", "...", "a", "A b", "satu dua", "satu dua tiga",
                "Satu, dua; TIGA empat!", "  lead and trail  ", "İstanbul ΣΟΦΙΑ ǅemal ﬁle 𝐀𝐁 x", "e\u0301te\u0301",
                "12 345 tahun-2024 '99", "\uD800 broken \uDC00 surrogates"));
        for (CorpusArticles.Article a : CorpusArticles.load()) {
            texts.add(a.cleanBody());
            if (a.title() != null) {
                texts.add(a.title());
            }
        }
        Random random = new Random(5);
        String alphabet = "aZé 1.,\nİßǅΣ\u0301\uD835\uDC00-";
        for (int n = 0; n < 5_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(60); k > 0; k--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(b.toString());
        }
        texts.addAll(TestTexts.mutated(TestTexts.articles(), 5_000, 11L));
        for (String t : texts) {
            Fingerprints.Of of = Fingerprints.of(t);
            assertThat(of.simHash()).as(t).isEqualTo(Definition.simHash(t)).isEqualTo(Fingerprints.simHash(t));
            assertThat(of.contentHash()).as(t).isEqualTo(Definition.contentHash(t))
                    .isEqualTo(Fingerprints.contentHash(t));
        }
    }

    @Test
    void shouldFindNearCopiesCloseAndDifferentStoriesFar() {
        String story = "Pemerintah mengumumkan bahwa semua sekolah akan dibuka kembali setelah libur Lebaran karena "
                + "kondisi saat ini sudah membaik dan orang tua bisa mengantar anak mereka ke sekolah seperti biasa";
        String copy = story.replace("sudah membaik", "telah membaik");
        String other = "Harga cabai rawit di pasar induk naik tajam menjelang akhir pekan karena pasokan dari daerah "
                + "sentra produksi berkurang akibat hujan deras yang melanda sejak awal bulan ini";
        assertThat(Fingerprints.hamming(Fingerprints.simHash(story), Fingerprints.simHash(copy))).isLessThan(16);
        assertThat(Fingerprints.hamming(Fingerprints.simHash(story), Fingerprints.simHash(other))).isGreaterThan(16);
        assertThat(Fingerprints.contentHash("Satu  DUA, tiga")).isEqualTo(Fingerprints.contentHash("satu dua tiga"));
    }

    /** The fingerprints as first written (split into words, hash each shingle): what the fast path must equal. */
    private static final class Definition {

        static String contentHash(String body) throws Exception {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalise(body).getBytes(StandardCharsets.UTF_8)));
        }

        static long simHash(String body) {
            String[] words = normalise(body).split(" ");
            int[] weights = new int[64];
            int n = words.length;
            if (n == 1 && words[0].isEmpty()) {
                return 0L;
            }
            int shingles = Math.max(1, n - 3 + 1);
            for (int i = 0; i < shingles; i++) {
                long h = 0xcbf29ce484222325L;
                for (int j = i; j < Math.min(n, i + 3); j++) {
                    for (int k = 0; k < words[j].length(); k++) {
                        h ^= words[j].charAt(k);
                        h *= 0x100000001b3L;
                    }
                    h ^= ' ';
                    h *= 0x100000001b3L;
                }
                h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
                h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
                h = h ^ (h >>> 33);
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

        /** The shared normal form, read the slow way: code point by code point, each lower-cased on its own. */
        static String normalise(String body) {
            StringBuilder sb = new StringBuilder(body.length());
            body.codePoints().forEach(cp -> {
                if (Character.isLetterOrDigit(cp)) {
                    sb.appendCodePoint(Character.toLowerCase(cp));
                } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') {
                    sb.append(' ');
                }
            });
            return sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ' ? sb.substring(0, sb.length() - 1)
                    : sb.toString();
        }
    }
}
