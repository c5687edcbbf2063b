package io.newspipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.newspipe.avro.DeadLetter;
import io.newspipe.avro.RawArticle;
import io.newspipe.common.Deadline;
import io.newspipe.enrich.EnrichApp;
import io.newspipe.enrich.dedup.DedupSettings;
import io.newspipe.ingest.ArticleIds;
import io.newspipe.ingest.FeedPoller;
import io.newspipe.ingest.FeedSettings;
import io.newspipe.ingest.Ingestor;
import io.newspipe.localstack.LocalStack;
import io.newspipe.localstack.LocalStackExtension;
import io.newspipe.schemas.serde.AvroDeserializer;
import io.newspipe.schemas.serde.AvroSerializer;
import io.newspipe.sink.SinkApp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile input catalog: the whole pipeline (ingest, enrich, sink on the real local stack)
 * is fed many kinds of hostile input across its stages, interleaved with good articles. At the end every hostile
 * input is in the dead letter topic exactly once, with the stage and reason its kind calls for and a readable
 * message; nothing else is there; regex-pathological text was enriched in bounded time; and every good article is
 * in PostgreSQL: the pipeline ran on. The table it prints is the catalog.
 */
@ExtendWith(LocalStackExtension.class)
class HostileCatalogIT {

    private static final String RAW = "hostile.raw";
    private static final String ENRICHED = "hostile.enriched";
    private static final String DLQ = "hostile.dlq";
    private static final String FOREIGN = "hostile.foreign";
    /** Raised past the default, as a user might, so that an article can pass ingest and still be over the broker's limit. */
    private static final long MAX_ARTICLE = 2L * 1024 * 1024;

    private final LocalStack stack;
    private final String nonce = UUID.randomUUID().toString().substring(0, 8);
    private final Catalog catalog = new Catalog();
    private final List<String> goodIds = new ArrayList<>();
    private final List<String> pathologicalIds = new ArrayList<>();
    /** Ids ingest publishes that are not good articles: they are checked on their own. */
    private final Set<String> notGood = new HashSet<>();
    private int goodSeq;

    HostileCatalogIT(LocalStack stack) {
        this.stack = stack;
    }

    @Test
    void shouldDeadLetterEveryHostileKindWithAReadableReasonWhileTheGoodArticlesArrive(@TempDir Path dir)
            throws Exception {
        long t0 = System.nanoTime();
        ConnectionOptions connection = new ConnectionOptions();
        StackOptions.point(connection, stack, RAW, ENRICHED, DLQ);
        DatabaseOptions database = new DatabaseOptions();
        StackOptions.point(database, stack);
        stack.createTopics(1, RAW, ENRICHED, DLQ); // one partition each: the order of the inputs is kept
        Files.createDirectories(dir.resolve("in"));

        EnrichApp enrich = Stages.enrichApp(connection, EnrichStageSettings.of("hostile-it-" + nonce,
                dir.resolve("state")));
        SinkApp sink = Stages.sinkApp(connection, database, SinkStageSettings.of("hostile-it-sink-" + nonce, 500));
        Thread sinkThread = new Thread(sink, "hostile-sink");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ExecutorService serverPool = Executors.newCachedThreadPool();
        CountDownLatch releaseSlow = new CountDownLatch(1);
        try (Ingestor ingestor = Stages.ingestor(connection, MAX_ARTICLE);
             var producer = new KafkaProducer<>(Map.<String, Object>of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                     new ByteArraySerializer(), new ByteArraySerializer())) {
            enrich.start();
            sinkThread.start();
            server.setExecutor(serverPool);
            server.start();

            long feedStart = System.nanoTime();
            ingestBrokenFiles(ingestor, dir.resolve("in"));
            ingestUnsafeXml(ingestor, dir.resolve("in"));
            ingestOddContent(ingestor, dir.resolve("in"));
            pollFeeds(ingestor, server, releaseSlow, dir.resolve("feed-state"));
            writeToRawTopic(producer);
            writeToEnrichedTopic(producer);
            // the last input, a good article: with one partition per topic it passes every stage after the rest
            goodIds.addAll(ingestor.ingest(write(dir.resolve("in/zz-last.txt"), goodText())));
            ingestor.flush();
            long fed = System.nanoTime();

            List<DeadLetter> letters = awaitDeadLettersAndGoodRows();
            long arrived = System.nanoTime();

            Map<String, Map<String, Object>> pathological = rows(pathologicalIds);
            String table = catalog.table(letters, goodIds.size(), rows(goodIds).size(), pathologicalIds.size(),
                    pathological.size());
            System.out.println(table);
            System.out.printf("hostile catalog: %d kinds, %d hostile inputs, %d good articles; fed in %d ms, "
                            + "everything arrived %d ms later; %d ms in all (stack up in %d ms before)%n",
                    catalog.kindCount(), catalog.instances.size(), goodIds.size(), (fed - feedStart) / 1_000_000,
                    (arrived - fed) / 1_000_000, (arrived - t0) / 1_000_000, stack.startupMillis());

            catalog.assertMatches(letters);
            assertThat(rows(goodIds)).as("good articles in PostgreSQL").hasSize(goodIds.size());
            assertPathologicalTextEnrichedInBoundedTime(pathological);
            assertThat(enrich.isReady()).as("enrich still running").isTrue();
            assertThat(sink.isReady()).as("sink still running").isTrue();
        } finally {
            releaseSlow.countDown();
            server.stop(0);
            serverPool.shutdownNow();
            sink.close();
            sinkThread.join(20_000);
            enrich.close();
        }
    }

    // ---------------------------------------------------------------------------------------------- ingest: files

    private void ingestBrokenFiles(Ingestor ingestor, Path in) throws IOException {
        // JSON Lines with broken lines, an empty article and invalid UTF-8 between good ones
        Path mixed = in.resolve("a-mixed.jsonl");
        Lines lines = new Lines(mixed);
        lines.good();
        lines.bad("broken JSON", "{\"url\":\"https://hostile.test/" + nonce + "/broken\",\"body\":\"tidak ditutup\"");
        lines.good();
        lines.bad("broken JSON", "[\"an array\", \"not an object\"]");
        lines.bad("empty article", "{\"url\":\"https://hostile.test/" + nonce + "/kosong\",\"title\":\"Tanpa isi\"}");
        lines.bad("broken JSON", "{\"body\":\"dua objek\"} {\"body\":\"di satu baris\"}");
        lines.bad("invalid UTF-8", "{\"url\":\"https://hostile.test/" + nonce + "/latin1\",\"body\":\"caf\u00e9 di "
                + "Jakarta\"}", StandardCharsets.ISO_8859_1);
        lines.good();
        ingest(ingestor, lines.write());

        Path latin1 = in.resolve("b-latin1.txt");
        Files.write(latin1, ("Title: Kafe\n\nBaris pertama.\nBaris kedua dengan caf\u00e9.\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        catalog.sent("invalid UTF-8", "ingest", "invalid-utf8", originIs(latin1 + ":4"),
                d -> assertThat(d.getErrorMessage()).contains("invalid UTF-8 at byte offset").contains("line 4"));
        ingest(ingestor, latin1);

        ingest(ingestor, write(in.resolve("c-good.txt"), goodText()));

        Path empty = Files.write(in.resolve("d-empty.txt"), new byte[0]);
        catalog.sent("empty article", "ingest", "empty-body", originIs(empty.toString()),
                d -> assertThat(d.getErrorMessage()).contains("no body text"));
        ingest(ingestor, empty);

        Path big = in.resolve("e-oversize.txt");
        StringBuilder prose = new StringBuilder();
        while (prose.length() <= MAX_ARTICLE + 1000) {
            prose.append("Paragraf panjang yang diulang sampai artikel melewati batas ukuran ").append(prose.length())
                    .append(".\n");
        }
        write(big, prose.toString());
        catalog.sent("oversize article", "ingest", "oversize", originIs(big.toString()),
                d -> assertThat(d.getErrorMessage()).contains("over the limit of " + MAX_ARTICLE + " bytes"));
        ingest(ingestor, big);

        // under the ingest limit, but over what the broker takes in one record (message.max.bytes, 1 MiB by
        // default) even after compression: text that does not compress
        Path dense = in.resolve("e2-incompressible.txt");
        byte[] noise = new byte[1_200_000];
        new Random(7).nextBytes(noise);
        write(dense, Base64.getMimeEncoder().encodeToString(noise));
        catalog.sent("over the broker's limit", "ingest", "produce-failed", originIs(dense.toString()), d -> {
            assertThat(d.getErrorMessage()).contains("RecordTooLargeException");
            assertThat(d.getContext()).containsKey("value.truncated.from"); // or the dead letter would not fit either
        });
        notGood.addAll(ingestor.ingest(dense)); // handed to the producer; the broker refuses it

        Path png = in.resolve("f-photo.png"); // an image dropped into the inbox by mistake
        byte[] image = new byte[6000];
        new Random(8).nextBytes(image);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D',
                'R'}, 0, image, 0, 16);
        Files.write(png, image);
        catalog.sent("binary file", "ingest", "binary", originIs(png.toString()),
                d -> assertThat(d.getErrorMessage()).contains("NUL byte at offset 8"));
        ingest(ingestor, png);

        ingest(ingestor, write(in.resolve("g-good.txt"), goodText()));

        Path truncated = in.resolve("h-truncated.jsonl.gz");
        StringBuilder archive = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            archive.append(goodJson()).append('\n');
        }
        byte[] gz = gzip(archive.toString().getBytes(StandardCharsets.UTF_8));
        Files.write(truncated, Arrays.copyOf(gz, gz.length * 55 / 100));
        catalog.sent("truncated gzip", "ingest", "unreadable", originIs(truncated.toString()),
                d -> assertThat(d.getErrorMessage()).contains("truncated or corrupt gzip"));
        // lines decoded before the cut are published, except those of the read (64 KiB) that meets the cut
        List<String> beforeTheCut = ingestor.ingest(truncated);
        System.out.printf("truncated gzip: %d of the 300 lines were published before the cut%n", beforeTheCut.size());
        assertThat(beforeTheCut).hasSizeLessThan(300 * 55 / 100);
        goodIds.addAll(beforeTheCut);

        Path bomb = in.resolve("i-bomb.txt.gz");
        Files.write(bomb, gzip(new byte[10 * 1024 * 1024]));
        catalog.sent("gzip bomb", "ingest", "oversize", originIs(bomb.toString()),
                d -> assertThat(d.getErrorMessage()).contains("over the limit"));
        ingest(ingestor, bomb);
    }

    private void ingestUnsafeXml(Ingestor ingestor, Path in) throws IOException {
        Path malformed = write(in.resolve("j-malformed.xml"), "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n"
                + "<channel><title>t</title>\n<item><title>a</title></channel>\n</rss>\n");
        catalog.sent("malformed XML", "ingest", "malformed-feed", originIs(malformed + ":4"),
                d -> assertThat(d.getErrorMessage()).contains("malformed feed XML at line 4"));
        ingest(ingestor, malformed);

        String secret = "TOP-SECRET-" + nonce;
        Path secretFile = write(in.getParent().resolve("secret.txt"), secret);
        Path xxe = write(in.resolve("k-xxe.xml"), "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \""
                + secretFile.toUri() + "\">]>\n<rss version=\"2.0\"><channel><title>t</title>"
                + "<link>https://hostile.test/</link><item><title>a</title><link>https://hostile.test/" + nonce
                + "/xxe</link><description>&xxe;</description></item></channel></rss>");
        catalog.sent("XXE", "ingest", "unsafe-xml", originIs(xxe + ":2"), d -> {
            assertThat(d.getErrorMessage()).contains("external entity (XXE)");
            assertThat(d.toString()).doesNotContain(secret);
        });
        ingest(ingestor, xxe);

        ingest(ingestor, write(in.resolve("l-good.txt"), goodText()));

        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">\n");
        }
        laughs.append("]>\n<rss version=\"2.0\"><channel><title>t</title><item><description>&lol9;</description>"
                + "</item></channel></rss>");
        Path laughsFile = write(in.resolve("m-entity-bomb.xml"), laughs.toString());
        catalog.sent("entity bomb", "ingest", "unsafe-xml", originIs(laughsFile + ":2"),
                d -> assertThat(d.getErrorMessage()).contains("entity declarations (entity expansion)"));
        ingest(ingestor, laughsFile);
    }

    private void ingestOddContent(Ingestor ingestor, Path in) throws IOException {
        // a 10 MB body on one line: refused at the limit while streaming, the next line goes on
        Path huge = in.resolve("n-10mb-line.jsonl");
        try (var out = Files.newBufferedWriter(huge, StandardCharsets.UTF_8)) {
            out.write("{\"url\":\"https://hostile.test/" + nonce + "/sepuluh-mb\",\"body\":\"");
            String chunk = "kata ".repeat(200);
            for (int written = 0; written < 10 * 1024 * 1024; written += chunk.length()) {
                out.write(chunk);
            }
            out.write("\"}\n");
            out.write(goodJson());
            out.write("\n");
        }
        catalog.sent("10 MB single line", "ingest", "oversize", originIs(huge + ":1"),
                d -> assertThat(d.getErrorMessage()).contains("the line is over the limit of " + MAX_ARTICLE));
        ingest(ingestor, huge);

        Lines times = new Lines(in.resolve("o-timestamps.jsonl"));
        times.bad("future timestamp", jsonWithTime("\"2999-01-01T00:00:00Z\""));
        times.good();
        times.bad("timestamp before 1970", jsonWithTime("\"1965-08-17T10:00:00+07:00\""));
        times.bad("timestamp before 1970", jsonWithTime("-86400"));
        times.bad("unreadable timestamp", jsonWithTime("\"kemarin sore\""));
        times.good();
        ingest(ingestor, times.write());

        // regex-pathological text: long runs of what the cleaner's rules look for, without a line break
        Lines pathological = new Lines(in.resolve("p-pathological.jsonl"));
        pathological.pathological("Pembuka berita yang wajar.\\n" + "Baca juga: ".repeat(200_000 / 11));
        pathological.good();
        pathological.pathological("Editor: ".repeat(100_000));
        ingest(ingestor, pathological.write());

        // a NUL character (valid JSON, valid UTF-8): no PostgreSQL text column holds it, so ingest refuses it
        Lines nul = new Lines(in.resolve("q-nul.jsonl"));
        nul.good();
        nul.bad("NUL character", "{\"url\":\"https://hostile.test/" + nonce
                + "/nul\",\"title\":\"NUL\",\"body\":\"Isi berita dengan \\u0000 di tengah.\"}");
        nul.good();
        ingest(ingestor, nul.write());
        assertThat(ingestor.summary().duplicates()).isZero();
    }

    private void ingest(Ingestor ingestor, Path file) {
        goodIds.addAll(ingestor.ingest(file).stream().filter(id -> !notGood.contains(id)).toList());
    }

    /** A JSON Lines file being written: each bad line is registered with the catalog by its origin. */
    private final class Lines {
        private final Path file;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int n;

        Lines(Path file) {
            this.file = file;
        }

        void good() {
            raw(goodJson());
        }

        void raw(String line) {
            line(line, StandardCharsets.UTF_8);
        }

        private void line(String line, Charset cs) {
            out.writeBytes(line.getBytes(cs));
            out.write('\n');
            n++;
        }

        void bad(String kind, String line) {
            bad(kind, line, StandardCharsets.UTF_8);
        }

        void bad(String kind, String line, Charset cs) {
            line(line, cs);
            Kind k = Kind.BY_NAME.get(kind);
            catalog.sent(kind, "ingest", k.reason, originIs(file + ":" + n), k.detail);
        }

        void pathological(String body) {
            String url = "https://hostile.test/" + nonce + "/pathological-" + n;
            String id = ArticleIds.of(url, null, null, null);
            pathologicalIds.add(id);
            notGood.add(id);
            raw("{\"url\":\"" + url + "\",\"title\":\"Teks patologis\",\"body\":\"" + body + "\"}");
        }

        Path write() throws IOException {
            return Files.write(file, out.toByteArray());
        }
    }

    /** Reasons and message checks of the kinds that arrive as JSON lines. */
    private record Kind(String reason, Consumer<DeadLetter> detail) {
        static final Map<String, Kind> BY_NAME = Map.of(
                "broken JSON", new Kind("invalid-json", d -> assertThat(d.getErrorMessage())
                        .containsAnyOf("broken JSON", "expected a JSON object", "more than one JSON value")),
                "empty article", new Kind("empty-body", d -> assertThat(d.getErrorMessage())
                        .contains("no body text")),
                "invalid UTF-8", new Kind("invalid-utf8", d -> assertThat(d.getErrorMessage())
                        .contains("invalid UTF-8")),
                "future timestamp", new Kind("invalid-timestamp", d -> assertThat(d.getErrorMessage())
                        .contains("2999-01-01").contains("in the future")),
                "timestamp before 1970", new Kind("invalid-timestamp", d -> assertThat(d.getErrorMessage())
                        .contains("before 1970")),
                "unreadable timestamp", new Kind("invalid-timestamp", d -> assertThat(d.getErrorMessage())
                        .contains("kemarin sore").contains("ISO-8601")),
                "NUL character", new Kind("invalid-text", d -> assertThat(d.getErrorMessage())
                        .contains("the body contains a NUL character")));
    }

    private String jsonWithTime(String time) {
        return "{\"url\":\"https://hostile.test/" + nonce + "/time-" + (++goodSeq) + "\",\"body\":\"Berita dengan "
                + "waktu terbit yang aneh.\",\"published_at\":" + time + "}";
    }

    // ---------------------------------------------------------------------------------------------- ingest: HTTP

    private void pollFeeds(Ingestor ingestor, HttpServer server, CountDownLatch releaseSlow, Path stateDir)
            throws InterruptedException {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        String first = "https://hostile.test/" + nonce + "/feed-1";
        String second = "https://hostile.test/" + nonce + "/feed-2";
        byte[] rss = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>Hostile</title><link>https://hostile.test/</link><language>id</language>"
                + item(first) + "<item><link>https://hostile.test/" + nonce + "/podcast.mp3</link>"
                + "<enclosure url=\"https://hostile.test/" + nonce + "/podcast.mp3\" length=\"123456\" "
                + "type=\"audio/mpeg\"/></item>" + item(second) + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
        server.createContext("/feed", ex -> {
            ex.sendResponseHeaders(200, rss.length);
            ex.getResponseBody().write(rss);
            ex.close();
        });
        server.createContext("/down", ex -> {
            byte[] b = "<h1>500 Internal Server Error</h1>".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(500, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.createContext("/slow", ex -> {
            try {
                releaseSlow.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        server.createContext("/loop", ex -> {
            ex.getResponseHeaders().add("Location", ex.getRequestURI().getPath().equals("/loop/a") ? "/loop/b"
                    : "/loop/a");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        URI feed = URI.create(base + "/feed");
        URI down = URI.create(base + "/down");
        URI slow = URI.create(base + "/slow");
        URI loop = URI.create(base + "/loop/a");
        catalog.sent("non-article feed item", "ingest", "empty-body", originIs(feed + "#entry2"),
                d -> assertThat(d.getErrorMessage()).contains("podcast.mp3").contains("has no content"));
        catalog.sent("HTTP 500", "ingest", "http-error", originIs(down.toString()),
                d -> assertThat(d.getErrorMessage()).contains("HTTP 500").contains("2 attempts"));
        catalog.sent("HTTP timeout", "ingest", "http-timeout", originIs(slow.toString()),
                d -> assertThat(d.getErrorMessage()).contains("answer within 400 ms"));
        catalog.sent("HTTP redirect loop", "ingest", "http-redirect", originIs(loop.toString()),
                d -> assertThat(d.getErrorMessage()).contains("redirect loop").contains("/loop/b"));

        FeedSettings settings = new FeedSettings(Duration.ofSeconds(2), Duration.ofMillis(400), 1024 * 1024, 2,
                Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMinutes(5), stateDir);
        FeedPoller poller = new FeedPoller(List.of(feed, down, slow, loop), ingestor, settings);
        assertThat(poller.pollOnce(feed)).isEqualTo(new FeedPoller.PollResult(FeedPoller.Outcome.FETCHED, 2));
        goodIds.add(ArticleIds.of(first, null, null, null));
        goodIds.add(ArticleIds.of(second, null, null, null));
        for (URI failing : List.of(down, slow, loop)) {
            assertThat(poller.pollOnce(failing).outcome()).as(failing.toString()).isEqualTo(FeedPoller.Outcome.FAILED);
        }
    }

    private String item(String link) {
        return "<item><title>Berita dari umpan " + link.substring(link.lastIndexOf('/') + 1) + "</title><link>" + link
                + "</link><pubDate>Sun, 06 Jul 2025 10:00:00 +0700</pubDate><description>" + goodBody()
                + "</description></item>";
    }

    // ---------------------------------------------------------------------------------- enrich and sink: Kafka

    private void writeToRawTopic(KafkaProducer<byte[], byte[]> producer) throws Exception {
        Map<String, Object> serde = Map.of("schema.registry.url", stack.schemaRegistryUrl());
        AvroSerializer<RawArticle> raws = new AvroSerializer<>();
        raws.configure(serde, false);
        AvroSerializer<DeadLetter> foreign = new AvroSerializer<>();
        foreign.configure(serde, false);

        RawArticle sample = rawArticle("hostile-raw-" + nonce + "-sample");
        byte[] valid = raws.serialize(RAW, sample); // registers RawArticle under hostile.raw-value: a real schema id
        int schemaId = ByteBuffer.wrap(valid, 1, 4).getInt();

        sendGoodRaw(producer, raws);
        sendToRaw(producer, "wrong magic byte", "wrong-magic", "{\"id\":\"json, not Avro\"}"
                .getBytes(StandardCharsets.UTF_8), d -> assertThat(d.getErrorMessage()).contains("magic byte"));
        byte[] unknownId = valid.clone();
        ByteBuffer.wrap(unknownId).putInt(1, 2_000_000_000);
        sendToRaw(producer, "unknown schema id", "unknown-id", unknownId,
                d -> assertThat(d.getErrorMessage()).contains("schema for id 2000000000"));
        sendGoodRaw(producer, raws);
        sendToRaw(producer, "truncated Avro", "truncated", Arrays.copyOf(valid, valid.length / 2),
                d -> assertThat(d.getErrorMessage()).contains("schema id " + schemaId).contains("EOFException"));
        ByteArrayOutputStream lengthBomb = new ByteArrayOutputStream(); // header, then "the id is 2 GB long"
        lengthBomb.write(valid, 0, 5);
        for (long z = 2_000_000_000L << 1; ; z >>>= 7) {
            if ((z & ~0x7FL) == 0) {
                lengthBomb.write((int) z);
                break;
            }
            lengthBomb.write((int) ((z & 0x7F) | 0x80));
        }
        lengthBomb.writeBytes("abc".getBytes(StandardCharsets.UTF_8));
        sendToRaw(producer, "Avro length bomb", "length-bomb", lengthBomb.toByteArray(),
                d -> assertThat(d.getErrorMessage()).contains("2000000000 bytes"));
        DeadLetter other = DeadLetter.newBuilder().setStage("x").setReason("y").setFailedAt(Instant.now()).build();
        sendToRaw(producer, "foreign schema", "foreign", foreign.serialize(FOREIGN, other),
                d -> assertThat(d.getErrorMessage()).contains("io.newspipe.avro.DeadLetter"));
        // a tombstone with a key is a takedown, handled by enrich; one without a key names no article
        RecordMetadata keylessTombstone = producer.send(new ProducerRecord<>(RAW, null, null)).get();
        catalog.sent("tombstone without a key", "enrich", "deserialization", at(RAW, keylessTombstone.offset()),
                d -> assertThat(d.getErrorMessage()).contains("tombstone", "names no article"));
        sendGoodRaw(producer, raws);
        RawArticle mismatched = rawArticle("hostile-raw-" + nonce + "-mismatched");
        RecordMetadata md = producer.send(new ProducerRecord<>(RAW, key("not-its-id"),
                raws.serialize(RAW, mismatched))).get();
        catalog.sent("key mismatch", "enrich", "key-mismatch", at(RAW, md.offset()),
                d -> assertThat(d.getErrorMessage()).contains("key was \"not-its-id\""));
        md = producer.send(new ProducerRecord<>(RAW, null, raws.serialize(RAW, rawArticle("hostile-raw-" + nonce
                + "-keyless")))).get();
        catalog.sent("null key", "enrich", "key-mismatch", at(RAW, md.offset()),
                d -> assertThat(d.getErrorMessage()).contains("key was null"));
        // a NUL character from a producer other than ingest: enrich passes it on, PostgreSQL text cannot hold it
        RawArticle withNul = RawArticle.newBuilder(rawArticle("hostile-raw-" + nonce + "-nul"))
                .setBody("Isi berita dengan \u0000 di tengah, dikirim tanpa newspipe ingest.").build();
        producer.send(new ProducerRecord<>(RAW, key(withNul.getId()), raws.serialize(RAW, withNul))).get();
        catalog.sent("NUL character past ingest", "sink", "database",
                d -> ENRICHED.equals(d.getTopic()) && withNul.getId().equals(key(d)),
                d -> assertThat(d.getErrorMessage()).contains("0x00"));
        sendGoodRaw(producer, raws);
    }

    private void sendToRaw(KafkaProducer<byte[], byte[]> producer, String kind, String key, byte[] value,
                           Consumer<DeadLetter> detail) throws Exception {
        RecordMetadata md = producer.send(new ProducerRecord<>(RAW, key("hostile-" + key + "-" + nonce), value))
                .get();
        catalog.sent(kind, "enrich", "deserialization", at(RAW, md.offset()), d -> {
            assertThat(key(d)).isEqualTo("hostile-" + key + "-" + nonce);
            if (value != null) {
                byte[] original = new byte[d.getValue().remaining()];
                d.getValue().duplicate().get(original);
                assertThat(original).as("the original bytes").isEqualTo(value);
            }
            detail.accept(d);
        });
    }

    private void sendGoodRaw(KafkaProducer<byte[], byte[]> producer, AvroSerializer<RawArticle> raws)
            throws Exception {
        RawArticle a = rawArticle("hostile-raw-" + nonce + "-good-" + (++goodSeq));
        producer.send(new ProducerRecord<>(RAW, key(a.getId()), raws.serialize(RAW, a))).get();
        goodIds.add(a.getId());
    }

    private RawArticle rawArticle(String id) {
        return RawArticle.newBuilder().setId(id).setSource("hostile.test").setTitle("Berita langsung " + id)
                .setBody(goodBody()).setIngestedAt(Instant.now()).build();
    }

    private void writeToEnrichedTopic(KafkaProducer<byte[], byte[]> producer) throws Exception {
        byte[] html = "<html><body>not an EnrichedArticle</body></html>".getBytes(StandardCharsets.UTF_8);
        RecordMetadata md = producer.send(new ProducerRecord<>(ENRICHED, key("hostile-garbage-" + nonce), html))
                .get();
        catalog.sent("garbage on the enriched topic", "sink", "deserialization", at(ENRICHED, md.offset()),
                d -> assertThat(d.getErrorMessage()).contains("magic byte"));
    }

    // ------------------------------------------------------------------------------------------------- waiting

    private List<DeadLetter> awaitDeadLettersAndGoodRows() {
        AvroDeserializer<DeadLetter> letters = new AvroDeserializer<>(DeadLetter.class);
        letters.configure(Map.of("schema.registry.url", stack.schemaRegistryUrl()), false);
        List<DeadLetter> seen = new ArrayList<>();
        int expected = catalog.instances.size();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "hostile-dlq-reader-" + nonce,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(new TopicPartition(DLQ, 0)));
            consumer.seekToBeginning(consumer.assignment());
            int[] rowsIn = {0};
            try {
                Deadline.await(expected + " dead letters and " + goodIds.size() + " good rows", Duration.ofSeconds(90),
                        Duration.ofMillis(50), () -> {
                            consumer.poll(Duration.ofMillis(200))
                                    .forEach(r -> seen.add(letters.deserialize(r.topic(), r.value())));
                            rowsIn[0] = rows(goodIds).size();
                            return seen.size() >= expected && rowsIn[0] == goodIds.size();
                        });
            } catch (IllegalStateException e) {
                throw new AssertionError(e.getMessage() + ": " + seen.size() + " dead letters and " + rowsIn[0]
                        + " good rows so far\n" + catalog.table(seen, goodIds.size(), rowsIn[0],
                        pathologicalIds.size(), rows(pathologicalIds).size()), e);
            }
        }
        return seen;
    }

    private Map<String, Map<String, Object>> rows(List<String> ids) {
        Map<String, Map<String, Object>> found = new HashMap<>();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
             PreparedStatement ps = c.prepareStatement("SELECT id, length(body) AS body_chars, "
                     + "jsonb_array_length(removed) AS removed, ingested_at, enriched_at FROM articles "
                     + "WHERE id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString("id"), Map.of("body_chars", rs.getInt("body_chars"),
                            "removed", rs.getInt("removed"),
                            "ingested_at", rs.getTimestamp("ingested_at").toInstant(),
                            "enriched_at", rs.getTimestamp("enriched_at").toInstant()));
                }
            }
        } catch (SQLException e) {
            return Map.of(); // the sink has not created the table yet
        }
        return found;
    }

    private void assertPathologicalTextEnrichedInBoundedTime(Map<String, Map<String, Object>> rows) {
        assertThat(rows).as("regex-pathological articles in PostgreSQL").hasSize(pathologicalIds.size());
        rows.forEach((id, row) -> {
            Duration took = Duration.between((Instant) row.get("ingested_at"), (Instant) row.get("enriched_at"));
            System.out.printf("regex-pathological %s: enriched %s after ingest, body %d chars, %d spans removed%n",
                    id, took, row.get("body_chars"), row.get("removed"));
            assertThat(took).as("from ingest to enriched").isLessThan(Duration.ofSeconds(30));
        });
    }

    // ------------------------------------------------------------------------------------------------- inputs

    private String goodBody() {
        int n = ++goodSeq;
        return "JAKARTA - Pemerintah kota mengumumkan perbaikan jalan tahap " + n + " di kawasan " + nonce
                + " yang dimulai pekan depan.\nWarga menyambut baik rencana itu karena jalan rusak sejak musim hujan."
                + "\nPekerjaan ditargetkan selesai dalam " + (n % 9 + 2) + " bulan.";
    }

    private String goodJson() {
        String body = goodBody().replace("\n", "\\n");
        return "{\"url\":\"https://hostile.test/" + nonce + "/good-" + goodSeq + "\",\"title\":\"Perbaikan jalan "
                + goodSeq + "\",\"body\":\"" + body + "\",\"published_at\":\"2025-07-06T10:00:00+07:00\"}";
    }

    private String goodText() {
        String body = goodBody();
        return "Title: Perbaikan jalan " + goodSeq + "\nURL: https://hostile.test/" + nonce + "/text-" + goodSeq
                + "\nPublished: 2025-07-06T10:00:00+07:00\n\n" + body + "\n";
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buf.toByteArray();
    }

    private static byte[] key(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String key(DeadLetter d) {
        return d.getKey() == null ? null : StandardCharsets.UTF_8.decode(d.getKey().duplicate()).toString();
    }

    private static Predicate<DeadLetter> originIs(String origin) {
        return d -> "ingest".equals(d.getStage()) && origin.equals(d.getOrigin());
    }

    private static Predicate<DeadLetter> at(String topic, long offset) {
        return d -> topic.equals(d.getTopic()) && d.getOffset() != null && d.getOffset() == offset;
    }

    // ------------------------------------------------------------------------------------------------ catalog

    /** One hostile input sent: its kind, where it must end, how to recognise its dead letter, what it must say. */
    private record Instance(String kind, String stage, String reason, Predicate<DeadLetter> matches,
                            Consumer<DeadLetter> detail) {
    }

    private static final class Catalog {
        final List<Instance> instances = new ArrayList<>();

        void sent(String kind, String stage, String reason, Predicate<DeadLetter> matches,
                  Consumer<DeadLetter> detail) {
            instances.add(new Instance(kind, stage, reason, matches, detail));
        }

        long kindCount() {
            return instances.stream().map(Instance::kind).distinct().count() + 1; // + regex-pathological text
        }

        /** Each dead letter belongs to exactly one input sent, each input has exactly one, as its kind says. */
        void assertMatches(List<DeadLetter> letters) {
            List<Instance> unmatched = new ArrayList<>(instances);
            for (DeadLetter d : letters) {
                List<Instance> owners = instances.stream().filter(i -> i.matches().test(d)).toList();
                assertThat(owners).as("the input behind dead letter %s", d).hasSize(1);
                Instance i = owners.get(0);
                assertThat(unmatched.removeIf(x -> x == i)).as("a second dead letter for one %s: %s", i.kind(), d)
                        .isTrue();
                assertThat(d.getStage()).as(i.kind()).isEqualTo(i.stage());
                assertThat(d.getReason()).as(i.kind()).isEqualTo(i.reason());
                assertThat(d.getErrorMessage()).as(i.kind()).isNotBlank();
                assertThat(d.getErrorClass()).as(i.kind()).isNotBlank();
                i.detail().accept(d);
            }
            assertThat(unmatched).as("inputs without a dead letter").isEmpty();
        }

        /** kind -> stage/reason -> sent and found; then what was meant to arrive in PostgreSQL. */
        String table(List<DeadLetter> letters, int good, int goodRows, int pathological, int pathologicalRows) {
            Map<String, int[]> counts = new LinkedHashMap<>();
            Map<String, String> where = new LinkedHashMap<>();
            for (Instance i : instances) {
                counts.computeIfAbsent(i.kind(), k -> new int[2])[0]++;
                where.put(i.kind(), i.stage() + "/" + i.reason());
            }
            List<String> stray = new ArrayList<>();
            for (DeadLetter d : letters) {
                instances.stream().filter(i -> i.matches().test(d)).findFirst().ifPresentOrElse(
                        i -> counts.get(i.kind())[1]++,
                        () -> stray.add(d.getStage() + "/" + d.getReason() + " " + d.getErrorMessage()));
            }
            String row = "%-30s %-31s %5s %8s%n";
            StringBuilder t = new StringBuilder(String.format("%n" + row, "kind", "ends as (dlq: stage/reason)",
                    "sent", "arrived"));
            counts.forEach((kind, c) -> t.append(String.format(row, kind, "dlq: " + where.get(kind), c[0], c[1])));
            t.append(String.format(row, "regex-pathological text", "enriched, in PostgreSQL", pathological,
                    pathologicalRows));
            t.append(String.format(row, "good articles", "enriched, in PostgreSQL", good, goodRows));
            stray.forEach(s -> t.append("UNEXPECTED ").append(s).append('\n'));
            return t.toString();
        }
    }
}
