package io.newspipe.ingest;

import io.newspipe.avro.DeadLetter;
import io.newspipe.avro.RawArticle;
import io.newspipe.schemas.DeadLetters;
import io.newspipe.schemas.serde.AvroSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest stage: reads article files (a file, or a folder recursively), gives each a stable id and publishes it
 * as a {@link RawArticle} to {@code news.raw} (key = article id, record timestamp = publication time when known,
 * headers {@code source} and {@code content-type}). Bad input is logged with its file and line, published to {@code
 * news.dlq} as a {@link DeadLetter} (stage ingest) with the input bytes, and counted; the rest goes on. The producer
 * is idempotent with {@code acks=all}, lz4 compression and batching.
 */
public final class Ingestor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Ingestor.class);

    private final IngestSettings settings;
    private final Producer<String, RawArticle> producer;
    private final Producer<byte[], DeadLetter> dlqProducer;
    private final TextArticleReader reader;
    private final Clock clock;
    private final Set<String> seenIds = ConcurrentHashMap.newKeySet();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();

    public Ingestor(IngestSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public Ingestor(IngestSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.reader = new TextArticleReader(settings.maxArticleBytes());
        Map<String, Object> serde = new HashMap<>(settings.extraClientConfig());
        serde.put("schema.registry.url", settings.schemaRegistryUrl());
        AvroSerializer<RawArticle> rawSerializer = new AvroSerializer<>();
        rawSerializer.configure(serde, false);
        AvroSerializer<DeadLetter> dlqSerializer = new AvroSerializer<>();
        dlqSerializer.configure(serde, false);
        this.producer = new KafkaProducer<>(producerConfig(settings, "newspipe-ingest"), new StringSerializer(),
                rawSerializer);
        this.dlqProducer = new KafkaProducer<>(producerConfig(settings, "newspipe-ingest-dlq"),
                new ByteArraySerializer(), dlqSerializer);
    }

    /** Producer settings: idempotent, acks=all, lz4, linger 20 ms, 256 KiB batches; extra settings win. */
    static Map<String, Object> producerConfig(IngestSettings s, String clientId) {
        Map<String, Object> c = new HashMap<>();
        c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrapServers());
        c.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        c.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        c.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        c.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, (int) Math.max(1_048_576, s.maxArticleBytes() * 3));
        for (Map.Entry<String, Object> e : s.extraClientConfig().entrySet()) {
            if (!e.getKey().startsWith("schema.registry.") && !e.getKey().startsWith("basic.auth.")) {
                c.put(e.getKey(), e.getValue());
            }
        }
        return c;
    }

    /** Ingests each path: a file, or a folder walked recursively in name order. Returns the run's totals so far. */
    public IngestSummary ingestPaths(List<Path> paths) {
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> files = new ArrayList<>();
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    deadLetter(new BadInputException("unreadable", p.toString(), "cannot list folder: " + e, e), null);
                    continue;
                }
                files.forEach(this::ingestFile);
            } else {
                ingestFile(p);
            }
        }
        flush();
        return summary();
    }

    /** Reads and publishes one file; bad input becomes a dead letter. Returns the article id, or null. */
    public String ingestFile(Path file) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > settings.maxArticleBytes()) {
                deadLetter(new BadInputException("oversize", file.toString(), "file is " + size
                        + " bytes, over the limit of " + settings.maxArticleBytes()
                        + " bytes (raise ingest.max.article.bytes if this is intended)"), null);
                return null;
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            deadLetter(new BadInputException("unreadable", file.toString(), "cannot read file: " + e, e), null);
            return null;
        }
        try {
            TextArticle article = reader.read(bytes, file.toString());
            if (article.source() == null) {
                article = new TextArticle(article.url(), sourceFromFile(file), article.title(), article.body(),
                        article.publishedAt(), article.language(), article.contentType(), article.origin());
            }
            return publish(article);
        } catch (BadInputException e) {
            deadLetter(e, bytes);
            return null;
        }
    }

    private static String sourceFromFile(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? "file" : parent.getFileName().toString();
    }

    /** Publishes one article (asynchronously; {@link #flush()} waits). Returns its id. */
    public String publish(TextArticle a) {
        String id = ArticleIds.of(a.url(), a.source(), a.title(), a.body());
        if (!seenIds.add(id)) {
            duplicates.incrementAndGet();
            LOG.info("{}: same article id {} as an earlier input in this run; not published again", a.origin(), id);
            return id;
        }
        RawArticle raw = RawArticle.newBuilder()
                .setId(id).setUrl(a.url()).setSource(a.source()).setTitle(a.title()).setBody(a.body())
                .setContentType(a.contentType()).setLanguageHint(a.language()).setPublishedAt(a.publishedAt())
                .setIngestedAt(clock.instant()).setOrigin(a.origin())
                .build();
        RecordHeaders headers = new RecordHeaders();
        if (a.source() != null) {
            headers.add("source", a.source().getBytes(StandardCharsets.UTF_8));
        }
        headers.add("content-type", a.contentType().getBytes(StandardCharsets.UTF_8));
        Long timestamp = a.publishedAt() == null ? null : a.publishedAt().toEpochMilli();
        producer.send(new ProducerRecord<>(settings.rawTopic(), null, timestamp, id, raw, headers), (md, err) -> {
            if (err != null) {
                LOG.error("{}: could not publish article {} to {}: {}", a.origin(), id, settings.rawTopic(),
                        err.toString());
                deadLetter(new BadInputException("produce-failed", a.origin(), err.toString(), err),
                        a.body().getBytes(StandardCharsets.UTF_8));
            } else {
                published.incrementAndGet();
            }
        });
        return id;
    }

    /** Logs the problem and publishes a dead letter with the input bytes. */
    public void deadLetter(BadInputException e, byte[] input) {
        deadLetters.incrementAndGet();
        LOG.warn("dead letter ({}): {}", e.reason(), e.getMessage());
        DeadLetter dl = DeadLetters.fromInput("ingest", e.reason(), e, e.origin(), null, input, Map.of());
        dlqProducer.send(new ProducerRecord<>(settings.dlqTopic(), null, dl), (md, err) -> {
            if (err != null) {
                LOG.error("could not write the dead letter for {} to {}: {}", e.origin(), settings.dlqTopic(),
                        err.toString());
            }
        });
    }

    public void flush() {
        producer.flush();
        dlqProducer.flush();
    }

    public IngestSummary summary() {
        return new IngestSummary(published.get(), duplicates.get(), deadLetters.get());
    }

    @Override
    public void close() {
        try {
            flush();
        } finally {
            producer.close();
            dlqProducer.close();
        }
    }
}
