package io.newspipe.ingest;

import io.newspipe.avro.LineMarkup;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns article HTML (a feed's {@code content:encoded} or {@code summary}, a JSON Lines {@code html} field, a
 * fetched page's main content) into the body format of {@code RawArticle}: one line per paragraph, heading, list
 * item or {@code <br>}-separated line, whitespace collapsed, no blank lines; scripts, styles, forms and embedded
 * frames dropped. Null in, empty out.
 *
 * <p>{@link #toLines} also keeps, for each line, what the markup said about it ({@link LineMarkup}: the elements
 * around it, their class names and ids, how much of it is links and whether they lead to the same site): the
 * signals that tell much boilerplate from text (a {@code <figcaption>}, an {@code <aside class="baca-juga">}, a
 * list of links to the outlet's other articles) once the tags are gone.
 */
public final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "header", "footer", "aside",
            "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table",
            "tr", "figure", "figcaption", "hr", "address", "main", "nav", "center");
    private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "iframe", "svg", "form",
            "button", "object", "embed", "template", "head");

    private static final Pattern HTML_HINT = Pattern.compile("<[a-zA-Z/!][^>]{0,200}>|&(#\\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});");

    /** The body text and, per line of it, its markup (as many entries as lines). */
    public record Lines(String body, List<LineMarkup> markup) {
    }

    private HtmlText() {
    }

    /** Does this look like HTML rather than plain text? (a tag or an entity) */
    public static boolean looksLikeHtml(String s) {
        return s != null && HTML_HINT.matcher(s).find();
    }

    /** The body text of {@code html}. */
    public static String toText(String html) {
        return toLines(html, null).body();
    }

    /**
     * The body text of {@code html} with each line's markup; {@code pageUrl} (may be null) is the article's address,
     * against which a link is judged to stay on the same site.
     */
    public static Lines toLines(String html, String pageUrl) {
        if (html == null || html.isBlank()) {
            return new Lines("", List.of());
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        body.select(String.join(",", DROPPED)).remove();
        LineMarkupCollector collector = new LineMarkupCollector(LineMarkupCollector.SameSite.of(pageUrl));
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    // in HTML a newline in text is just whitespace, except inside <pre>
                    Element p = t.parent();
                    boolean pre = p != null && p.closest("pre") != null;
                    collector.text(pre ? t.getWholeText() : t.getWholeText().replace('\n', ' ').replace('\r', ' '), t);
                } else if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.equals("br") || BLOCKS.contains(tag)) {
                        collector.lineBreak();
                    } else if (tag.equals("td") || tag.equals("th")) {
                        collector.text(" ", null);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    collector.lineBreak();
                }
            }
        }, body);
        return collector.lines();
    }
}
