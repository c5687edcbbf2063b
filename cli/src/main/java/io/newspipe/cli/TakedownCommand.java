package io.newspipe.cli;

import io.newspipe.avro.Takedown;
import io.newspipe.cli.settings.Setting;
import io.newspipe.cli.settings.SettingGroup;
import io.newspipe.schemas.registry.RegistryConfig;
import io.newspipe.schemas.serde.AvroSerializer;
import java.io.PrintStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code newspipe takedown ID… --reason …}: removes articles from the pipeline. For each id it first writes the
 * audit record (a {@link Takedown}: id, reason, time, who; never the article's content) to the takedowns topic,
 * whose ids are the list that ingest and replays honour, then a tombstone (the id with a null value) to the raw
 * topic. enrich forwards the tombstone to the enriched topic, where the sink deletes the row (and its search
 * document) and the file sink the article's lines, and compaction drops the earlier records of the id from both
 * topics.
 */
@Command(name = "takedown", mixinStandardHelpOptions = true,
        description = "Take articles down: an audit record on the takedowns topic (the list ingest and replays "
                + "honour) and a tombstone on the raw topic, which enrich forwards to the enriched topic, where the "
                + "sinks delete their copies.")
final class TakedownCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Parameters(arity = "1..*", paramLabel = "ID", description = "Article ids (as on news.raw and news.enriched).")
    List<String> ids;

    static final Setting<String> REASON = Setting.text("--reason", "NEWSPIPE_TAKEDOWN_REASON", null,
            "Why (a case or ticket number, the kind of request); kept in the audit record. Never put the article's "
                    + "text here").asRequired();
    static final Setting<String> REQUESTED_BY = Setting.text("--requested-by", "NEWSPIPE_TAKEDOWN_REQUESTED_BY",
            "${sys:user.name}", "Who asks, for the audit record (by default the user name)");

    @Mixin
    SettingGroup request = SettingGroup.of(REASON, REQUESTED_BY);

    PrintStream out = System.out;
    PrintStream err = System.err;
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        String reason = request.value(REASON);
        if (reason == null || reason.isBlank()) {
            err.println("newspipe takedown: --reason is required (or NEWSPIPE_TAKEDOWN_REASON)");
            return 1;
        }
        for (String id : ids) {
            if (id.isBlank() || !id.strip().equals(id)) {
                err.println("newspipe takedown: \"" + id + "\" is not an article id (blank, or with spaces around)");
                return 1;
            }
        }
        String topic = connection.takedownTopic() == null ? io.newspipe.schemas.Topics.TAKEDOWNS
                : connection.takedownTopic();
        Map<String, Object> client = RegistryConfig.kafkaClientConfig(connection.bootstrapServers(),
                connection.extraClientConfig());
        try {
            ensureTopic(client, topic);
        } catch (ExecutionException e) {
            err.println("newspipe takedown: cannot create the takedowns topic " + topic + ": "
                    + e.getCause().getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        Map<String, Object> serde = new HashMap<>(connection.extraClientConfig());
        serde.put("schema.registry.url", connection.schemaRegistryUrl());
        AvroSerializer<Takedown> serializer = new AvroSerializer<>();
        serializer.configure(serde, false);
        Map<String, Object> pc = new HashMap<>(client);
        pc.put(ProducerConfig.ACKS_CONFIG, "all");
        pc.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        pc.put(ProducerConfig.CLIENT_ID_CONFIG, "newspipe-takedown");
        try (KafkaProducer<String, Takedown> producer = new KafkaProducer<>(pc, new StringSerializer(), serializer)) {
            for (String id : ids) {
                Takedown audit = Takedown.newBuilder().setId(id).setReason(reason).setRequestedAt(clock.instant())
                        .setRequestedBy(request.value(REQUESTED_BY)).build();
                // the audit record first: once the tombstone is out, no ingest may publish the article again
                RecordMetadata listed = producer.send(new ProducerRecord<>(topic, id, audit)).get();
                RecordMetadata tombstone = producer.send(new ProducerRecord<>(connection.rawTopic(), id, null)).get();
                out.printf("taken down %s: audit record %s-%d@%d; tombstone %s-%d@%d (enrich forwards it to %s, "
                        + "where the sinks delete their copies)%n", id, topic, listed.partition(), listed.offset(),
                        connection.rawTopic(), tombstone.partition(), tombstone.offset(), connection.enrichedTopic());
            }
            return 0;
        } catch (ExecutionException e) {
            err.println("newspipe takedown: cannot write to Kafka: " + e.getCause().getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("newspipe takedown: interrupted");
            return 1;
        }
    }

    /** Creates the takedowns topic when it is missing: kept for good, as the audit trail. */
    private static void ensureTopic(Map<String, Object> client, String topic)
            throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(client)) {
            try {
                admin.createTopics(List.of(TopicsCommand.Create.takedownTopic(topic, 1, (short) -1))).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }
}
