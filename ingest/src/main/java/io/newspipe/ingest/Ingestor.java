package io.newspipe.ingest;

import io.newspipe.avro.DeadLetter;
import io.newspipe.avro.RawArticle;
import io.newspipe.schemas.DeadLetters;
import io.newspipe.schemas.registry.RegistryConfig;
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
 * The ingest stage: reads article files (text, JSON Lines, RSS/Atom, gzip of any; a file, or a folder recursively),
 * gives each article a stable id and publishes it as a {@link RawArticle} to {@code news.raw} (key = article id, record timestamp = publication time when known,
 * headers {@code source} and {@code content-type}). Bad input is logged with its file and line, published to {@code
 * news.dlq} as a {@link DeadLetter} (stage ingest) with the input bytes, and counted; the rest goes on. The producer
 * is idempotent with {@code acks=all}, lz4 compression and batching. Articles seen earlier in the same run (same
 * id) are counted as duplicates and not published again; articles on the {@link TakedownList} it honours are never
 * published. Thread-safe: watchers and feed pollers share one.
 */
public final class Ingestor implements ArticleHandler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Ingestor.class);

    private final IngestSettings settings;
    private final Producer<String, RawArticle> producer;
    private final Producer<byte[], DeadLetter> dlqProducer;
    private final SourceFiles sources;
    private volatile Progress progress = Progress.NONE;
    private final Clock clock;
    private final Set<String> seenIds = ConcurrentHashMap.newKeySet();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();
    private final AtomicLong takenDown = new AtomicLong();
    private volatile TakedownList takedowns = TakedownList.EMPTY;

    public Ingestor(IngestSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public Ingestor(IngestSettings settings, Clock clock) {
        this(settings, new KafkaProducer<>(producerConfig(settings, "newspipe-ingest"), new StringSerializer(),
                serializer(settings)), new KafkaProducer<>(producerConfig(settings, "newspipe-ingest-dlq"),
                new ByteArraySerializer(), serializer(settings)), clock);
    }

    /** With given producers (tests use {@code MockProducer}); the ingestor closes them. */
    public Ingestor(IngestSettings settings, Producer<String, RawArticle> producer,
                    Producer<byte[], DeadLetter> dlqProducer, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.sources = new SourceFiles(settings.maxArticleBytes(), maxFeedBytes(settings.maxArticleBytes()));
        this.producer = producer;
        this.dlqProducer = dlqProducer;
    }

    /** Feeds hold many articles: their limit is 16 article limits, at least 64 MiB. */
    /** The readers a normal ingest uses for articles of at most {@code maxArticleBytes}, for reading without Kafka. */
    public static SourceFiles sourceFiles(long maxArticleBytes) {
        return new SourceFiles(maxArticleBytes, maxFeedBytes(maxArticleBytes));
    }

    static long maxFeedBytes(long maxArticleBytes) {
        return Math.max(64L * 1024 * 1024, maxArticleBytes * 16);
    }

    private static <T> AvroSerializer<T> serializer(
            IngestSettings settings) {
        Map<String, Object> serde = new HashMap<>(settings.extraClientConfig());
        serde.put("schema.registry.url", settings.schemaRegistryUrl());
        AvroSerializer<T> s = new AvroSerializer<>();
        s.configure(serde, false);
        return s;
    }

    /** Producer settings: idempotent, acks=all, lz4, linger 20 ms, 256 KiB batches; extra settings win. */
    public static Map<String, Object> producerConfig(IngestSettings s, String clientId) {
        Map<String, Object> c = new HashMap<>();
        c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrapServers());
        c.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        c.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        c.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        c.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, (int) Math.max(1_048_576, s.maxArticleBytes() * 3));
        c.putAll(RegistryConfig.kafkaClientConfig(s.bootstrapServers(), s.extraClientConfig()));
        return c;
    }

    /**
     * Ingests each path: a file of any supported kind (text, JSON Lines, RSS/Atom, gzip of these), or a folder
     * walked recursively in name order. Returns the run's totals so far.
     */
    public IngestSummary ingestPaths(List<Path> paths) {
        List<Path> files = SourceFiles.expand(paths, this);
        long totalBytes = 0;
        for (Path f : files) {
            try {
                totalBytes += Files.size(f);
            } catch (IOException e) {
                // reported when the file is read
            }
        }
        progress.start(totalBytes, "bytes");
        for (Path f : files) {
            ingest(f);
        }
        flush();
        progress.finish();
        return summary();
    }

    /** Reads one file of any supported kind and publishes its articles; bad input becomes dead letters. */
    public List<String> ingest(Path file) {
        List<String> ids = new ArrayList<>();
        sources.read(file, sourceFromFile(file), progress::advance, new ArticleHandler() {
            @Override
            public void article(TextArticle a) {
                ids.add(publish(a));
            }

            @Override
            public void bad(BadInputException e, byte[] input) {
                deadLetter(e, input);
            }
        });
        return ids;
    }

    /**
     * Reads and publishes one file; bad input becomes a dead letter. Returns the id of its (first) article, or
     * null when nothing could be published.
     */
    public String ingestFile(Path file) {
        List<String> ids = ingest(file);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** The readers this ingestor uses (same limits), for replay and feeds. */
    public SourceFiles sources() {
        return sources;
    }

    /** Shows progress of later runs on {@code p} (default: none). */
    public void progress(Progress p) {
        this.progress = p;
    }

    /** Publishes a parsed article ({@link ArticleHandler} side of this ingestor). */
    @Override
    public void article(TextArticle a) {
        publish(a);
    }

    /** Dead-letters bad input ({@link ArticleHandler} side of this ingestor). */
    @Override
    public void bad(BadInputException e, byte[] input) {
        deadLetter(e, input);
    }

    /** The default outlet of a file's articles: the name of its folder. */
    public static String sourceFromFile(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null || parent.getFileName() == null ? "file" : parent.getFileName().toString();
    }

    /**
     * Publishes one article (asynchronously; {@link #flush()} waits) unless an article with the same id was
     * published earlier in this run. Returns its id.
     */
    public String publish(TextArticle a) {
        return publish(a, ArticleProvenance.NONE);
    }

    /**
     * Publishes one article with what ingest knows about it. A later version ({@link ArticleProvenance#isUpdate()})
     * is published even when its id was published earlier in this run: that is what a correction looks like.
     */
    public String publish(TextArticle a, ArticleProvenance provenance) {
        String id = ArticleIds.of(a.url(), a.source(), a.title(), a.body());
        if (!seenIds.add(id) && !provenance.isUpdate()) {
            duplicates.incrementAndGet();
            LOG.info("{}: same article id {} as an earlier input in this run; not published again", a.origin(), id);
            return id;
        }
        send(a, id, provenance);
        return id;
    }

    /**
     * Publishes one article under {@code id} (asynchronously; {@link #flush()} waits), remembering nothing: for a
     * replay, which drops copies itself in constant memory instead of keeping every id it published.
     */
    public void send(TextArticle a, String id) {
        send(a, id, ArticleProvenance.NONE);
    }

    private void send(TextArticle a, String id, ArticleProvenance provenance) {
        if (takedowns.contains(id)) {
            takenDown.incrementAndGet();
            LOG.info("{}: article {} was taken down; not published", a.origin(), id);
            return;
        }
        RawArticle raw = RawArticle.newBuilder()
                .setId(id).setUrl(a.url()).setSource(a.source()).setTitle(a.title()).setBody(a.body())
                .setContentType(a.contentType()).setLanguageHint(a.language()).setPublishedAt(a.publishedAt())
                .setIngestedAt(clock.instant()).setOrigin(a.origin())
                .setRevision(provenance.revision()).setBodySource(provenance.bodySource())
                .setLineMarkup(a.markup())
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
                progress.article();
            }
        });
    }

    /** Publishes no article whose id is on {@code list} from now on (files, feeds and archive replays alike). */
    public void honour(TakedownList list) {
        this.takedowns = list;
    }

    /** How many articles this ingestor did not publish because they were taken down. */
    public long takenDown() {
        return takenDown.get();
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
            takedowns.close();
        }
    }
}
