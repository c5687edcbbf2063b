package io.newspipe.ingest;

import java.util.ArrayList;
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
 * Turns article HTML (a feed's {@code content:encoded} or {@code summary}, a JSON Lines {@code html} field) into the
 * body format of {@code RawArticle}: one line per paragraph, heading, list item or {@code <br>}-separated line,
 * whitespace collapsed, no blank lines; scripts, styles, forms and embedded frames dropped. Null in, empty out.
 */
public final class HtmlText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "header", "footer", "aside",
            "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table",
            "tr", "figure", "figcaption", "hr", "address", "main", "nav", "center");
    private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "iframe", "svg", "form",
            "button", "object", "embed", "template", "head");

    private static final Pattern HTML_HINT = Pattern.compile("<[a-zA-Z/!][^>]{0,200}>|&(#\\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});");

    private HtmlText() {
    }

    /** Does this look like HTML rather than plain text? (a tag or an entity) */
    public static boolean looksLikeHtml(String s) {
        return s != null && HTML_HINT.matcher(s).find();
    }

    public static String toText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        body.select(String.join(",", DROPPED)).remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    // in HTML a newline in text is just whitespace, except inside <pre>
                    Element p = t.parent();
                    boolean pre = p != null && p.closest("pre") != null;
                    out.append(pre ? t.getWholeText() : t.getWholeText().replace('\n', ' ').replace('\r', ' '));
                } else if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.equals("br") || BLOCKS.contains(tag)) {
                        out.append('\n');
                    } else if (tag.equals("td") || tag.equals("th")) {
                        out.append(' ');
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    out.append('\n');
                }
            }
        }, body);
        List<String> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            String l = line.replace('\u00a0', ' ').replaceAll("[\\s\\p{Z}]+", " ").trim();
            if (!l.isEmpty()) {
                lines.add(l);
            }
        }
        return String.join("\n", lines);
    }
}
