package io.newspipe.enrich.clean;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the rules found in one article, over all passes: the removed spans and what the boilerplate said (related
 * headlines, dateline, credits, syndication, page marker). The first value found for a field wins.
 */
final class Findings {

    /** A value with the place it was found, to report everything in input order. */
    private record Placed<T>(T value, int line, int offset, int sequence) {
    }

    private static final Comparator<Placed<?>> INPUT_ORDER = Comparator.comparingInt((Placed<?> p) -> p.line)
            .thenComparingInt(p -> p.offset).thenComparingInt(p -> p.sequence);

    private final List<Placed<Removal>> removed = new ArrayList<>();
    private final List<Placed<String>> related = new ArrayList<>();
    private final Set<String> relatedKeys = new HashSet<>();
    private Dateline dateline;
    private String author;
    private String editor;
    private String reporter;
    final List<String> codes = new ArrayList<>();
    final List<String> creditLines = new ArrayList<>();
    private String syndicationOutlet;
    private String syndicationTitle;
    private String syndicationUrl;
    private String syndicationText;
    private boolean partialPage;
    private int sequence;

    void remove(String rule, String kind, String text, int line, int offset, Double score) {
        removed.add(new Placed<>(new Removal(rule, kind, text, line, score), line, offset, sequence++));
    }

    void related(String headline, int line, int offset) {
        String h = Headlines.clean(headline);
        if (!h.isEmpty() && relatedKeys.add(Text.norm(h))) {
            related.add(new Placed<>(h, line, offset, sequence++));
        }
    }

    boolean hasDateline() {
        return dateline != null;
    }

    void dateline(Dateline found) {
        if (dateline == null) {
            dateline = found;
        }
    }

    void pageMarker() {
        partialPage = true;
    }

    /** A credited name for {@code role}; roles other than author, editor and reporter are not stored. */
    void credit(String role, String name) {
        if (name == null) {
            return;
        }
        String stripped = name.strip();
        if (stripped.isEmpty()) {
            return;
        }
        switch (role) {
            case "author" -> author = author == null ? stripped : author;
            case "editor" -> editor = editor == null ? stripped : editor;
            case "reporter" -> reporter = reporter == null ? stripped : reporter;
            default -> {
            }
        }
    }

    void syndication(String outlet, String title, String url, String text) {
        if (syndicationText == null) {
            syndicationText = text;
        }
        if (syndicationOutlet == null && outlet != null && !outlet.isBlank()) {
            syndicationOutlet = outlet.strip();
        }
        if (syndicationTitle == null && title != null && !title.isBlank()) {
            syndicationTitle = title.strip();
        }
        if (syndicationUrl == null && url != null && !url.isBlank()) {
            syndicationUrl = url.strip();
        }
    }

    CleanResult result(String body, String rulePackVersion) {
        removed.sort(INPUT_ORDER);
        related.sort(INPUT_ORDER);
        Credits credits = null;
        if (author != null || editor != null || reporter != null || !codes.isEmpty() || !creditLines.isEmpty()) {
            credits = new Credits(author != null ? author : reporter, editor, reporter, codes.stream().distinct().toList(),
                    creditLines.stream().distinct().toList());
        }
        Syndication syndication = syndicationText == null ? null
                : new Syndication(syndicationOutlet, syndicationTitle, syndicationUrl, syndicationText);
        return new CleanResult(body, removed.stream().map(Placed::value).toList(),
                related.stream().map(Placed::value).toList(), dateline, credits, syndication, partialPage,
                rulePackVersion);
    }
}
