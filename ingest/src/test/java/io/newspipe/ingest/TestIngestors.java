package io.newspipe.ingest;

import io.newspipe.avro.DeadLetter;
import io.newspipe.avro.RawArticle;
import io.newspipe.schemas.serde.AvroSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** An {@link Ingestor} on {@link MockProducer}s (values really serialised through a mock:// registry). */
final class TestIngestors {

    final MockProducer<String, RawArticle> raw;
    final MockProducer<byte[], DeadLetter> dlq;
    final Ingestor ingestor;

    TestIngestors(long maxArticleBytes) {
        Map<String, Object> serde = Map.of("schema.registry.url", "mock://ingest-test");
        AvroSerializer<RawArticle> rs = new AvroSerializer<>();
        rs.configure(serde, false);
        AvroSerializer<DeadLetter> ds = new AvroSerializer<>();
        ds.configure(serde, false);
        raw = new MockProducer<>(true, null, new StringSerializer(), rs);
        dlq = new MockProducer<>(true, null, new ByteArraySerializer(), ds);
        IngestSettings settings = new IngestSettings("unused:9092", "mock://ingest-test", "news.raw", "news.dlq",
                maxArticleBytes, Map.of());
        ingestor = new Ingestor(settings, raw, dlq, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"),
                ZoneOffset.UTC));
    }

    TestIngestors() {
        this(IngestSettings.DEFAULT_MAX_ARTICLE_BYTES);
    }

    List<RawArticle> published() {
        return raw.history().stream().map(ProducerRecord::value).toList();
    }

    List<DeadLetter> deadLetters() {
        return dlq.history().stream().map(ProducerRecord::value).toList();
    }

    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path gzip(Path file, byte[] bytes) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
            gz.write(bytes);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, buf.toByteArray());
    }

    /** Collects what a reader hands over, in order: the articles, and the problems with their input bytes. */
    static final class Collected implements ArticleHandler {
        final List<TextArticle> articles = new ArrayList<>();
        final List<BadInputException> bad = new ArrayList<>();
        final List<byte[]> inputs = new ArrayList<>();

        @Override
        public void article(TextArticle a) {
            articles.add(a);
        }

        @Override
        public void bad(BadInputException e, byte[] input) {
            bad.add(e);
            inputs.add(input);
        }

        List<String> reasons() {
            return bad.stream().map(BadInputException::reason).toList();
        }

        List<String> origins() {
            return bad.stream().map(BadInputException::origin).toList();
        }
    }
}
