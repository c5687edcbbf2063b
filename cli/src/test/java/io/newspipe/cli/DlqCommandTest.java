package io.newspipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newspipe.avro.DeadLetter;
import io.newspipe.schemas.DeadLetters;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code newspipe dlq}: how dead letters are shown, selected, named and planned, without a broker. */
class DlqCommandTest {

    private static final byte[] KEY = "abc123".getBytes(StandardCharsets.UTF_8);

    private static DeadLetter enrich(String topic, byte[] value) {
        return DeadLetters.fromRecord("enrich", "processing", new IllegalStateException("rule pack\n  broken"),
                topic, 1, 42, KEY, value, Map.of());
    }

    private static DeadLetter ingest(String origin, byte[] value) {
        return DeadLetters.fromInput("ingest", "invalid-json", new IllegalArgumentException("not JSON"), origin,
                null, value, Map.of());
    }

    private static ConnectionOptions topics() {
        ConnectionOptions c = new ConnectionOptions();
        new CommandLine(c).parseArgs("--raw-topic", "r", "--enriched-topic", "e", "--dlq-topic", "d");
        return c;
    }

    @Test
    void shouldShowOneLinePerDeadLetterWithWhereKeyAndAShortenedError() {
        DeadLetter l = enrich("news.raw", new byte[] {1, 2});
        assertThat(DeadLetterText.line(l)).startsWith(l.getFailedAt().toString() + "  enrich  processing  "
                + "news.raw-1@42  key=abc123  IllegalStateException: rule pack broken");
        DeadLetter i = ingest("/in/a.jsonl:7", new byte[] {'{'});
        assertThat(DeadLetterText.line(i)).contains("  ingest  invalid-json  /in/a.jsonl:7  key=-  ");

        DeadLetter longOne = DeadLetters.fromRecord("sink", "write", new RuntimeException("x".repeat(500)), "e", 0, 0,
                new byte[] {0, (byte) 0xff}, null, Map.of());
        assertThat(DeadLetterText.shortError(longOne)).hasSize(DeadLetterText.MAX_MESSAGE_CHARS).endsWith("…");
        assertThat(DeadLetterText.key(longOne)).isEqualTo("0x00ff");
    }

    @Test
    void shouldWriteJsonWithoutTheValueButWithItsSizeAndTruncation() throws Exception {
        byte[] huge = new byte[DeadLetters.MAX_VALUE_BYTES + 10];
        JsonNode j = new ObjectMapper().readTree(DeadLetterText.json(enrich("news.raw", huge), 2, 9));
        assertThat(j.has("value")).isFalse();
        assertThat(j.get("value_size").asInt()).isEqualTo(DeadLetters.MAX_VALUE_BYTES);
        assertThat(j.get("truncated").asBoolean()).isTrue();
        assertThat(j.get("key_utf8").asText()).isEqualTo("abc123");
        assertThat(j.get("stage").asText()).isEqualTo("enrich");
        assertThat(j.get("offset").asLong()).isEqualTo(42);
        assertThat(j.get("dlq_partition").asInt()).isEqualTo(2);
        assertThat(j.get("dlq_offset").asLong()).isEqualTo(9);
        assertThat(DeadLetterText.line(enrich("news.raw", huge))).contains("[value truncated]");
    }

    @Test
    void shouldSelectByStageAndReasonAndRefuseUnknownStages() {
        DlqCommand.Selection s = new DlqCommand.Selection();
        new CommandLine(s).parseArgs("--stage", "enrich,sink", "--reason", "processing");
        assertThat(s.matches(enrich("r", new byte[1]))).isTrue();
        assertThat(s.matches(ingest("a.jsonl:1", new byte[1]))).isFalse();
        assertThat(s.unknownStages()).isEmpty();

        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute("dlq", "list", "--stage", "enrichh", "--bootstrap-servers", "127.0.0.1:1"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("unknown --stage [enrichh]");
    }

    @Test
    void shouldNameIngestFilesAfterTheirOriginKeepingTheFormatAndNeverHidden() {
        assertThat(DeadLetterText.fileName(ingest("/data/in/articles.jsonl.gz:17", null), 0, 5))
                .isEqualTo("articles-line17-dlq0-5.jsonl");
        assertThat(DeadLetterText.fileName(ingest("https://x.test/news/feed.xml", null), 2, 8))
                .isEqualTo("feed-dlq2-8.xml");
        assertThat(DeadLetterText.fileName(ingest("https://x.test/rss/", null), 0, 1)).isEqualTo("rss-dlq0-1");
        assertThat(DeadLetterText.fileName(ingest("https://x.test/feed.xml#entry3", null), 0, 4))
                .isEqualTo("feed-entry3-dlq0-4.txt");
        assertThat(DeadLetterText.fileName(ingest("../.hidden ä name.TXT", null), 0, 3))
                .isEqualTo("hidden_name-dlq0-3.txt");
        assertThat(DeadLetterText.fileName(ingest(null, null), 1, 2)).isEqualTo("ingest-dlq1-2");
    }

    @Test
    void shouldPlanEachStageAndRefuseCutBytesAndForeignTopics() {
        ConnectionOptions c = topics();
        Path dir = Path.of("/tmp/fix");
        assertThat(RedrivePlan.plan(enrich("r", new byte[3]), 0, 1, c, null))
                .isEqualTo(new RedrivePlan.Plan.Publish("r"));
        DeadLetter sink = DeadLetters.fromRecord("sink", "write", new RuntimeException(), "e", 0, 0, KEY,
                new byte[3], Map.of());
        assertThat(RedrivePlan.plan(sink, 0, 1, c, null)).isEqualTo(new RedrivePlan.Plan.Publish("e"));

        assertThat(RedrivePlan.plan(enrich("app-dedup-repartition", new byte[3]), 0, 1, c, null))
                .isInstanceOfSatisfying(RedrivePlan.Plan.Skip.class, s -> {
                    assertThat(s.refused()).isTrue();
                    assertThat(s.why()).contains("came from app-dedup-repartition, not r (--raw-topic)");
                });
        byte[] huge = new byte[DeadLetters.MAX_VALUE_BYTES + 1];
        assertThat(RedrivePlan.plan(enrich("r", huge), 0, 1, c, null))
                .isInstanceOfSatisfying(RedrivePlan.Plan.Skip.class, s -> {
                    assertThat(s.refused()).isTrue();
                    assertThat(s.why()).contains("cut to " + DeadLetters.MAX_VALUE_BYTES + " of " + huge.length);
                });
        assertThat(RedrivePlan.plan(ingest("a.jsonl:3", huge), 0, 1, c, dir))
                .isInstanceOf(RedrivePlan.Plan.Skip.class);

        DeadLetter in = ingest("/in/a.jsonl:3", "{bad".getBytes(StandardCharsets.UTF_8));
        assertThat(RedrivePlan.plan(in, 0, 7, c, null)).isInstanceOfSatisfying(RedrivePlan.Plan.Skip.class, s -> {
            assertThat(s.refused()).isFalse();
            assertThat(s.why()).contains("--ingest-to DIR");
        });
        assertThat(RedrivePlan.plan(in, 0, 7, c, dir))
                .isEqualTo(new RedrivePlan.Plan.WriteFile(dir.resolve("a-line3-dlq0-7.jsonl")));
        assertThat(RedrivePlan.plan(ingest("/in/a.jsonl:4", null), 0, 8, c, dir))
                .isInstanceOf(RedrivePlan.Plan.Skip.class);
    }

    @Test
    void shouldSummariseCountsPerStageAndReason() {
        Map<String, Long> kinds = new TreeMap<>(Map.of("enrich/processing", 2L, "ingest/invalid-json", 1L));
        String s = DlqListCommand.summary("news.dlq", new DeadLetterTopicReader.ReadCounts(5, 3, 1), kinds);
        assertThat(Arrays.asList(s.split("\\R"))).containsExactly(
                "3 dead letter(s) in news.dlq matched (of 4); 1 unreadable record(s) skipped",
                String.format("  %-40s %d", "enrich/processing", 2),
                String.format("  %-40s %d", "ingest/invalid-json", 1));
    }

    @Test
    void shouldDocumentThatRedrivingNeitherDeletesNorDeduplicates() {
        String help = Main.commandLine().getSubcommands().get("dlq").getSubcommands().get("redrive")
                .getUsageMessage();
        assertThat(help.replaceAll("\\s+", " ")).contains("does not delete anything from the dead letter topic")
                .contains("twice publishes them twice").contains("upserts by id").contains("--dry-run")
                .contains("--ingest-to");
    }
}
