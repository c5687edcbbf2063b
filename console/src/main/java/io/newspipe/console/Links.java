package io.newspipe.console;

import java.net.URI;
import java.util.Locale;

/** Which stored URLs may become links: http and https only, so a {@code javascript:} URL stays text. */
public final class Links {

    private Links() {
    }

    /** {@code url} when it parses as an absolute http(s) URL, else null. */
    public static String safe(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            String scheme = URI.create(url.strip()).getScheme();
            if (scheme == null) {
                return null;
            }
            String s = scheme.toLowerCase(Locale.ROOT);
            return s.equals("http") || s.equals("https") ? url.strip() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
