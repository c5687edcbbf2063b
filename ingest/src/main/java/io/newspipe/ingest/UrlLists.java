package io.newspipe.ingest;

import io.newspipe.ingest.page.PageFetcher;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ingests lists of article URLs (a text file, one URL a line; blank lines and lines starting with {@code #}
 * skipped): each page is fetched with the {@link PageFetcher} and its main content published, with its title, time
 * and language from the page and its host as the source. The list keeps a state like a feed's ({@link FeedState},
 * under the list's absolute path), so running the same list again asks each page with its validators and publishes
 * only pages whose text changed, as their next revision. A line that is not an http(s) URL, and a page that cannot be
 * had, is dead-lettered with its reason.
 */
public final class UrlLists {

    private final Ingestor ingestor;
    private final PageFetcher pages;
    private final Path stateDir;

    public UrlLists(Ingestor ingestor, PageFetcher pages, Path stateDir) {
        this.ingestor = ingestor;
        this.pages = pages;
        this.stateDir = stateDir;
    }

    /** Fetches and publishes the pages of one list; returns the ids published. */
    public List<String> ingest(Path list) throws InterruptedException {
        List<String> lines;
        try {
            lines = Files.readAllLines(list, StandardCharsets.UTF_8);
        } catch (IOException e) {
            ingestor.deadLetter(new BadInputException("unreadable", list.toString(), "cannot read the URL list: "
                    + e.getMessage(), e), null);
            return List.of();
        }
        List<TextArticle> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String origin = list + ":" + (i + 1);
            URI uri;
            try {
                uri = new URI(line);
            } catch (java.net.URISyntaxException e) {
                uri = null;
            }
            if (uri == null || uri.getScheme() == null || !uri.getScheme().matches("(?i)https?")
                    || uri.getHost() == null) {
                ingestor.deadLetter(new BadInputException("bad-url", origin, "not an http(s) URL: \"" + line
                        + "\""), line.getBytes(StandardCharsets.UTF_8));
                continue;
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            entries.add(new TextArticle(line, host.startsWith("www.") ? host.substring(4) : host, null, "", null,
                    null, "text/html", origin));
        }
        String key = "url-list:" + list.toAbsolutePath().normalize();
        FeedState state = FeedState.load(stateDir, key);
        List<String> published = new FeedArticles(ingestor, pages, list.toString()).publish(entries, state);
        ingestor.flush();
        try {
            state.save(stateDir);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(UrlLists.class).warn("cannot save the state of the URL list {} in {}: "
                    + "{} (the next run fetches every page in full)", list, stateDir, e.toString());
        }
        return published;
    }
}
