package io.newspipe.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** Links the pages build from user input: every value URL-encoded. */
public final class Urls {

    private Urls() {
    }

    /** The articles page with the same form values on page {@code page}. */
    public static String articles(Map<String, String> form, int page) {
        StringBuilder s = new StringBuilder("/articles?page=").append(page);
        new TreeMap<>(form).forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                s.append('&').append(encode(k)).append('=').append(encode(v));
            }
        });
        return s.toString();
    }

    /** The article page of {@code id}. */
    public static String article(String id) {
        return "/articles/" + encode(id);
    }

    /** The dead letters page for one stage and reason. */
    public static String deadLetters(String stage, String reason) {
        return "/dead-letters?stage=" + encode(stage) + "&reason=" + encode(reason);
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
