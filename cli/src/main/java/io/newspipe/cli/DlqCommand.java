package io.newspipe.cli;

import io.newspipe.avro.DeadLetter;
import io.newspipe.common.Deadline;
import io.newspipe.schemas.serde.AvroDeserializer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newspipe dlq}: the dead letter topic. {@code dlq list} shows what the stages could not handle; {@code dlq
 * redrive} sends the original bytes back to where they came from once the cause is fixed. Both read the topic
 * from its beginning to the end it had when they started (read_committed), by assigning its partitions: no
 * consumer group, nothing committed, so they can run any number of times.
 */
@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = "Inspect dead letters and re-drive them after fixing their cause.",
        subcommands = {DlqCommand.ListLetters.class, DlqCommand.Redrive.class, CommandLine.HelpCommand.class})
final class DlqCommand implements Runnable {

    static final Set<String> STAGES = Set.of("ingest", "enrich", "sink");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code --stage}, {@code --reason}, {@code --timeout}: which dead letters, and how long reading may take. */
    static final class Selection {

        @Option(names = "--stage", split = ",", paramLabel = "STAGE",
                description = "Only dead letters of these stages: ingest, enrich, sink (repeat or comma-separate).")
        List<String> stages = new ArrayList<>();

        @Option(names = "--reason", split = ",", paramLabel = "REASON",
                description = "Only dead letters with these reasons, e.g. deserialization, processing, key-mismatch, "
                        + "invalid-json, oversize (repeat or comma-separate).")
        List<String> reasons = new ArrayList<>();

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT2M",
                description = "Give up reading the dead letter topic after this long (ISO-8601; default "
                        + "${DEFAULT-VALUE}).")
        Duration timeout;

        boolean matches(DeadLetter l) {
            return (stages.isEmpty() || stages.contains(l.getStage()))
                    && (reasons.isEmpty() || reasons.contains(l.getReason()));
        }

        /** The unknown stage names, if any (checked before connecting). */
        List<String> unknownStages() {
            return stages.stream().filter(s -> !STAGES.contains(s)).toList();
        }
    }

    /** Gets each dead letter that matched, with its own place in the dlq topic. */
    @FunctionalInterface
    interface Visitor {
        void letter(DeadLetter letter, int dlqPartition, long dlqOffset) throws IOException;
    }

    /** What one read of the topic saw. */
    record ReadCounts(long read, long matched, long unreadable) {
    }

    /**
     * Reads the dead letter topic from the beginning to its end offsets (last stable offsets) taken at the start,
     * handing the letters {@code selection} matches to {@code visitor}; a record that is not a readable
     * {@code DeadLetter} is reported on {@code err} and counted.
     */
    static ReadCounts read(ConnectionOptions connection, Selection selection, PrintWriter err, String command,
                           Visitor visitor) throws IOException {
        Map<String, Object> c = new HashMap<>(connection.extraClientConfig());
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.bootstrapServers);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "newspipe-dlq-" + UUID.randomUUID());
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Map<String, Object> serde = new HashMap<>(connection.extraClientConfig());
        serde.put("schema.registry.url", connection.schemaRegistryUrl);
        AvroDeserializer<DeadLetter> deserializer = new AvroDeserializer<>(DeadLetter.class);
        deserializer.configure(serde, false);
        long[] counts = new long[3];
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            var infos = consumer.partitionsFor(connection.dlqTopic, selection.timeout);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("no topic " + connection.dlqTopic + " (check --dlq-topic, env "
                        + "NEWSPIPE_TOPIC_DLQ)");
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, selection.timeout);
            IOException[] failed = {null};
            Deadline.await("the end of " + connection.dlqTopic, selection.timeout, Duration.ZERO, () -> {
                if (atEnd(consumer, end)) {
                    return true;
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (failed[0] != null) {
                        break;
                    }
                    if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition()))) {
                        continue; // written after we started
                    }
                    counts[0]++;
                    DeadLetter l;
                    try {
                        l = deserializer.deserialize(r.topic(), r.value());
                    } catch (RuntimeException e) {
                        l = null;
                        err.println("newspipe dlq " + command + ": skipping unreadable record " + r.topic() + "-"
                                + r.partition() + "@" + r.offset() + ": " + e.getMessage());
                    }
                    if (l == null) {
                        counts[2]++;
                    } else if (selection.matches(l)) {
                        counts[1]++;
                        try {
                            visitor.letter(l, r.partition(), r.offset());
                        } catch (IOException e) {
                            failed[0] = e;
                        }
                    }
                }
                return failed[0] != null;
            });
            if (failed[0] != null) {
                throw failed[0];
            }
        }
        return new ReadCounts(counts[0], counts[1], counts[2]);
    }

    private static boolean atEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Runs {@code body}, turning a bad --stage and a failure to read into a message and an exit code. */
    static int guarded(String command, Selection selection, PrintWriter err, Callable<Integer> body) {
        if (!selection.unknownStages().isEmpty()) {
            err.println("newspipe dlq " + command + ": unknown --stage " + selection.unknownStages()
                    + " (stages are ingest, enrich, sink)");
            return 2;
        }
        try {
            return body.call();
        } catch (Exception e) {
            err.println("newspipe dlq " + command + ": " + e.getMessage());
            return 1;
        }
    }

    /** {@code newspipe dlq list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"List the dead letters: one line each (failed_at, stage, reason, where it came from, "
                    + "key, error), then a count per stage and reason.",
                    "Reads the dead letter topic from its beginning to its end at the start (read_committed), "
                            + "without a consumer group: nothing is committed or changed."})
    static final class ListLetters implements Callable<Integer> {

        @Mixin
        ConnectionOptions connection = new ConnectionOptions();

        @Mixin
        Selection selection = new Selection();

        @Option(names = "--json", description = "One JSON object per dead letter instead (without the value bytes, "
                + "but with value_size); the counts go to stderr.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return guarded("list", selection, err, () -> {
                Map<String, Long> perKind = new TreeMap<>();
                ReadCounts counts = read(connection, selection, err, "list", (l, partition, offset) -> {
                    perKind.merge(l.getStage() + "/" + l.getReason(), 1L, Long::sum);
                    out.println(json ? DeadLetterText.json(l, partition, offset) : DeadLetterText.line(l));
                });
                PrintWriter summary = json ? err : out;
                summary.println(summary(connection.dlqTopic, counts, perKind));
                out.flush();
                summary.flush();
                return 0;
            });
        }
    }

    /** The closing count of {@code dlq list}: totals, then one line per stage/reason. */
    static String summary(String topic, ReadCounts counts, Map<String, Long> perKind) {
        StringBuilder s = new StringBuilder().append(counts.matched()).append(" dead letter(s) in ").append(topic);
        if (counts.matched() != counts.read() - counts.unreadable()) {
            s.append(" matched (of ").append(counts.read() - counts.unreadable()).append(')');
        }
        if (counts.unreadable() > 0) {
            s.append("; ").append(counts.unreadable()).append(" unreadable record(s) skipped");
        }
        perKind.forEach((kind, n) -> s.append(System.lineSeparator()).append(String.format("  %-40s %d", kind, n)));
        return s.toString();
    }

    /** What {@code dlq redrive} does with one dead letter. */
    sealed interface Plan {
        /** Re-publish the original key and value bytes to {@code topic}. */
        record Publish(String topic) implements Plan {
        }

        /** Write the original input bytes to {@code file} (an ingest dead letter, with --ingest-to). */
        record WriteFile(Path file) implements Plan {
        }

        /** Leave it: {@code why}. {@code refused} for ones that cannot be re-driven at all (cut bytes). */
        record Skip(String why, boolean refused) implements Plan {
        }
    }

    /** Decides what to do with one dead letter; pure, so tested without a broker. */
    static Plan plan(DeadLetter l, int dlqPartition, long dlqOffset, ConnectionOptions c, Path ingestTo) {
        long cut = DeadLetterText.truncatedFrom(l);
        if (cut >= 0) {
            return new Plan.Skip("refused: its bytes were cut to " + DeadLetterText.bytes(l.getValue()).length
                    + " of " + (cut == Long.MAX_VALUE ? "more" : cut) + " bytes; recover the input from its source",
                    true);
        }
        if (l.getValue() == null) {
            return new Plan.Skip("no original bytes were kept (a null value, or input over the size limit)", true);
        }
        switch (l.getStage()) {
            case "ingest":
                if (ingestTo == null) {
                    return new Plan.Skip("an ingest dead letter holds raw input, not a record: use --ingest-to DIR "
                            + "to write it to a file, fix it and run newspipe ingest DIR", false);
                }
                return new Plan.WriteFile(ingestTo.resolve(DeadLetterText.fileName(l, dlqPartition, dlqOffset)));
            case "enrich":
                return fromTopic(l, c.rawTopic, "--raw-topic");
            case "sink":
                return fromTopic(l, c.enrichedTopic, "--enriched-topic");
            default:
                return new Plan.Skip("unknown stage " + l.getStage(), true);
        }
    }

    private static Plan fromTopic(DeadLetter l, String expected, String option) {
        if (!expected.equals(l.getTopic())) {
            return new Plan.Skip("it came from " + l.getTopic() + ", not " + expected + " (" + option
                    + "): only records of the pipeline's own topics are re-driven", true);
        }
        return new Plan.Publish(expected);
    }

    /** {@code newspipe dlq redrive}. */
    @Command(name = "redrive", mixinStandardHelpOptions = true,
            description = {"Re-publish dead letters, after fixing their cause (a rule-pack fix deployed, a database "
                    + "column widened), to where they came from: an enrich dead letter's original key and value "
                    + "bytes to the raw topic, a sink dead letter's to the enriched topic. Ingest dead letters hold "
                    + "raw input, not records: --ingest-to DIR writes each one's bytes to a file there, to fix and "
                    + "re-ingest with 'newspipe ingest DIR'; without it they are skipped. Dead letters whose bytes "
                    + "were cut (over 512 KiB) are refused.",
                    "Re-driving does not delete anything from the dead letter topic (Kafka topics are append-only), "
                            + "so re-driving the same letters twice publishes them twice. For enrich and sink "
                            + "dead letters that is harmless: enrich is idempotent per article id, the sink upserts "
                            + "by id and its version guard keeps the newest enrichment. Narrow what is re-driven "
                            + "with --stage and --reason, and look first with --dry-run.",
                    "The producer is idempotent with acks=all; every send is checked."})
    static final class Redrive implements Callable<Integer> {

        @Mixin
        ConnectionOptions connection = new ConnectionOptions();

        @Mixin
        Selection selection = new Selection();

        @Option(names = "--ingest-to", paramLabel = "DIR", description = "Write the bytes of ingest dead letters to "
                + "files in DIR (created if missing), named from their origin and place in the dead letter topic.")
        Path ingestTo;

        @Option(names = "--dry-run", description = "Only say what would be re-driven.")
        boolean dryRun;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        /** A send in flight and what to say about it. */
        private record Sent(String what, Future<RecordMetadata> result) {
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return guarded("redrive", selection, err, () -> {
                if (ingestTo != null && !dryRun) {
                    Files.createDirectories(ingestTo);
                }
                long[] n = new long[4]; // published, files, skipped, refused
                List<Sent> sent = new ArrayList<>();
                try (KafkaProducer<byte[], byte[]> producer = dryRun ? null : producer()) {
                    ReadCounts counts = read(connection, selection, err, "redrive", (l, partition, offset) -> {
                        String what = l.getStage() + "/" + l.getReason() + " " + DeadLetterText.where(l) + " key="
                                + DeadLetterText.key(l) + " (" + connection.dlqTopic + "-" + partition + "@" + offset
                                + ")";
                        Plan p = plan(l, partition, offset, connection, ingestTo);
                        if (p instanceof Plan.Publish pub) {
                            n[0]++;
                            if (dryRun) {
                                out.println("would re-drive " + what + " -> " + pub.topic());
                            } else {
                                ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(pub.topic(),
                                        DeadLetterText.bytes(l.getKey()), DeadLetterText.bytes(l.getValue()));
                                r.headers().add("newspipe.redriven.from", (connection.dlqTopic + "-" + partition
                                        + "@" + offset).getBytes(StandardCharsets.UTF_8));
                                sent.add(new Sent(what, producer.send(r)));
                            }
                        } else if (p instanceof Plan.WriteFile f) {
                            n[1]++;
                            out.println((dryRun ? "would write " : "writing ") + what + " -> " + f.file());
                            if (!dryRun) {
                                Files.write(f.file(), DeadLetterText.bytes(l.getValue()));
                            }
                        } else if (p instanceof Plan.Skip s) {
                            n[s.refused() ? 3 : 2]++;
                            err.println((s.refused() ? "not re-driving " : "skipping ") + what + ": " + s.why());
                        }
                    });
                    int failures = 0;
                    if (producer != null) {
                        producer.flush();
                        for (Sent s : sent) {
                            try {
                                RecordMetadata md = s.result().get();
                                out.println("re-driven " + s.what() + " -> " + md.topic() + "-" + md.partition()
                                        + "@" + md.offset());
                            } catch (ExecutionException e) {
                                failures++;
                                err.println("FAILED to re-drive " + s.what() + ": " + e.getCause());
                            }
                        }
                    }
                    out.printf("%s%d record(s) re-published, %d ingest file(s) written, %d skipped, %d refused, "
                                    + "%d failed (%d dead letter(s) matched in %s)%n", dryRun ? "dry run: " : "",
                            n[0] - failures, n[1], n[2], n[3], failures, counts.matched(), connection.dlqTopic);
                    if (!dryRun && n[1] > 0) {
                        out.println("fix the files in " + ingestTo + ", then: newspipe ingest " + ingestTo);
                    }
                    out.flush();
                    err.flush();
                    return failures == 0 ? 0 : 1;
                }
            });
        }

        private KafkaProducer<byte[], byte[]> producer() {
            Map<String, Object> c = new HashMap<>(connection.extraClientConfig());
            c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.bootstrapServers);
            c.put(ProducerConfig.ACKS_CONFIG, "all");
            c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            return new KafkaProducer<>(c, new ByteArraySerializer(), new ByteArraySerializer());
        }
    }
}
