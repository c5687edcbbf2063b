package io.newspipe.enrich.clean;

import java.util.List;

/**
 * What the HTML said about one input line, when the body was read from HTML (the {@code line_markup} of a raw
 * article): the elements around it, outermost first, joined by {@code >}; the class names and ids of the elements
 * around it, lower case; whether all of it, and what share of its letters, sits inside links; and whether a link
 * on it stays on the article's site. The {@code markup} rule family reads them; text inputs have none.
 */
public record MarkupSignals(String tagPath, List<String> classWords, boolean link, float linkDensity,
                            boolean sameSiteLink) {

    public MarkupSignals {
        tagPath = tagPath == null ? "" : tagPath;
        classWords = classWords == null ? List.of() : List.copyOf(classWords);
    }

    /** True if one of the elements around the line is {@code tag}. */
    boolean inside(String tag) {
        int at = tagPath.indexOf(tag);
        while (at >= 0) {
            int end = at + tag.length();
            if ((at == 0 || tagPath.charAt(at - 1) == '>') && (end == tagPath.length() || tagPath.charAt(end) == '>')) {
                return true;
            }
            at = tagPath.indexOf(tag, at + 1);
        }
        return false;
    }

    /** True if a class name or id around the line holds {@code fragment}. */
    boolean classHolds(String fragment) {
        for (String word : classWords) {
            if (word.contains(fragment)) {
                return true;
            }
        }
        return false;
    }
}
