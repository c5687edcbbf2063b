package io.newspipe.enrich.clean;

/**
 * A copy-attribution or syndication footer.
 *
 * @param outlet the original outlet, or {@code null}
 * @param title  the original title, or {@code null}
 * @param url    the original URL, or {@code null}
 * @param text   the footer as it appeared
 */
public record Syndication(String outlet, String title, String url, String text) {
}
