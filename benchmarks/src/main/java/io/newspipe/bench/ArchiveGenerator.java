package io.newspipe.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newspipe.localstack.ArticleGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * A generated news archive as a crawl would leave it: gzip'd JSON Lines, one file per outlet and month, articles in
 * crawl order (not sorted by publication time), publication times spread over the months. Each outlet writes in its
 * own style — its dateline, its "Baca juga" variant, its credits and footer — with story sentences from the corpus,
 * so the cleaner meets the boilerplate it meets in real archives. The same seed gives the same archive.
 */
final class ArchiveGenerator {

    /** How one outlet frames a story: dateline, related-article line, credits, footer ({@code %s}: a place/name). */
    record Style(String domain, String dateline, String related, String credits, String footer) {
    }

    static final List<Style> STYLES = List.of(
            new Style("kompas.com", "%s, KOMPAS.com - ", "Baca juga: ", "Penulis: %s\nEditor: %s",
                    "Artikel ini telah tayang di Kompas.com dengan judul \"%s\"."),
            new Style("tempo.co", "TEMPO.CO, %s - ", "Baca juga: ", "Pilihan Editor: %s\n%s",
                    "Ikuti berita terkini dari Tempo di Google News."),
            new Style("antaranews.com", "%s (ANTARA) - ", "Baca juga: ", "Pewarta: %s\nEditor: %s",
                    "Copyright © ANTARA 2025"),
            new Style("detik.com", "%s - ", "Baca juga: ", "(%s/%s)",
                    "Simak berita lainnya di detikcom."),
            new Style("republika.co.id", "REPUBLIKA.CO.ID, %s -- ", "Baca Juga ", "Rep: %s Red: %s",
                    "Dapatkan update berita pilihan setiap hari dari Republika."),
            new Style("tribunnews.com", "TRIBUNNEWS.COM, %s - ", "BACA JUGA: ", "Penulis: %s | Editor: %s",
                    "Artikel ini telah tayang di Tribunnews.com dengan judul %s."));

    private static final List<String> PLACES = List.of("JAKARTA", "BANDUNG", "SURABAYA", "MEDAN", "MAKASSAR",
            "SEMARANG", "YOGYAKARTA", "DENPASAR", "PALEMBANG", "PONTIANAK");
    // invented bylines, so the credits look like credits without naming real journalists
    private static final List<String> NAMES = List.of("Rina Sasmita", "Agus Prayogo", "Dewi Lestiani", "Bayu Anggara",
            "Sri Handayani", "Yoga Pramana", "Nur Fadilah", "Hendra Saputro", "Wulan Kartika", "Fajar Maulana");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT);

    /** What was written: files, articles, uncompressed JSON bytes, gzip bytes. */
    record Summary(int files, long articles, long jsonBytes, long gzipBytes) {
    }

    private final ArticleGenerator sentences;
    private final Random random;
    private final int outlets;
    private final int months;
    private final LocalDate firstMonth = LocalDate.of(2025, 1, 1);

    ArchiveGenerator(ArticleGenerator sentences, long seed, int outlets, int months) {
        if (outlets < 1 || outlets > STYLES.size()) {
            throw new IllegalArgumentException("outlets must be 1.." + STYLES.size());
        }
        this.sentences = sentences;
        this.random = new Random(seed);
        this.outlets = outlets;
        this.months = months;
    }

    /** Writes {@code n} articles under {@code dir}. */
    Summary write(Path dir, long n) throws IOException {
        Files.createDirectories(dir);
        ObjectMapper mapper = new ObjectMapper();
        Map<String, BufferedWriter> files = new HashMap<>();
        long spanSeconds = firstMonth.plusMonths(months).atStartOfDay(ZoneOffset.UTC).toEpochSecond()
                - firstMonth.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        Instant start = firstMonth.atStartOfDay(ZoneOffset.UTC).toInstant();
        long jsonBytes = 0;
        try {
            for (long i = 0; i < n; i++) {
                Style style = STYLES.get(random.nextInt(outlets));
                Instant published = start.plusSeconds((long) (random.nextDouble() * spanSeconds));
                String month = MONTH.format(published.atZone(ZoneOffset.UTC));
                String file = style.domain() + "-" + month + ".jsonl.gz";
                BufferedWriter w = files.get(file);
                if (w == null) {
                    w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(
                            Files.newOutputStream(dir.resolve(file)), 1 << 16), StandardCharsets.UTF_8), 1 << 16);
                    files.put(file, w);
                }
                String title = sentences.headline();
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("url", String.format(Locale.ROOT, "https://www.%s/read/%s/%d/%s",
                        style.domain(), month.replace('-', '/'), i, slug(title)));
                line.put("source", style.domain());
                line.put("title", title);
                line.put("published_at", published.toString());
                line.put("body", body(style, title));
                String json = mapper.writeValueAsString(line);
                jsonBytes += json.length() + 1;
                w.write(json);
                w.write('\n');
            }
        } finally {
            for (BufferedWriter w : files.values()) {
                w.close();
            }
        }
        long gzipBytes = 0;
        for (String file : files.keySet()) {
            gzipBytes += Files.size(dir.resolve(file));
        }
        return new Summary(files.size(), n, jsonBytes, gzipBytes);
    }

    private String body(Style style, String title) {
        StringBuilder body = new StringBuilder(String.format(Locale.ROOT, style.dateline(),
                capitalised(PLACES.get(random.nextInt(PLACES.size())), style)));
        int n = 6 + random.nextInt(13);
        for (int s = 0; s < n; s++) {
            body.append(sentences.sentence()).append(s % 3 == 2 ? "\n" : " ");
            if (s == n / 3 || (n > 12 && s == 2 * n / 3)) {
                body.append('\n').append(style.related()).append(sentences.headline()).append('\n');
            }
        }
        body.append('\n').append(String.format(Locale.ROOT, style.credits(), name(), name()));
        body.append('\n').append(String.format(Locale.ROOT, style.footer(), title));
        return body.toString();
    }

    /** Outlets that write the place in capitals keep it; the others write "Jakarta". */
    private static String capitalised(String place, Style style) {
        return style.dateline().startsWith("%s,") ? place
                : place.charAt(0) + place.substring(1).toLowerCase(Locale.ROOT);
    }

    private String name() {
        return NAMES.get(random.nextInt(NAMES.size()));
    }

    private static String slug(String title) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.length() > 60 ? s.substring(0, 60) : s;
    }
}
