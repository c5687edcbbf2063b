package io.newspipe.cli;

import io.newspipe.cli.settings.Setting;
import io.newspipe.cli.settings.SettingGroup;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

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
final class DlqRedriveCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Mixin
    DlqCommand.Selection selection = new DlqCommand.Selection();

    static final Setting<Path> INGEST_TO = Setting.path("--ingest-to", null, null, "Write the bytes of ingest "
            + "dead letters to files in DIR (created if missing), named from their origin and place in the dead "
            + "letter topic").withLabel("DIR");

    @Mixin
    SettingGroup output = SettingGroup.of(OutputOptions.DRY_RUN.withDoc("Only say what would be re-driven"),
            INGEST_TO);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** What one redrive did, counted while the topic is read. */
    private static final class Tally {
        long published;
        long files;
        long skipped;
        long refused;
    }

    /** A send in flight and what to say about it. */
    private record Sent(String what, Future<RecordMetadata> result) {
    }

    @Override
    public Integer call() {
        boolean dryRun = output.isOn(OutputOptions.DRY_RUN);
        Path ingestTo = output.value(INGEST_TO);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return DlqCommand.guarded("redrive", selection, err, () -> {
            if (ingestTo != null && !dryRun) {
                Files.createDirectories(ingestTo);
            }
            Tally n = new Tally();
            List<Sent> sent = new ArrayList<>();
            try (KafkaProducer<byte[], byte[]> producer = dryRun ? null : producer()) {
                DeadLetterTopicReader.ReadCounts counts = DeadLetterTopicReader.read(connection, selection, err,
                        "redrive", (l, partition, offset) -> {
                    String what = l.getStage() + "/" + l.getReason() + " " + DeadLetterText.where(l) + " key="
                            + DeadLetterText.key(l) + " (" + connection.dlqTopic() + "-" + partition + "@" + offset
                            + ")";
                    RedrivePlan.Plan p = RedrivePlan.plan(l, partition, offset, connection, ingestTo);
                    if (p instanceof RedrivePlan.Plan.Publish pub) {
                        n.published++;
                        if (dryRun) {
                            out.println("would re-drive " + what + " -> " + pub.topic());
                        } else {
                            ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(pub.topic(),
                                    DeadLetterText.bytes(l.getKey()), DeadLetterText.bytes(l.getValue()));
                            r.headers().add("newspipe.redriven.from", (connection.dlqTopic() + "-" + partition
                                    + "@" + offset).getBytes(StandardCharsets.UTF_8));
                            sent.add(new Sent(what, producer.send(r)));
                        }
                    } else if (p instanceof RedrivePlan.Plan.WriteFile f) {
                        n.files++;
                        out.println((dryRun ? "would write " : "writing ") + what + " -> " + f.file());
                        if (!dryRun) {
                            Files.write(f.file(), DeadLetterText.bytes(l.getValue()));
                        }
                    } else if (p instanceof RedrivePlan.Plan.Skip s) {
                        if (s.refused()) {
                            n.refused++;
                        } else {
                            n.skipped++;
                        }
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
                        n.published - failures, n.files, n.skipped, n.refused, failures, counts.matched(),
                        connection.dlqTopic());
                if (!dryRun && n.files > 0) {
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
        c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.bootstrapServers());
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(c, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
