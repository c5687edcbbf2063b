package io.newspipe.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import io.javalin.http.staticfiles.Location;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's web server (Javalin, templates compiled by jte): the overview, articles, article, topics, rules and
 * dead letters pages, {@code /events} (server-sent events: a {@link FlowSnapshot} every sample) and small JSON
 * endpoints the pages' scripts read. Every page is rendered with HTML escaping of all values; the only action,
 * re-drive, is a POST that must carry the token.
 */
public final class ConsoleServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> STAGES = Set.of("ingest", "enrich", "sink");
    /** Scripts and styles only from the console itself: a second wall behind the escaping. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private final ConsoleSettings settings;
    private final Redriver redriver;
    private final FlowMonitor monitor;
    private final ArticleStore articles;
    private final Aggregates aggregates;
    private final ActionLog actions = new ActionLog();
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final Map<SseClient, Consumer<FlowSnapshot>> clients = new ConcurrentHashMap<>();
    private final Javalin app;

    private ConsoleServer(ConsoleSettings settings, Redriver redriver) {
        this.settings = settings;
        this.redriver = redriver;
        this.monitor = new FlowMonitor(settings);
        this.articles = new ArticleStore(settings.database());
        this.aggregates = new Aggregates(settings.database());
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/console/static";
                files.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
        });
        app.before(ctx -> {
            ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
        });
        app.get("/", ctx -> page(ctx, "overview.jte", Map.of("topics", settings.topics())));
        app.get("/api/overview", ctx -> ctx.contentType("application/json").result(json(monitor.latest())));
        app.sse("/events", this::subscribe);
        app.get("/articles", this::articlesPage);
        app.get("/articles/{id}", this::articlePage);
        app.get("/topics", ctx -> page(ctx, "topics.jte", Map.of("sources", aggregates.sources(),
                "source", Optional.ofNullable(blankToNull(ctx.queryParam("source"))).orElse(""))));
        app.get("/api/topics", ctx -> ctx.contentType("application/json")
                .result(json(aggregates.topicShares(blankToNull(ctx.queryParam("source"))))));
        app.get("/rules", ctx -> page(ctx, "rules.jte", Map.of("report", aggregates.rules())));
        app.get("/dead-letters", this::deadLettersPage);
        app.post("/dead-letters/redrive", this::redrive);
        // what the container healthcheck asks: the console is ready once it serves (problems show on its pages)
        app.get("/health/ready", ctx -> ctx.contentType("application/json").result("{\"status\":\"UP\"}"));
        app.get("/health/live", ctx -> ctx.contentType("application/json").result("{\"status\":\"UP\"}"));
        app.exception(SQLException.class, (e, ctx) -> {
            LOG.warn("console: database error on {}: {}", ctx.path(), e.getMessage());
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
            page(ctx, "error.jte", Map.of("message", "PostgreSQL: " + e.getMessage()));
        });
    }

    /** Starts the console: binds {@code settings.host():settings.port()} and starts sampling. */
    public static ConsoleServer start(ConsoleSettings settings, Redriver redriver) {
        ConsoleServer s = new ConsoleServer(settings, redriver);
        try {
            s.app.start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            s.monitor.close();
            throw e;
        }
        s.monitor.onSnapshot(snapshot -> s.broadcast(snapshot));
        s.monitor.start();
        LOG.info("console at {}", s.url());
        return s;
    }

    /** The console's address, e.g. {@code http://127.0.0.1:8090/}. */
    public String url() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        if ("0.0.0.0".equals(host)) {
            host = "127.0.0.1";
        }
        return "http://" + host + ":" + app.port() + "/";
    }

    private void subscribe(SseClient client) {
        client.keepAlive();
        Consumer<FlowSnapshot> send = snapshot -> client.sendEvent("flow", json(snapshot));
        clients.put(client, send);
        client.onClose(() -> clients.remove(client));
        send.accept(monitor.latest());
    }

    private void broadcast(FlowSnapshot snapshot) {
        String data = json(snapshot);
        clients.keySet().forEach(c -> {
            if (c.terminated()) {
                clients.remove(c);
            } else {
                c.sendEvent("flow", data);
            }
        });
    }

    private void articlesPage(Context ctx) throws SQLException {
        ArticleQuery q = new ArticleQuery(ctx.queryParam("q"), ctx.queryParam("source"), ctx.queryParam("language"),
                ctx.queryParam("topic"), day(ctx.queryParam("from"), 0), day(ctx.queryParam("to"), 1),
                ctx.queryParam("duplicate"), parseInt(ctx.queryParam("page")));
        Map<String, String> form = new HashMap<>();
        for (String p : new String[] {"q", "source", "language", "topic", "from", "to", "duplicate"}) {
            form.put(p, Optional.ofNullable(ctx.queryParam(p)).orElse(""));
        }
        page(ctx, "articles.jte", Map.of("page", articles.search(q), "form", form));
    }

    private void articlePage(Context ctx) throws SQLException {
        Optional<ArticleDetail> a = articles.article(ctx.pathParam("id"));
        if (a.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND);
            page(ctx, "error.jte", Map.of("message", "no article with id " + ctx.pathParam("id")));
            return;
        }
        page(ctx, "article.jte", Map.of("article", a.get()));
    }

    private void deadLettersPage(Context ctx) {
        String stage = blankToNull(ctx.queryParam("stage"));
        String reason = blankToNull(ctx.queryParam("reason"));
        DeadLetterTail tail = monitor.deadLetters();
        Map<String, Object> params = new HashMap<>();
        params.put("counts", tail.counts());
        params.put("letters", tail.letters(stage, reason, 50));
        params.put("stage", stage == null ? "" : stage);
        params.put("reason", reason == null ? "" : reason);
        params.put("actionsEnabled", settings.actionsEnabled());
        params.put("actions", actions.entries());
        page(ctx, "deadletters.jte", params);
    }

    private void redrive(Context ctx) {
        String stage = Optional.ofNullable(ctx.formParam("stage")).orElse("");
        String reason = Optional.ofNullable(ctx.formParam("reason")).orElse("");
        boolean dryRun = !"false".equals(ctx.formParam("dry_run"));
        String action = (dryRun ? "re-drive dry run " : "re-drive ") + stage + "/" + reason;
        String refusal = null;
        if (!settings.actionsEnabled()) {
            refusal = "actions are disabled on this console (read-only)";
        } else if (!tokenMatches(ctx.formParam("token"))) {
            refusal = "refused: the token is missing or wrong (it was printed when the console started)";
        } else if (!STAGES.contains(stage) || reason.isBlank()) {
            refusal = "refused: unknown stage or reason";
        }
        Map<String, Object> params = new HashMap<>();
        params.put("stage", stage);
        params.put("reason", reason);
        params.put("dryRun", dryRun);
        if (refusal != null) {
            actions.record(ctx.ip(), action, refusal);
            ctx.status(HttpStatus.FORBIDDEN);
            params.put("outcome", new Redriver.Outcome(false, refusal));
            params.put("token", "");
        } else {
            Redriver.Outcome outcome = redriver.redrive(stage, reason, dryRun);
            actions.record(ctx.ip(), action, (outcome.ok() ? "done: " : "failed: ") + lastLine(outcome.report()));
            params.put("outcome", outcome);
            params.put("token", ctx.formParam("token"));
        }
        page(ctx, "redrive.jte", params);
    }

    private boolean tokenMatches(String given) {
        return given != null && MessageDigest.isEqual(given.strip().getBytes(StandardCharsets.UTF_8),
                settings.token().getBytes(StandardCharsets.UTF_8));
    }

    private static String lastLine(String report) {
        String r = report.strip();
        return r.substring(r.lastIndexOf('\n') + 1);
    }

    private void page(Context ctx, String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        Map<String, Object> all = new HashMap<>(params);
        all.put("assets", Assets.INSTANCE);
        templates.render(template, all, out);
        ctx.html(out.toString());
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static int parseInt(String s) {
        try {
            return s == null ? 1 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** {@code yyyy-MM-dd} as the start of that day (plus {@code plusDays}) in UTC; null when absent or unreadable. */
    private static Instant day(String s, int plusDays) {
        try {
            return s == null || s.isBlank() ? null
                    : LocalDate.parse(s.strip()).plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public void close() {
        clients.keySet().forEach(SseClient::close);
        app.stop();
        monitor.close();
    }
}
