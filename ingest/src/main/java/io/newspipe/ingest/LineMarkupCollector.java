package io.newspipe.ingest;

import io.newspipe.avro.LineMarkup;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Builds the text of {@link HtmlText} and remembers which text node each stretch of it came from, so that each
 * line, once cut and tidied exactly as the text alone would be, gets the markup of the nodes it holds: the elements
 * around its longest piece, their class names and ids, and the share of it inside links.
 */
final class LineMarkupCollector {

    /** Elements of the path kept, nearest first: enough to see an aside or a figure around a paragraph. */
    static final int PATH_ELEMENTS = 5;
    /** Class names and ids kept per line. */
    static final int CLASS_WORDS = 16;

    /** White space of any kind, collapsed to one space in a line (what the text alone always did). */
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
    /** An address with a scheme of its own (mailto:, javascript:, tel:, ...). */
    private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*:.*");

    private final StringBuilder out = new StringBuilder();
    private final List<Piece> pieces = new ArrayList<>();
    private final SameSite site;

    /** One text node's stretch of the text, [start, end). */
    private record Piece(int start, int end, TextNode node) {
    }

    LineMarkupCollector(SameSite site) {
        this.site = site;
    }

    /** Appends text; {@code node} is where it came from, null for a separator. */
    void text(String text, TextNode node) {
        int start = out.length();
        out.append(text);
        if (node != null && !text.isEmpty()) {
            pieces.add(new Piece(start, out.length(), node));
        }
    }

    void lineBreak() {
        out.append('\n');
    }

    HtmlText.Lines lines() {
        List<String> lines = new ArrayList<>();
        List<LineMarkup> markup = new ArrayList<>();
        int lineStart = 0;
        int firstPiece = 0;
        String text = out.toString();
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            String line = SPACES.matcher(text.substring(lineStart, lineEnd).replace('\u00a0', ' ')).replaceAll(" ")
                    .trim();
            while (firstPiece < pieces.size() && pieces.get(firstPiece).end <= lineStart) {
                firstPiece++;
            }
            if (!line.isEmpty()) {
                lines.add(line);
                markup.add(markupOf(text, lineStart, lineEnd, firstPiece));
            }
            lineStart = lineEnd + 1;
        }
        return new HtmlText.Lines(String.join("\n", lines), List.copyOf(markup));
    }

    private LineMarkup markupOf(String text, int from, int to, int firstPiece) {
        TextNode longest = null;
        int longestLetters = -1;
        int letters = 0;
        int linked = 0;
        boolean sameSite = false;
        for (int p = firstPiece; p < pieces.size() && pieces.get(p).start < to; p++) {
            Piece piece = pieces.get(p);
            int count = lettersAndDigits(text, Math.max(from, piece.start), Math.min(to, piece.end));
            if (count == 0) {
                continue;
            }
            letters += count;
            Element link = piece.node.parent() == null ? null : piece.node.parent().closest("a");
            if (link != null) {
                linked += count;
                sameSite |= site.holds(link.attr("href"));
            }
            if (count > longestLetters) {
                longest = piece.node;
                longestLetters = count;
            }
        }
        List<String> path = new ArrayList<>();
        Set<String> words = new LinkedHashSet<>();
        for (Element e = longest == null ? null : longest.parent(); e != null && !e.normalName().equals("body");
                e = e.parent()) {
            if (path.size() < PATH_ELEMENTS) {
                path.add(0, e.normalName());
            }
            addWord(words, e.id());
            for (String name : e.classNames()) {
                addWord(words, name);
            }
        }
        return LineMarkup.newBuilder()
                .setTagPath(String.join(">", path))
                .setClassWords(new ArrayList<>(words))
                .setLink(letters > 0 && linked == letters)
                .setLinkDensity(letters == 0 ? 0f : (float) linked / letters)
                .setSameSiteLink(sameSite)
                .build();
    }

    private static void addWord(Set<String> words, String word) {
        if (!word.isBlank() && words.size() < CLASS_WORDS) {
            words.add(word.strip().toLowerCase(Locale.ROOT));
        }
    }

    private static int lettersAndDigits(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    /** Whether a link's address stays on the article's site: the same host (without www.), or a relative one. */
    record SameSite(String host) {

        static SameSite of(String pageUrl) {
            return new SameSite(pageUrl == null ? null : hostOf(pageUrl));
        }

        boolean holds(String href) {
            String h = href == null ? "" : href.strip();
            if (h.isEmpty() || h.startsWith("#")) {
                return false;
            }
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("//")) {
                String linkHost = hostOf(lower.startsWith("//") ? "https:" + h : h);
                return host != null && host.equals(linkHost);
            }
            // mailto:, javascript:, tel: and the like lead nowhere on the site; anything else is a relative address
            return !SCHEME.matcher(lower).matches();
        }

        private static String hostOf(String url) {
            try {
                String host = URI.create(url.strip()).getHost();
                if (host == null) {
                    return null;
                }
                host = host.toLowerCase(Locale.ROOT);
                return host.startsWith("www.") ? host.substring(4) : host;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
