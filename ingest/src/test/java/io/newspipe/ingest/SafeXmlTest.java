package io.newspipe.ingest;

import static io.newspipe.ingest.TestIngestors.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.newspipe.avro.DeadLetter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feeds with external entities or entity-expansion bombs are refused: never resolved, never expanded. */
class SafeXmlTest {

    @TempDir
    Path dir;

    private final TestIngestors t = new TestIngestors();
    private HttpServer server;
    private final AtomicInteger entityFetches = new AtomicInteger();

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            entityFetches.incrementAndGet();
            byte[] b = "LEAKED-OVER-HTTP".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String rssWith(String doctype, String entityRef) {
        return "<?xml version=\"1.0\"?>\n" + doctype + "\n<rss version=\"2.0\"><channel><title>t</title>"
                + "<link>https://x.test/</link><item><title>a</title><link>https://x.test/a</link>"
                + "<description>" + entityRef + "</description></item></channel></rss>";
    }

    private void assertRefused(Path feed, String messagePart) {
        assertThat(t.published()).isEmpty();
        assertThat(t.deadLetters()).hasSize(1);
        DeadLetter d = t.deadLetters().get(0);
        assertThat(d.getStage()).isEqualTo("ingest");
        assertThat(d.getReason()).isEqualTo("unsafe-xml");
        assertThat(d.getOrigin()).startsWith(feed.toString());
        assertThat(d.getErrorMessage()).contains(messagePart);
        assertThat(d.toString()).doesNotContain("TOP-SECRET").doesNotContain("LEAKED-OVER-HTTP");
        assertThat(entityFetches).hasValue(0);
    }

    @Test
    void shouldRefuseAFileExternalEntityWithoutReadingTheFile() throws Exception {
        Path secret = write(dir.resolve("secret.txt"), "TOP-SECRET");
        Path feed = write(dir.resolve("xxe.xml"), rssWith("<!DOCTYPE rss [<!ENTITY xxe SYSTEM \""
                + secret.toUri() + "\">]>", "&xxe;"));

        t.ingestor.ingestPaths(List.of(feed));

        assertRefused(feed, "external entity (XXE)");
        assertThat(t.deadLetters().get(0).getOrigin()).isEqualTo(feed + ":2");
    }

    @Test
    void shouldRefuseAnHttpAndAParameterExternalEntityWithoutFetchingThem() throws Exception {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";
        Path general = write(dir.resolve("xxe-http.xml"), rssWith("<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + url
                + "\">]>", "&xxe;"));
        Path parameter = write(dir.resolve("xxe-param.xml"), rssWith("<!DOCTYPE rss [<!ENTITY % dtd SYSTEM \"" + url
                + "\"> %dtd;]>", "x"));

        t.ingestor.ingestPaths(List.of(general));
        assertRefused(general, "external entity (XXE)");
        t.dlq.clear();
        t.ingestor.ingestPaths(List.of(parameter));
        assertRefused(parameter, "external entity (XXE)");
    }

    @Test
    void shouldRefuseAnEntityExpansionBombWithoutExpandingIt() throws Exception {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        dtd.append("<!ENTITY lol1 \"").append("&lol;".repeat(10)).append("\">");
        for (int i = 2; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        Path feed = write(dir.resolve("bomb.xml"), rssWith(dtd.toString(), "&lol9;"));

        long start = System.nanoTime();
        t.ingestor.ingestPaths(List.of(feed));

        assertRefused(feed, "entity expansion");
        assertThat((System.nanoTime() - start) / 1_000_000).as("refused at once, not expanded").isLessThan(5_000);
    }

    @Test
    void shouldStillRefuseADoctypeThePrescanCannotSeeBecauseTheParserDisallowsDoctypes() throws Exception {
        String xml = rssWith("<!DOCTYPE rss [<!ENTITY lol \"lol\">]>", "&lol;")
                .replace("<?xml version=\"1.0\"?>", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>");
        Path feed = dir.resolve("utf16.xml");
        Files.write(feed, xml.getBytes(StandardCharsets.UTF_16));

        t.ingestor.ingestPaths(List.of(feed));

        assertRefused(feed, "DOCTYPE");
    }
}
