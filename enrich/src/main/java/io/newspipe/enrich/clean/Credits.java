package io.newspipe.enrich.clean;

import java.util.List;

/**
 * Credits and sign-offs found in the article.
 *
 * @param author   the writer, or {@code null}
 * @param editor   the editor, or {@code null}
 * @param reporter the field reporter, or {@code null}
 * @param codes    writer codes such as {@code agk} or {@code mg3/jpnn}
 * @param lines    the credit texts as they appeared
 */
public record Credits(String author, String editor, String reporter, List<String> codes, List<String> lines) {
    public Credits {
        codes = List.copyOf(codes);
        lines = List.copyOf(lines);
    }
}
