package io.newspipe.cli;

import static io.newspipe.cli.HostileRun.ENRICHED;
import static io.newspipe.cli.HostileRun.FOREIGN;
import static io.newspipe.cli.HostileRun.RAW;
import static io.newspipe.cli.HostileRun.at;
import static io.newspipe.cli.HostileRun.key;
import static io.newspipe.cli.HostileRun.originIs;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.newspipe.avro.DeadLetter;
import io.newspipe.avro.RawArticle;
import io.newspipe.ingest.ArticleIds;
import io.newspipe.ingest.FeedPoller;
import io.newspipe.ingest.FeedSettings;
import io.newspipe.ingest.Ingestor;
import io.newspipe.schemas.serde.AvroSerializer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The hostile inputs of {@link HostileCatalogIT} that come over the network: feeds over HTTP (a non-article item,
 * HTTP 500, a timeout, a redirect loop) and records written straight to the raw and enriched topics (wrong magic
 * byte, unknown schema id, truncated Avro, a length bomb, a foreign schema, tombstones without a key, mis-keyed
 * records, NUL characters past ingest, garbage), between good articles. Each is registered with the run's catalog.
 */
final class HostileNetworkInputs {

    private final HostileRun run;
    /** What polling the good feed gave: fetched, with its two articles. */
    FeedPoller.PollResult goodFeed;
    /** What polling each failing feed gave, by path: failed, each of them. */
    final Map<String, FeedPoller.Outcome> failingFeeds = new LinkedHashMap<>();

    HostileNetworkInputs(HostileRun run) {
        this.run = run;
    }

    void pollFeeds(Ingestor ingestor, HttpServer server, CountDownLatch releaseSlow, Path stateDir)
            throws InterruptedException {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        String first = "https://hostile.test/" + run.nonce + "/feed-1";
        String second = "https://hostile.test/" + run.nonce + "/feed-2";
        byte[] rss = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>Hostile</title><link>https://hostile.test/</link><language>id</language>"
                + item(first) + "<item><link>https://hostile.test/" + run.nonce + "/podcast.mp3</link>"
                + "<enclosure url=\"https://hostile.test/" + run.nonce + "/podcast.mp3\" length=\"123456\" "
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
        run.catalog.sent("non-article feed item", "ingest", "empty-body", originIs(feed + "#entry2"),
                d -> assertThat(d.getErrorMessage()).contains("podcast.mp3").contains("has no content"));
        run.catalog.sent("HTTP 500", "ingest", "http-error", originIs(down.toString()),
                d -> assertThat(d.getErrorMessage()).contains("HTTP 500").contains("2 attempts"));
        run.catalog.sent("HTTP timeout", "ingest", "http-timeout", originIs(slow.toString()),
                d -> assertThat(d.getErrorMessage()).contains("answer within 400 ms"));
        run.catalog.sent("HTTP redirect loop", "ingest", "http-redirect", originIs(loop.toString()),
                d -> assertThat(d.getErrorMessage()).contains("redirect loop").contains("/loop/b"));

        FeedSettings settings = new FeedSettings(Duration.ofSeconds(2), Duration.ofMillis(400), 1024 * 1024, 2,
                Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMinutes(5), stateDir);
        FeedPoller poller = new FeedPoller(List.of(feed, down, slow, loop), ingestor, settings);
        goodFeed = poller.pollOnce(feed);
        run.goodIds.add(ArticleIds.of(first, null, null, null));
        run.goodIds.add(ArticleIds.of(second, null, null, null));
        for (URI failing : List.of(down, slow, loop)) {
            failingFeeds.put(failing.getPath(), poller.pollOnce(failing).outcome());
        }
    }

    private String item(String link) {
        return "<item><title>Berita dari umpan " + link.substring(link.lastIndexOf('/') + 1) + "</title><link>" + link
                + "</link><pubDate>Sun, 06 Jul 2025 10:00:00 +0700</pubDate><description>" + run.goodBody()
                + "</description></item>";
    }

    void writeToRawTopic(KafkaProducer<byte[], byte[]> producer) throws Exception {
        Map<String, Object> serde = Map.of("schema.registry.url", run.stack.schemaRegistryUrl());
        AvroSerializer<RawArticle> raws = new AvroSerializer<>();
        raws.configure(serde, false);
        AvroSerializer<DeadLetter> foreign = new AvroSerializer<>();
        foreign.configure(serde, false);

        RawArticle sample = rawArticle("hostile-raw-" + run.nonce + "-sample");
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
        run.catalog.sent("tombstone without a key", "enrich", "deserialization", at(RAW, keylessTombstone.offset()),
                d -> assertThat(d.getErrorMessage()).contains("tombstone", "names no article"));
        sendGoodRaw(producer, raws);
        RawArticle mismatched = rawArticle("hostile-raw-" + run.nonce + "-mismatched");
        RecordMetadata md = producer.send(new ProducerRecord<>(RAW, key("not-its-id"),
                raws.serialize(RAW, mismatched))).get();
        run.catalog.sent("key mismatch", "enrich", "key-mismatch", at(RAW, md.offset()),
                d -> assertThat(d.getErrorMessage()).contains("key was \"not-its-id\""));
        md = producer.send(new ProducerRecord<>(RAW, null, raws.serialize(RAW, rawArticle("hostile-raw-" + run.nonce
                + "-keyless")))).get();
        run.catalog.sent("null key", "enrich", "key-mismatch", at(RAW, md.offset()),
                d -> assertThat(d.getErrorMessage()).contains("key was null"));
        // a NUL character from a producer other than ingest: enrich passes it on, PostgreSQL text cannot hold it
        RawArticle withNul = RawArticle.newBuilder(rawArticle("hostile-raw-" + run.nonce + "-nul"))
                .setBody("Isi berita dengan \u0000 di tengah, dikirim tanpa newspipe ingest.").build();
        producer.send(new ProducerRecord<>(RAW, key(withNul.getId()), raws.serialize(RAW, withNul))).get();
        run.catalog.sent("NUL character past ingest", "sink", "database",
                d -> ENRICHED.equals(d.getTopic()) && withNul.getId().equals(key(d)),
                d -> assertThat(d.getErrorMessage()).contains("0x00"));
        sendGoodRaw(producer, raws);
    }

    private void sendToRaw(KafkaProducer<byte[], byte[]> producer, String kind, String key, byte[] value,
                           Consumer<DeadLetter> detail) throws Exception {
        RecordMetadata md = producer.send(new ProducerRecord<>(RAW, key("hostile-" + key + "-" + run.nonce), value))
                .get();
        run.catalog.sent(kind, "enrich", "deserialization", at(RAW, md.offset()), d -> {
            assertThat(key(d)).isEqualTo("hostile-" + key + "-" + run.nonce);
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
        RawArticle a = rawArticle("hostile-raw-" + run.nonce + "-good-" + run.nextSequence());
        producer.send(new ProducerRecord<>(RAW, key(a.getId()), raws.serialize(RAW, a))).get();
        run.goodIds.add(a.getId());
    }

    private RawArticle rawArticle(String id) {
        return RawArticle.newBuilder().setId(id).setSource("hostile.test").setTitle("Berita langsung " + id)
                .setBody(run.goodBody()).setIngestedAt(Instant.now()).build();
    }

    void writeToEnrichedTopic(KafkaProducer<byte[], byte[]> producer) throws Exception {
        byte[] html = "<html><body>not an EnrichedArticle</body></html>".getBytes(StandardCharsets.UTF_8);
        RecordMetadata md = producer.send(new ProducerRecord<>(ENRICHED, key("hostile-garbage-" + run.nonce), html))
                .get();
        run.catalog.sent("garbage on the enriched topic", "sink", "deserialization", at(ENRICHED, md.offset()),
                d -> assertThat(d.getErrorMessage()).contains("magic byte"));
    }
}
