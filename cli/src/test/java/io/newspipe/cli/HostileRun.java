package io.newspipe.cli;

import io.newspipe.avro.DeadLetter;
import io.newspipe.ingest.Ingestor;
import io.newspipe.localstack.LocalStack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.zip.GZIPOutputStream;

/**
 * What one run of {@link HostileCatalogIT} shares: its topics, the hostile inputs sent ({@link HostileCatalog}), the
 * ids of the good and the regex-pathological articles that must reach PostgreSQL, and the good articles themselves.
 */
final class HostileRun {

    static final String RAW = "hostile.raw";
    static final String ENRICHED = "hostile.enriched";
    static final String DLQ = "hostile.dlq";
    static final String FOREIGN = "hostile.foreign";
    /** Raised past the default, as a user might, so that an article can pass ingest and still be over the broker's limit. */
    static final long MAX_ARTICLE = 2L * 1024 * 1024;

    final LocalStack stack;
    final String nonce = UUID.randomUUID().toString().substring(0, 8);
    final HostileCatalog catalog = new HostileCatalog();
    final List<String> goodIds = new ArrayList<>();
    final List<String> pathologicalIds = new ArrayList<>();
    /** Ids ingest publishes that are not good articles: they are checked on their own. */
    final Set<String> notGood = new HashSet<>();
    private int sequence;

    HostileRun(LocalStack stack) {
        this.stack = stack;
    }

    /** The next number of a good article or an input, so that every one differs. */
    int nextSequence() {
        return ++sequence;
    }

    String goodBody() {
        int n = nextSequence();
        return "JAKARTA - Pemerintah kota mengumumkan perbaikan jalan tahap " + n + " di kawasan " + nonce
                + " yang dimulai pekan depan.\nWarga menyambut baik rencana itu karena jalan rusak sejak musim hujan."
                + "\nPekerjaan ditargetkan selesai dalam " + (n % 9 + 2) + " bulan.";
    }

    String goodJson() {
        String body = goodBody().replace("\n", "\\n");
        return "{\"url\":\"https://hostile.test/" + nonce + "/good-" + sequence + "\",\"title\":\"Perbaikan jalan "
                + sequence + "\",\"body\":\"" + body + "\",\"published_at\":\"2025-07-06T10:00:00+07:00\"}";
    }

    String goodText() {
        String body = goodBody();
        return "Title: Perbaikan jalan " + sequence + "\nURL: https://hostile.test/" + nonce + "/text-" + sequence
                + "\nPublished: 2025-07-06T10:00:00+07:00\n\n" + body + "\n";
    }

    static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buf.toByteArray();
    }

    static byte[] key(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String key(DeadLetter d) {
        return d.getKey() == null ? null : StandardCharsets.UTF_8.decode(d.getKey().duplicate()).toString();
    }

    static Predicate<DeadLetter> originIs(String origin) {
        return d -> "ingest".equals(d.getStage()) && origin.equals(d.getOrigin());
    }

    static Predicate<DeadLetter> at(String topic, long offset) {
        return d -> topic.equals(d.getTopic()) && d.getOffset() != null && d.getOffset() == offset;
    }
}
