package io.newspipe.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body collected up to a size limit: refused at once when the {@code Content-Length} says it is larger,
 * else read until the limit and cancelled beyond it (the future then fails with {@link TooLargeException}). Feeds
 * and article pages are both read this way, so a hostile server cannot fill the heap.
 */
public final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The body is over the limit. */
    public static final class TooLargeException extends IOException {
        TooLargeException(long max) {
            super("response over " + max + " bytes");
        }
    }

    private final long max;
    private final boolean refuseAtOnce;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    private BoundedBody(long max, boolean refuseAtOnce) {
        this.max = max;
        this.refuseAtOnce = refuseAtOnce;
    }

    /** A body handler that refuses bodies over {@code max} bytes (by Content-Length, or while reading). */
    public static HttpResponse.BodySubscriber<byte[]> of(HttpResponse.ResponseInfo info, long max) {
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        return new BoundedBody(max, declared > max);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (refuseAtOnce) {
            s.cancel();
            result.completeExceptionally(new TooLargeException(max));
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer b : items) {
            if (out.size() + (long) b.remaining() > max) {
                subscription.cancel();
                result.completeExceptionally(new TooLargeException(max));
                return;
            }
            byte[] chunk = new byte[b.remaining()];
            b.get(chunk);
            out.writeBytes(chunk);
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(out.toByteArray());
    }
}
