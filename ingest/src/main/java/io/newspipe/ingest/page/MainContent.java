package io.newspipe.ingest.page;

import io.newspipe.avro.LineMarkup;
import io.newspipe.ingest.HtmlText;
import io.newspipe.ingest.Timestamps;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The main content of an article page, with jsoup: the page's chrome goes first (navigation, header, footer,
 * asides, figures and their captions, forms, scripts, embedded frames, and elements whose class or id words name
 * share bars, comments, ads, newsletters, breadcrumbs, sidebars, menus or popular-article boxes; lists and boxes that
 * are mostly links), then the element holding the most paragraph text that is not link text is taken as the body
 * ({@code itemprop=articleBody} first, when the page marks it). What is inside the body stays, "Baca juga" lines
 * included: the cleaner removes those and keeps the headlines they name. The body comes out in the format of
 * {@code RawArticle.body}, one line per paragraph ({@link HtmlText}).
 */
public final class MainContent {

    /** Tags that are never article text. */
    private static final String CHROME = "nav, header, footer, aside, figure, figcaption, form, script, style, "
            + "noscript, iframe, button, svg, template, object, embed, video, audio, picture";

    /** Class and id words of boxes that are never article text (markup words, in English and Indonesian CMSs). */
    private static final Set<String> CHROME_WORDS = Set.of("share", "sharing", "social", "sosmed", "comment",
            "comments", "komentar", "disqus", "ads", "advert", "advertisement", "iklan", "banner", "newsletter",
            "subscribe", "breadcrumb", "breadcrumbs", "sidebar", "widget", "menu", "navbar", "popular",
            "terpopuler", "trending", "recommendation", "recommended", "rekomendasi", "copyright");

    /** A box whose text is at least this share of links, with several links, is a list of links, not text. */
    private static final double LINK_LIST_DENSITY = 0.6;

    /**
     * The extracted page: its headline (og:title, else the first h1, else the title), its body, its publication time
     * ({@code article:published_time}, else the first {@code <time datetime>}; null when neither reads) and its
     * language ({@code <html lang>}, the primary subtag; null when absent).
     */
    public record Extracted(String title, String body, java.time.Instant publishedAt, String language,
                            List<LineMarkup> markup) {
    }

    private MainContent() {
    }

    /** Parses the page bytes (charset from {@code contentType}, else from the page, else UTF-8). */
    public static Extracted of(byte[] page, String contentType, String baseUri) {
        String charset = null;
        if (contentType != null) {
            for (String part : contentType.split(";")) {
                String p = part.strip();
                if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    charset = p.substring("charset=".length()).replace("\"", "").strip();
                }
            }
        }
        try {
            return of(Jsoup.parse(new ByteArrayInputStream(page), charset, baseUri));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the page " + baseUri, e);
        }
    }

    static Extracted of(Document doc) {
        String title = doc.select("meta[property=og:title]").attr("content").strip();
        if (title.isEmpty()) {
            Element h1 = doc.selectFirst("h1");
            title = h1 != null ? h1.text().strip() : doc.title().strip();
        }
        java.time.Instant published = published(doc);
        String language = doc.select("html[lang]").attr("lang").strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        Element body = doc.body();
        body.select(CHROME).remove();
        for (Element e : body.select("[class], [id]")) {
            if (e != body && e.parent() != null && isChrome(e)) {
                e.remove();
            }
        }
        for (Element e : body.select("ul, ol, div, section, table, nav")) {
            if (e != body && e.parent() != null && isLinkList(e)) {
                e.remove();
            }
        }
        Element best = body.selectFirst("[itemprop=articleBody]");
        if (best == null || textScore(best) == 0) {
            best = richest(body);
        }
        best.select("h1").remove(); // the headline is the title, not a body line
        HtmlText.Lines lines = HtmlText.toLines(best.html(), doc.location());
        return new Extracted(title.isEmpty() ? null : title, lines.body(), published,
                language.isEmpty() ? null : language, lines.markup());
    }

    private static java.time.Instant published(Document doc) {
        for (String candidate : new String[] {doc.select("meta[property=article:published_time]").attr("content"),
            doc.select("time[datetime]").attr("datetime")}) {
            if (!candidate.isBlank()) {
                try {
                    return Timestamps.parse(candidate.strip());
                } catch (java.time.DateTimeException e) {
                    // not a time this reads: try the next
                }
            }
        }
        return null;
    }

    private static boolean isChrome(Element e) {
        for (String word : (e.className() + " " + e.id()).toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (CHROME_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLinkList(Element e) {
        int links = e.select("a").size();
        if (links < 2) {
            return false;
        }
        int text = e.text().length();
        int linkText = 0;
        for (Element a : e.select("a")) {
            linkText += a.text().length();
        }
        return text > 0 && linkText >= LINK_LIST_DENSITY * text;
    }

    /** The element with the most paragraph text (not link text) among its own paragraphs and their near kin. */
    private static Element richest(Element root) {
        Element best = root;
        long bestScore = -1;
        for (Element e : root.select("article, main, section, div, td")) {
            long score = textScore(e);
            if (score >= bestScore) { // on a tie the inner element wins: it holds less of the page around it
                best = e;
                bestScore = score;
            }
        }
        return bestScore > 0 ? best : root;
    }

    /**
     * The text of the paragraphs that are children or grandchildren of {@code e}, less their link text: an element
     * scores for the paragraphs it holds itself, so the innermost container of the story wins over the page.
     */
    private static long textScore(Element e) {
        long score = 0;
        for (Element child : e.children()) {
            score += paragraphScore(child);
            for (Element grandchild : child.children()) {
                score += paragraphScore(grandchild);
            }
        }
        return score;
    }

    private static long paragraphScore(Element p) {
        if (!p.normalName().equals("p")) {
            return 0;
        }
        long text = p.text().length();
        for (Element a : p.select("a")) {
            text -= a.text().length();
        }
        return Math.max(0, text);
    }
}
