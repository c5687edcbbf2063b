package io.newspipe.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.newspipe.avro.DeadLetter;
import io.newspipe.avro.RawArticle;
import io.newspipe.ingest.page.PageFetchSettings;
import io.newspipe.ingest.page.PageFetcher;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A list of article URLs: each page fetched and published, bad lines and refused pages dead-lettered. */
class UrlListsTest {

    @TempDir
    Path dir;

    @Test
    void shouldPublishEachPageOnceAndDeadLetterWhatCannotBeHad() throws Exception {
        List<String> requested = new CopyOnWriteArrayList<>();
        byte[] page = Files.readAllBytes(Path.of("src/test/resources/pages/portal-pesisir.html"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            requested.add(path);
            byte[] body = path.equals("/robots.txt") ? "User-agent: *\nDisallow: /langganan/\n".getBytes()
                    : path.equals("/berita/nelayan") ? page : null;
            ex.getResponseHeaders().add("Content-Type", path.endsWith(".txt") ? "text/plain" : "text/html");
            ex.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Path list = Files.writeString(dir.resolve("urls.txt"), "# pesisir\n" + base + "/berita/nelayan\n\n"
                + "bukan sebuah url\n" + base + "/langganan/eksklusif\n");
        TestIngestors t = new TestIngestors();
        PageFetchSettings settings = new PageFetchSettings("newspipe-test/1.0", "newspipe", Duration.ZERO, 2,
                Duration.ofSeconds(2), Duration.ofSeconds(2), 1024 * 1024, 1, Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        try (PageFetcher pages = new PageFetcher(settings, HttpClient.newHttpClient(), d -> { })) {
            UrlLists lists = new UrlLists(t.ingestor, pages, dir.resolve("state"));
            assertThat(lists.ingest(list)).hasSize(1);
            assertThat(lists.ingest(list)).as("the same text again").isEmpty();
        } finally {
            server.stop(0);
        }

        RawArticle a = t.published().get(0);
        assertThat(t.published()).hasSize(1);
        assertThat(a.getTitle()).isEqualTo("Nelayan Pesisir Selatan libur melaut karena gelombang tinggi");
        assertThat(a.getSource()).isEqualTo("127.0.0.1");
        assertThat(a.getBodySource()).isEqualTo("page");
        assertThat(a.getBody()).contains("Baca Juga: Tangkapan ikan turun");
        assertThat(requested).doesNotContain("/langganan/eksklusif");
        assertThat(t.deadLetters()).extracting(DeadLetter::getReason)
                .containsExactly("bad-url", "page-robots-disallowed", "bad-url", "page-robots-disallowed");
    }
}
