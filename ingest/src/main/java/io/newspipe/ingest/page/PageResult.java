package io.newspipe.ingest.page;

import java.net.URI;

/** What fetching one article page gave. */
public sealed interface PageResult {

    /** The page: its bytes, media type, the URL it came from after redirects, and its validators. */
    record Page(byte[] body, String contentType, URI uri, String etag, String lastModified) implements PageResult {
    }

    /** The server said 304 to the validators: the page did not change. */
    record NotModified() implements PageResult {
    }

    /**
     * No page: {@code reason} is the dead letter reason ({@code page-robots-disallowed}, {@code page-http-error},
     * {@code page-http-timeout}, {@code page-http-redirect}, {@code page-oversize}, {@code page-not-html}), the
     * message says what happened. A page robots.txt disallows is never requested.
     */
    record Failure(String reason, String message) implements PageResult {
    }
}
