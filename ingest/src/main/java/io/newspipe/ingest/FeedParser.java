package io.newspipe.ingest;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an RSS (0.9x, 1.0, 2.0) or Atom feed document with Rome and hands each entry to an {@link ArticleHandler}
 * as a {@link TextArticle}: link, title, body from {@code content:encoded} / Atom {@code content}, else the
 * description / {@code summary}, HTML turned into lines of text ({@link HtmlText}); published time from the entry
 * (published, else updated); source from the feed's own link host (else its title); language from the feed.
 *
 * <p>XML is parsed safely: a document with a DOCTYPE is refused before parsing (reason {@code unsafe-xml}), so
 * external entities (XXE) and entity-expansion bombs are never resolved or expanded, and the parser itself is
 * configured with doctypes disallowed and external entities off as a second line of defence. Malformed XML is
 * reported with its line ({@code malformed-feed}); an entry without text is reported on its own and the other
 * entries go on.
 */
public final class FeedParser {

    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXTERNAL_ENTITY = Pattern.compile("<!ENTITY\\s+(%\\s*)?\\S+\\s+(SYSTEM|PUBLIC)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY = Pattern.compile("<!ENTITY", Pattern.CASE_INSENSITIVE);

    private final long maxArticleBytes;

    public FeedParser(long maxArticleBytes) {
        this.maxArticleBytes = maxArticleBytes;
    }

    /**
     * Parses {@code xml} (any encoding the document declares; UTF-8 by default). {@code origin} names the file or
     * URL, {@code fallbackSource} is used when the feed names no outlet.
     */
    public void parse(byte[] xml, String origin, String fallbackSource, ArticleHandler handler) {
        SyndFeed feed;
        try {
            refuseDoctype(xml, origin);
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(new XmlReader(new ByteArrayInputStream(xml), true, "UTF-8"));
        } catch (BadInputException e) {
            handler.bad(e, xml);
            return;
        } catch (ParsingFeedException e) {
            String where = e.getLineNumber() > 0 ? origin + ":" + e.getLineNumber() : origin;
            String msg = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
            if (msg != null && msg.contains("DOCTYPE")) {
                handler.bad(new BadInputException("unsafe-xml", where, "the feed declares a DOCTYPE; DTDs and "
                        + "entities are refused (never resolved or expanded)", e), xml);
            } else {
                handler.bad(new BadInputException("malformed-feed", where, "malformed feed XML"
                        + (e.getLineNumber() > 0 ? " at line " + e.getLineNumber() + ", column "
                        + e.getColumnNumber() : "") + ": " + msg, e), xml);
            }
            return;
        } catch (FeedException | IOException | IllegalArgumentException e) {
            handler.bad(new BadInputException("malformed-feed", origin, "not a readable RSS or Atom feed: "
                    + e.getMessage(), e), xml);
            return;
        }
        String source = sourceOf(feed, fallbackSource);
        String language = language(feed.getLanguage());
        String contentType = feed.getFeedType() != null && feed.getFeedType().startsWith("atom")
                ? "application/atom+xml" : "application/rss+xml";
        List<SyndEntry> entries = feed.getEntries();
        for (int i = 0; i < entries.size(); i++) {
            SyndEntry e = entries.get(i);
            String link = link(e);
            String entryOrigin = origin + "#entry" + (i + 1);
            String html = content(e);
            byte[] entryBytes = html.getBytes(StandardCharsets.UTF_8);
            if (entryBytes.length > maxArticleBytes) {
                handler.bad(new BadInputException("oversize", entryOrigin, "the entry " + (link == null ? "" : link + " ")
                        + "is " + entryBytes.length + " bytes, over the limit of " + maxArticleBytes
                        + " bytes (raise --max-article-bytes if this is intended)"), null);
                continue;
            }
            HtmlText.Lines lines = HtmlText.looksLikeHtml(html) ? HtmlText.toLines(html, link) : null;
            String body = lines != null ? lines.body() : html.strip();
            String title = e.getTitle() == null ? null : HtmlText.toText(e.getTitle());
            if (body.isBlank()) {
                handler.bad(new BadInputException("empty-body", entryOrigin, "the entry "
                        + (link == null ? "" : link + " ") + "has no content, description or summary text"),
                        entryBytes);
                continue;
            }
            Date published = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
            handler.article(new TextArticle(link, source, title == null || title.isBlank() ? null : title, body,
                    published == null ? null : published.toInstant(), language, contentType,
                    link == null ? entryOrigin : entryOrigin + " " + link, lines == null ? null : lines.markup()));
        }
    }

    /** Refuses any DOCTYPE before the parser sees it, naming what it would have done. */
    static void refuseDoctype(byte[] xml, String origin) throws BadInputException {
        // the prolog is ASCII-compatible in every encoding a feed uses in practice; UTF-16 documents are still
        // refused by the parser, which has doctypes disallowed
        int scan = Math.min(xml.length, 64 * 1024);
        String head = new String(xml, 0, scan, StandardCharsets.ISO_8859_1);
        Matcher m = DOCTYPE.matcher(head);
        if (!m.find()) {
            return;
        }
        int line = 1;
        for (int i = 0; i < m.start(); i++) {
            if (head.charAt(i) == '\n') {
                line++;
            }
        }
        String what;
        if (EXTERNAL_ENTITY.matcher(head).find()) {
            what = "an external entity (XXE): it is refused, never resolved";
        } else if (ENTITY.matcher(head).find()) {
            what = "entity declarations (entity expansion): they are refused, never expanded";
        } else {
            what = "a DOCTYPE: DTDs are refused in feeds";
        }
        throw new BadInputException("unsafe-xml", origin + ":" + line, "the feed declares " + what
                + "; ask the publisher for a feed without a DOCTYPE");
    }

    private static String content(SyndEntry e) {
        List<String> parts = new ArrayList<>();
        for (SyndContent c : e.getContents()) {
            if (c != null && c.getValue() != null && !c.getValue().isBlank()) {
                parts.add(c.getValue());
            }
        }
        if (parts.isEmpty() && e.getDescription() != null && e.getDescription().getValue() != null) {
            parts.add(e.getDescription().getValue());
        }
        return String.join("\n", parts);
    }

    private static String link(SyndEntry e) {
        String link = e.getLink();
        if ((link == null || link.isBlank()) && e.getLinks() != null && !e.getLinks().isEmpty()) {
            link = e.getLinks().get(0).getHref();
        }
        if ((link == null || link.isBlank()) && e.getUri() != null && e.getUri().startsWith("http")) {
            link = e.getUri();
        }
        return link == null || link.isBlank() ? null : link.trim();
    }

    static String sourceOf(SyndFeed feed, String fallback) {
        String link = feed.getLink();
        if (link != null) {
            try {
                String host = URI.create(link.trim()).getHost();
                if (host != null) {
                    host = host.toLowerCase(Locale.ROOT);
                    return host.startsWith("www.") ? host.substring(4) : host;
                }
            } catch (IllegalArgumentException ignored) {
                // fall through to the title
            }
        }
        if (feed.getTitle() != null && !feed.getTitle().isBlank()) {
            return feed.getTitle().trim();
        }
        return fallback;
    }

    private static String language(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String primary = tag.trim().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return primary.isEmpty() ? null : primary;
    }
}
