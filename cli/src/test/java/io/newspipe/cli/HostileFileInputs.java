package io.newspipe.cli;

import static io.newspipe.cli.HostileRun.MAX_ARTICLE;
import static io.newspipe.cli.HostileRun.gzip;
import static io.newspipe.cli.HostileRun.originIs;
import static io.newspipe.cli.HostileRun.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.avro.DeadLetter;
import io.newspipe.ingest.ArticleIds;
import io.newspipe.ingest.Ingestor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The hostile inputs of {@link HostileCatalogIT} that arrive as files: broken JSON Lines, invalid UTF-8, empty,
 * oversize and binary files, truncated gzip and gzip bombs, unsafe XML, a 10 MB line, impossible timestamps,
 * regex-pathological text and NUL characters, between good articles. Each is registered with the run's catalog
 * with the dead letter it must become; what ingest says about the run besides is kept for the tests to check.
 */
final class HostileFileInputs {

    private final HostileRun run;
    /** How many lines of the truncated gzip archive were published, those decoded before the cut. */
    int truncatedGzipPublished = -1;
    /** Duplicates ingest counted over all the files: none of the inputs repeats an id. */
    long duplicates = -1;

    HostileFileInputs(HostileRun run) {
        this.run = run;
    }

    void ingestBrokenFiles(Ingestor ingestor, Path in) throws IOException {
        // JSON Lines with broken lines, an empty article and invalid UTF-8 between good ones
        Path mixed = in.resolve("a-mixed.jsonl");
        Lines lines = new Lines(mixed);
        lines.good();
        lines.bad("broken JSON", "{\"url\":\"https://hostile.test/" + run.nonce + "/broken\",\"body\":\"tidak ditutup\"");
        lines.good();
        lines.bad("broken JSON", "[\"an array\", \"not an object\"]");
        lines.bad("empty article", "{\"url\":\"https://hostile.test/" + run.nonce + "/kosong\",\"title\":\"Tanpa isi\"}");
        lines.bad("broken JSON", "{\"body\":\"dua objek\"} {\"body\":\"di satu baris\"}");
        lines.bad("invalid UTF-8", "{\"url\":\"https://hostile.test/" + run.nonce + "/latin1\",\"body\":\"caf\u00e9 di "
                + "Jakarta\"}", StandardCharsets.ISO_8859_1);
        lines.good();
        ingest(ingestor, lines.write());

        Path latin1 = in.resolve("b-latin1.txt");
        Files.write(latin1, ("Title: Kafe\n\nBaris pertama.\nBaris kedua dengan caf\u00e9.\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        run.catalog.sent("invalid UTF-8", "ingest", "invalid-utf8", originIs(latin1 + ":4"),
                d -> assertThat(d.getErrorMessage()).contains("invalid UTF-8 at byte offset").contains("line 4"));
        ingest(ingestor, latin1);

        ingest(ingestor, write(in.resolve("c-good.txt"), run.goodText()));

        Path empty = Files.write(in.resolve("d-empty.txt"), new byte[0]);
        run.catalog.sent("empty article", "ingest", "empty-body", originIs(empty.toString()),
                d -> assertThat(d.getErrorMessage()).contains("no body text"));
        ingest(ingestor, empty);

        Path big = in.resolve("e-oversize.txt");
        StringBuilder prose = new StringBuilder();
        while (prose.length() <= MAX_ARTICLE + 1000) {
            prose.append("Paragraf panjang yang diulang sampai artikel melewati batas ukuran ").append(prose.length())
                    .append(".\n");
        }
        write(big, prose.toString());
        run.catalog.sent("oversize article", "ingest", "oversize", originIs(big.toString()),
                d -> assertThat(d.getErrorMessage()).contains("over the limit of " + MAX_ARTICLE + " bytes"));
        ingest(ingestor, big);

        // under the ingest limit, but over what the broker takes in one record (message.max.bytes, 1 MiB by
        // default) even after compression: text that does not compress
        Path dense = in.resolve("e2-incompressible.txt");
        byte[] noise = new byte[1_200_000];
        new Random(7).nextBytes(noise);
        write(dense, Base64.getMimeEncoder().encodeToString(noise));
        run.catalog.sent("over the broker's limit", "ingest", "produce-failed", originIs(dense.toString()), d -> {
            assertThat(d.getErrorMessage()).contains("RecordTooLargeException");
            assertThat(d.getContext()).containsKey("value.truncated.from"); // or the dead letter would not fit either
        });
        run.notGood.addAll(ingestor.ingest(dense)); // handed to the producer; the broker refuses it

        Path png = in.resolve("f-photo.png"); // an image dropped into the inbox by mistake
        byte[] image = new byte[6000];
        new Random(8).nextBytes(image);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D',
                'R'}, 0, image, 0, 16);
        Files.write(png, image);
        run.catalog.sent("binary file", "ingest", "binary", originIs(png.toString()),
                d -> assertThat(d.getErrorMessage()).contains("NUL byte at offset 8"));
        ingest(ingestor, png);

        ingest(ingestor, write(in.resolve("g-good.txt"), run.goodText()));

        Path truncated = in.resolve("h-truncated.jsonl.gz");
        StringBuilder archive = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            archive.append(run.goodJson()).append('\n');
        }
        byte[] gz = gzip(archive.toString().getBytes(StandardCharsets.UTF_8));
        Files.write(truncated, Arrays.copyOf(gz, gz.length * 55 / 100));
        run.catalog.sent("truncated gzip", "ingest", "unreadable", originIs(truncated.toString()),
                d -> assertThat(d.getErrorMessage()).contains("truncated or corrupt gzip"));
        // lines decoded before the cut are published, except those of the read (64 KiB) that meets the cut
        List<String> beforeTheCut = ingestor.ingest(truncated);
        System.out.printf("truncated gzip: %d of the 300 lines were published before the cut%n", beforeTheCut.size());
        truncatedGzipPublished = beforeTheCut.size();
        run.goodIds.addAll(beforeTheCut);

        Path bomb = in.resolve("i-bomb.txt.gz");
        Files.write(bomb, gzip(new byte[10 * 1024 * 1024]));
        run.catalog.sent("gzip bomb", "ingest", "oversize", originIs(bomb.toString()),
                d -> assertThat(d.getErrorMessage()).contains("over the limit"));
        ingest(ingestor, bomb);
    }

    void ingestUnsafeXml(Ingestor ingestor, Path in) throws IOException {
        Path malformed = write(in.resolve("j-malformed.xml"), "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n"
                + "<channel><title>t</title>\n<item><title>a</title></channel>\n</rss>\n");
        run.catalog.sent("malformed XML", "ingest", "malformed-feed", originIs(malformed + ":4"),
                d -> assertThat(d.getErrorMessage()).contains("malformed feed XML at line 4"));
        ingest(ingestor, malformed);

        String secret = "TOP-SECRET-" + run.nonce;
        Path secretFile = write(in.getParent().resolve("secret.txt"), secret);
        Path xxe = write(in.resolve("k-xxe.xml"), "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \""
                + secretFile.toUri() + "\">]>\n<rss version=\"2.0\"><channel><title>t</title>"
                + "<link>https://hostile.test/</link><item><title>a</title><link>https://hostile.test/" + run.nonce
                + "/xxe</link><description>&xxe;</description></item></channel></rss>");
        run.catalog.sent("XXE", "ingest", "unsafe-xml", originIs(xxe + ":2"), d -> {
            assertThat(d.getErrorMessage()).contains("external entity (XXE)");
            assertThat(d.toString()).doesNotContain(secret);
        });
        ingest(ingestor, xxe);

        ingest(ingestor, write(in.resolve("l-good.txt"), run.goodText()));

        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">\n");
        }
        laughs.append("]>\n<rss version=\"2.0\"><channel><title>t</title><item><description>&lol9;</description>"
                + "</item></channel></rss>");
        Path laughsFile = write(in.resolve("m-entity-bomb.xml"), laughs.toString());
        run.catalog.sent("entity bomb", "ingest", "unsafe-xml", originIs(laughsFile + ":2"),
                d -> assertThat(d.getErrorMessage()).contains("entity declarations (entity expansion)"));
        ingest(ingestor, laughsFile);
    }

    void ingestOddContent(Ingestor ingestor, Path in) throws IOException {
        // a 10 MB body on one line: refused at the limit while streaming, the next line goes on
        Path huge = in.resolve("n-10mb-line.jsonl");
        try (var out = Files.newBufferedWriter(huge, StandardCharsets.UTF_8)) {
            out.write("{\"url\":\"https://hostile.test/" + run.nonce + "/sepuluh-mb\",\"body\":\"");
            String chunk = "kata ".repeat(200);
            for (int written = 0; written < 10 * 1024 * 1024; written += chunk.length()) {
                out.write(chunk);
            }
            out.write("\"}\n");
            out.write(run.goodJson());
            out.write("\n");
        }
        run.catalog.sent("10 MB single line", "ingest", "oversize", originIs(huge + ":1"),
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
        nul.bad("NUL character", "{\"url\":\"https://hostile.test/" + run.nonce
                + "/nul\",\"title\":\"NUL\",\"body\":\"Isi berita dengan \\u0000 di tengah.\"}");
        nul.good();
        ingest(ingestor, nul.write());
        duplicates = ingestor.summary().duplicates();
    }

    /** Ingests one file; the ids it publishes are good articles unless registered as something else. */
    private void ingest(Ingestor ingestor, Path file) {
        run.goodIds.addAll(ingestor.ingest(file).stream().filter(id -> !run.notGood.contains(id)).toList());
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
            raw(run.goodJson());
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
            run.catalog.sent(kind, "ingest", k.reason, originIs(file + ":" + n), k.detail);
        }

        void pathological(String body) {
            String url = "https://hostile.test/" + run.nonce + "/pathological-" + n;
            String id = ArticleIds.of(url, null, null, null);
            run.pathologicalIds.add(id);
            run.notGood.add(id);
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
        return "{\"url\":\"https://hostile.test/" + run.nonce + "/time-" + run.nextSequence() + "\",\"body\":\"Berita dengan "
                + "waktu terbit yang aneh.\",\"published_at\":" + time + "}";
    }
}
