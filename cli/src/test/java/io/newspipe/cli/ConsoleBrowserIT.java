package io.newspipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newspipe.avro.DeadLetter;
import io.newspipe.avro.EnrichedArticle;
import io.newspipe.avro.RawArticle;
import io.newspipe.avro.RemovedSpan;
import io.newspipe.console.ArticleStore;
import io.newspipe.console.ConsoleServer;
import io.newspipe.console.Database;
import io.newspipe.enrich.EnrichApp;
import io.newspipe.enrich.Enricher;
import io.newspipe.ingest.ArticleIds;
import io.newspipe.ingest.IngestSettings;
import io.newspipe.ingest.Ingestor;
import io.newspipe.ingest.TextArticle;
import io.newspipe.ingest.TextArticleReader;
import io.newspipe.common.Deadline;
import io.newspipe.localstack.LocalStack;
import io.newspipe.localstack.LocalStackExtension;
import io.newspipe.schemas.serde.AvroSerializer;
import io.newspipe.sink.SinkApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The web console in headless Chromium against the real local stack: enrich and sink running on their own topics,
 * the sample article, the corpus and a hostile article ingested; every page is looked at and photographed
 * (target/console-screenshots).
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    private static final String RAW = "consoleit.raw";
    private static final String ENRICHED = "consoleit.enriched";
    private static final String DLQ = "consoleit.dlq";
    private static final String TOKEN = "console-it-token-0123456789";
    private static final Path SAMPLE = Path.of("../samples/klikanggaran-trump-putin.txt");
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** Title and body of an article written to attack the page: each would run script if shown as HTML. */
    private static final String HOSTILE_TITLE = "Awas <script>window.__xss = 'title'</script> "
            + "<img src=x onerror=\"window.__xss = 'img'\">";
    private static final String HOSTILE_BODY = "Paragraf pertama tentang keamanan halaman <script>window.__xss = "
            + "'body'</script> dan gambar <img src=x onerror=\"window.__xss = 'body-img'\">.\n"
            + "Tautan <a href=\"javascript:window.__xss = 'link'\">klik di sini</a> tidak boleh hidup.";

    private final LocalStack stack;
    private final ConnectionOptions connection = new ConnectionOptions();
    private final DatabaseOptions database = new DatabaseOptions();
    private EnrichApp enrich;
    private SinkApp sink;
    private Thread sinkThread;
    private Ingestor ingestor;
    private ConsoleServer console;
    private Browser browser;
    private String sampleId;
    private String jdbcUrl;
    private String hostileId;

    ConsoleBrowserIT(LocalStack stack) {
        this.stack = stack;
    }

    /**
     * A database of this test's own on the shared PostgreSQL: other integration tests in the same JVM write
     * articles with the same words into the default one, and the search and list assertions count rows.
     */
    private String ownDatabase() throws SQLException {
        String name = "consoleit_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUser(), stack.jdbcPassword());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        String url = stack.jdbcUrl();
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + name + (query < 0 ? "" : url.substring(query));
    }

    @BeforeAll
    void startPipelineConsoleAndBrowser() throws Exception {
        stack.createTopics(1, RAW, ENRICHED, DLQ);
        connection.pointAt(stack.bootstrapServers(), stack.schemaRegistryUrl(), RAW, ENRICHED, DLQ);
        jdbcUrl = ownDatabase();
        database.pointAt(jdbcUrl, stack.jdbcUser(), stack.jdbcPassword());
        enrich = Stages.enrichApp(connection, EnrichStageSettings.of("consoleit-enrich",
                Files.createTempDirectory("consoleit-streams"))).start();
        sink = Stages.sinkApp(connection, database, SinkStageSettings.of("consoleit-sink", 500));
        sinkThread = new Thread(sink, "consoleit-sink");
        sinkThread.start();
        ingestor = Stages.ingestor(connection, IngestSettings.DEFAULT_MAX_ARTICLE_BYTES);
        ConsoleOptions options = ConsoleOptions.local(0);
        options.set(ConsoleOptions.TOKEN, TOKEN);
        options.set(EnrichOptions.APPLICATION_ID, "consoleit-enrich");
        options.set(SinkOptions.GROUP_ID, "consoleit-sink");
        console = ConsoleCommand.start(connection, database, options, Duration.ofMillis(500), System.out);
        Path hostile = Files.createTempDirectory("consoleit-hostile").resolve("hostile.txt");
        Files.writeString(hostile, "Title: " + HOSTILE_TITLE + "\nURL: javascript:window.__xss='url'\n"
                + "Source: contoh.test\nLanguage: id\n\n" + HOSTILE_BODY + "\n", StandardCharsets.UTF_8);
        sampleId = ingestor.ingestFile(SAMPLE);
        hostileId = ingestor.ingestFile(hostile);
        ingestor.flush();
        awaitRows(List.of(sampleId, hostileId));
        browser = new Browser();
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (console != null) {
            console.close();
        }
        ingestor.close();
        sink.close();
        sinkThread.join(20_000);
        enrich.close();
    }

    private ChromeDriver open(String path) {
        ChromeDriver d = browser.driver();
        d.get(console.url() + path.substring(1));
        return d;
    }

    @Test
    @Order(1) // feeds the corpus: the pages after it show more than two articles
    void overviewShowsNonZeroRatesAndStageHealth() throws Exception {
        List<Path> corpus;
        try (var files = Files.list(Path.of("../samples/corpus"))) {
            corpus = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        ChromeDriver d = open("/");
        AtomicBoolean feeding = new AtomicBoolean(true);
        List<String> ids = new ArrayList<>();
        Thread feeder = new Thread(() -> {
            // the corpus goes in a few articles at a time, so the flow is seen moving while the page watches
            for (int round = 0; feeding.get() && round < 40; round++) {
                for (Path p : corpus.subList((round * 3) % corpus.size(), Math.min(corpus.size(),
                        (round * 3) % corpus.size() + 3))) {
                    String id = ingestor.ingestFile(p);
                    if (id != null) {
                        synchronized (ids) {
                            ids.add(id);
                        }
                    }
                }
                ingestor.flush();
                try {
                    Thread.sleep(300); // pacing the input, not waiting for a result
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "consoleit-feeder");
        feeder.start();
        boolean[] seen = new boolean[2];
        try {
            Deadline.await("non-zero rates on the overview", WAIT, Duration.ofMillis(100), () -> {
                seen[0] |= nonZero(d.findElement(By.cssSelector("#hop-raw-in .rate")).getText());
                seen[1] |= nonZero(d.findElement(By.cssSelector("#hop-rows .rate")).getText());
                return seen[0] && seen[1];
            });
            Deadline.await("stage health on the overview", WAIT, Duration.ofMillis(200),
                    () -> hasClass(d, "node-enrich", "UP") && hasClass(d, "node-sink", "UP")
                            && hasClass(d, "node-postgresql", "UP") && hasClass(d, "node-kafka", "UP"));
            browser.screenshot("overview");
        } finally {
            feeding.set(false);
            feeder.join(30_000);
        }
        String stages = d.findElement(By.id("stages")).getText();
        assertThat(stages).contains("enrich UP consumer group consoleit-enrich").contains("sink UP");
        assertThat(d.findElements(By.cssSelector("#hop-rows .spark canvas"))).isNotEmpty();
        synchronized (ids) {
            awaitRows(List.copyOf(ids));
        }
    }

    private static boolean nonZero(String rate) {
        String n = rate.split(" ")[0].replace(",", "");
        return !n.isEmpty() && !n.equals("–") && Double.parseDouble(n) > 0;
    }

    private static boolean hasClass(ChromeDriver d, String id, String cls) {
        return List.of(d.findElement(By.id(id)).getAttribute("class").split(" ")).contains(cls);
    }

    @Test
    void searchingAWordFindsItsArticle() throws Exception {
        ChromeDriver d = open("/articles");
        d.findElement(By.id("search-words")).sendKeys("Ushakov");
        browser.clickToLoad(d.findElement(By.id("search-button")));
        List<WebElement> links = d.findElements(By.cssSelector("#article-list a.article-link"));
        assertThat(links).extracting(l -> l.getAttribute("href")).containsExactly(console.url() + "articles/"
                + sampleId);
        assertThat(d.findElement(By.id("result-count")).getText()).isEqualTo("1");
        browser.screenshot("articles");
        open("/articles?q=" + "kata-yang-tidak-ada-di-mana-pun");
        assertThat(d.findElements(By.cssSelector("#article-list a.article-link"))).isEmpty();
    }

    @Test
    void articlePageStrikesThroughExactlyTheRemovedSpans() throws Exception {
        EnrichedArticle explained = cleanExplain(SAMPLE);
        ChromeDriver d = open("/articles/" + sampleId);
        List<WebElement> struck = d.findElements(By.cssSelector("#original-body del.removed"));
        assertThat(struck).extracting(WebElement::getText)
                .containsExactlyElementsOf(explained.getRemoved().stream().map(RemovedSpan::getText).toList());
        assertThat(struck).extracting(e -> e.getAttribute("data-rule"))
                .containsExactlyElementsOf(explained.getRemoved().stream().map(RemovedSpan::getRule).toList());
        List<WebElement> labels = d.findElements(By.cssSelector("#original-body del.removed + .rule-label"));
        assertThat(labels).extracting(WebElement::getText)
                .containsExactlyElementsOf(explained.getRemoved().stream().map(RemovedSpan::getRule).toList());
        assertThat(struck).extracting(WebElement::getText).filteredOn(t -> t.startsWith("Baca Juga:")).hasSize(3);
        assertThat(struck).extracting(WebElement::getText).contains("Artikel Terkait");
        // the kept text is there and not struck through
        assertThat(d.findElement(By.id("original-body")).getText()).contains("Ushakov menyatakan Putin");
        assertThat(d.findElements(By.cssSelector("#related li"))).hasSize(explained.getRelatedHeadlines().size());
        browser.screenshot("article");
    }

    /** What {@code newspipe clean --explain} reports for a file: the enrichment of the same raw article offline. */
    private static EnrichedArticle cleanExplain(Path file) throws Exception {
        TextArticle a = new TextArticleReader(IngestSettings.DEFAULT_MAX_ARTICLE_BYTES)
                .read(Files.readAllBytes(file), file.toString());
        return Enricher.defaults().enrich(RawArticle.newBuilder()
                .setId(ArticleIds.of(a.url(), a.source(), a.title(), a.body())).setUrl(a.url())
                .setSource(a.source()).setTitle(a.title()).setBody(a.body()).setContentType(a.contentType())
                .setLanguageHint(a.language()).setPublishedAt(a.publishedAt()).setIngestedAt(Instant.now())
                .setOrigin(file.toString()).build());
    }

    @Test
    void topicsChartRenders() throws Exception {
        ChromeDriver d = open("/topics");
        Deadline.await("the topics chart", WAIT, Duration.ofMillis(100), () -> "true".equals(
                d.findElement(By.id("topics-chart")).getAttribute("data-rendered")));
        assertThat(d.findElements(By.cssSelector("#topics-chart canvas"))).isNotEmpty();
        assertThat(d.findElements(By.cssSelector("#topics-chart .u-legend .u-series"))).hasSizeGreaterThan(1);
        assertThat(d.findElement(By.id("topics-note")).getText()).doesNotContain("cannot");
        browser.screenshot("topics");
        open("/rules");
        assertThat(d.findElement(By.id("rule-hits")).getText()).contains("id.related.baca-juga");
        browser.screenshot("rules");
    }

    @Test
    void deadLetterIsRedrivenWithTheTokenAndNotWithout() throws Exception {
        String id = "consoleit-redrive-" + System.nanoTime();
        publishDeadLetter(id);
        Deadline.await("the console to read the dead letter", WAIT, Duration.ofMillis(200), () -> {
            try {
                return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(console.url()
                        + "api/overview")).build(), HttpResponse.BodyHandlers.ofString()).body()
                        .contains("{\"stage\":\"enrich\",\"reason\":\"processing\",\"count\":1}");
            } catch (java.io.IOException | InterruptedException e) {
                return false;
            }
        });
        ChromeDriver d = open("/dead-letters");
        browser.screenshot("dead-letters");

        // without the token: refused, whether through the form or by a bare POST
        WebElement group = d.findElement(By.cssSelector("tr.group[data-stage=enrich][data-reason=processing]"));
        browser.clickToLoad(group.findElement(By.cssSelector("button.dry-run")));
        assertThat(d.findElement(By.id("redrive-report")).getText()).startsWith("refused");
        HttpResponse<String> bare = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(console.url() + "dead-letters/redrive"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("stage=enrich&reason=processing&dry_run=false"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bare.statusCode()).isEqualTo(403);
        HttpResponse<String> get = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(console.url() + "dead-letters/redrive?stage=enrich&reason=processing&dry_run=false&token="
                        + TOKEN)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isNotEqualTo(200);
        assertThat(rowExists(id)).isFalse();

        // with it: a dry run first, then the real run, and the article reaches PostgreSQL
        open("/dead-letters");
        group = d.findElement(By.cssSelector("tr.group[data-stage=enrich][data-reason=processing]"));
        group.findElement(By.cssSelector("input.token")).sendKeys(TOKEN);
        browser.clickToLoad(group.findElement(By.cssSelector("button.dry-run")));
        assertThat(d.findElement(By.id("redrive-report")).getText()).contains("would re-drive")
                .contains("key=" + id).contains("dry run: 1 record(s) re-published");
        assertThat(rowExists(id)).isFalse();
        browser.clickToLoad(d.findElement(By.id("redrive-button")));
        assertThat(d.findElement(By.id("redrive-report")).getText()).contains("re-driven enrich/processing")
                .contains("1 record(s) re-published");
        browser.screenshot("redrive");
        Deadline.await("the re-driven article in PostgreSQL", WAIT, Duration.ofMillis(200), () -> rowExists(id));
        open("/dead-letters");
        assertThat(d.findElement(By.id("actions")).getText()).contains("refused").contains("re-drive enrich/processing");
    }

    private void publishDeadLetter(String id) throws Exception {
        Map<String, Object> serde = Map.of("schema.registry.url", stack.schemaRegistryUrl());
        AvroSerializer<RawArticle> raw = new AvroSerializer<>();
        raw.configure(serde, false);
        AvroSerializer<DeadLetter> letters = new AvroSerializer<>();
        letters.configure(serde, false);
        byte[] value = raw.serialize(RAW, RawArticle.newBuilder().setId(id).setTitle("Artikel yang tertunda")
                .setBody("MAKASSAR - Pelabuhan baru di pesisir selatan mulai melayani kapal penumpang pekan ini.")
                .setIngestedAt(Instant.now()).build());
        DeadLetter letter = DeadLetter.newBuilder().setStage("enrich").setReason("processing")
                .setErrorClass("java.lang.IllegalStateException").setErrorMessage("a broken rule pack")
                .setTopic(RAW).setPartition(0).setOffset(0L).setKey(ByteBuffer.wrap(id.getBytes(StandardCharsets.UTF_8)))
                .setValue(ByteBuffer.wrap(value)).setFailedAt(Instant.now()).setContext(Map.of()).build();
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.of("bootstrap.servers",
                stack.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            p.send(new ProducerRecord<>(DLQ, id.getBytes(StandardCharsets.UTF_8), letters.serialize(DLQ, letter)))
                    .get();
        }
    }

    @Test
    void hostileArticleRunsNoScript() throws Exception {
        ChromeDriver d = open("/articles/" + hostileId);
        assertThat(d.findElement(By.id("article-title")).getText()).isEqualTo(HOSTILE_TITLE);
        assertThat(d.findElement(By.id("original-body")).getText()).contains("<script>window.__xss = 'body'</script>")
                .contains("javascript:window.__xss");
        assertThat(d.findElements(By.cssSelector("#original-body img, #original-body script, #original-body a")))
                .isEmpty();
        assertThat(d.findElements(By.cssSelector(".unsafe-url"))).extracting(WebElement::getText)
                .containsExactly("javascript:window.__xss='url'");
        assertThat(d.executeScript("return window.__xss === undefined")).isEqualTo(true);
        assertNoAlert(d);
        browser.screenshot("hostile-article");
        open("/articles?q=Awas");
        assertThat(d.findElement(By.id("article-list")).getText()).contains("<script>");
        assertThat(d.executeScript("return window.__xss === undefined")).isEqualTo(true);
        assertNoAlert(d);
    }

    private static void assertNoAlert(ChromeDriver d) {
        try {
            d.switchTo().alert();
            throw new AssertionError("an alert is open: script ran");
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }

    /** Whether the article is in PostgreSQL (read through the console's store, as its pages read it). */
    private boolean rowExists(String id) {
        try {
            return new ArticleStore(new Database(jdbcUrl, stack.jdbcUser(), stack.jdbcPassword()))
                    .article(id).isPresent();
        } catch (java.sql.SQLException e) {
            return false; // the sink has not created the table yet
        }
    }

    private void awaitRows(List<String> ids) {
        Deadline.await(ids.size() + " article(s) in PostgreSQL", WAIT, Duration.ofMillis(200),
                () -> ids.stream().allMatch(this::rowExists));
        // word search reads the documents the sink's search indexer builds after the rows are written
        Deadline.await("the search indexer to catch up", WAIT, Duration.ofMillis(200), this::searchQueueEmpty);
    }

    private boolean searchQueueEmpty() {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl, stack.jdbcUser(),
                stack.jdbcPassword()); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM article_search_queue)")) {
            return rs.next() && rs.getBoolean(1);
        } catch (java.sql.SQLException e) {
            return false; // the sink has not created the table yet
        }
    }
}
