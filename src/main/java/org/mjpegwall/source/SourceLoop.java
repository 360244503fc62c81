package org.mjpegwall.source;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;
import org.mjpegwall.frame.BufferPool;
import org.mjpegwall.frame.FrameBuffer;
import org.mjpegwall.frame.SourceState;
import org.mjpegwall.frame.SourceStats;
import org.mjpegwall.source.internal.Authenticator;
import org.mjpegwall.source.internal.Backoff;
import org.mjpegwall.source.internal.ErrorWords;
import org.mjpegwall.source.internal.FailureLog;
import org.mjpegwall.source.internal.HttpExchange;
import org.mjpegwall.source.internal.MultipartParser;
import org.mjpegwall.util.Secrets;
import org.mjpegwall.util.TimeSource;
import org.slf4j.Logger;

/**
 * The engine every network source shares: a buffer pool, one reader thread that runs the source's
 * {@link Session} once per connection, and what happens between connections — backoff with jitter after
 * a failure or a closed stream (reset after a healthy one), the poll interval after a snapshot — along
 * the checked {@link Lifecycle}: NEW → CONNECTING → STREAMING (→ WAITING) → BACKOFF → CONNECTING … →
 * STOPPED. Sources ({@link MjpegClient}, {@link SnapshotPoller}) are thin public faces over it.
 *
 * <p>Concurrency policy: the reader thread does all I/O and never runs application code; buffers move
 * through the {@link BufferPool}; counters are written by the reader alone ({@link SourceCounters}); the
 * state is guarded by the lifecycle's lock and {@code thread} by {@code lock}, and no lock is held during
 * I/O or while a thread starts. {@link #stop()} closes the connection and interrupts the reader, so it
 * ends within a second even in the middle of a connect, a read or a backoff. All time — frame times,
 * WAITING, the healthy check, backoff and poll waits, the stall timeout — comes from one
 * {@link TimeSource}, so tests run it on fake time.
 */
final class SourceLoop {
    private final String name;
    private final Logger log;
    private final Session session;
    private final TimeSource time;
    private final Duration pollInterval;
    private final Duration healthyAfter;
    private final Duration waitingAfter;
    private final Duration stallTimeout;
    private final int maxFrameSize;
    private final String threadName;
    private final Backoff backoff;
    private final BufferPool pool = new BufferPool();
    private final Lifecycle lifecycle;
    private final SourceCounters counters;
    private final PoolSink sink;
    private final HttpExchange exchange;
    private final FailureLog failureLog = new FailureLog(); // reader thread only
    private final Object lock = new Object();
    private Thread thread; // guarded by lock
    private volatile boolean stopping;

    /**
     * @param kind names the reader thread by default ("mjpeg-client")
     * @throws IllegalArgumentException if the URL is not an http(s) URL with a host (no secret in the message)
     */
    SourceLoop(SourceOptions o, Session session, Logger log, String kind) {
        this.name = Secrets.redact(o.uri());
        this.log = log;
        this.session = session;
        this.time = o.time();
        this.pollInterval = o.pollInterval();
        this.healthyAfter = o.healthyAfter();
        this.waitingAfter = o.waitingAfter();
        this.stallTimeout = o.stallTimeout();
        this.maxFrameSize = o.maxFrameSize();
        this.threadName = o.threadName() != null ? o.threadName() : kind + " " + name;
        this.backoff = new Backoff(o.backoffInitial(), o.backoffMax(), o.random());
        this.lifecycle = new Lifecycle(time, o.listener());
        this.counters = new SourceCounters(time);
        this.sink = new PoolSink(pool, counters, time, maxFrameSize, name, log, this::logStreaming);
        String user = o.user();
        String password = o.password();
        Secrets.Login login = Secrets.login(o.uri());
        if (user == null && login != null) {
            user = login.user();
            password = login.password();
        }
        SSLSocketFactory ssl = o.sslFactory() != null ? o.sslFactory() : (SSLSocketFactory) SSLSocketFactory.getDefault();
        this.exchange = new HttpExchange(o.uri(), new Authenticator(user, password == null ? "" : password),
                new HttpExchange.Timeouts(o.connectTimeout(), o.stallTimeout(), o.stallCheck()), ssl, time,
                counters::countBytes, () -> stopping);
    }

    String name() {
        return name;
    }

    List<FrameBuffer> requestBuffers(int length, int maxLength, int count) {
        return pool.request(length, maxLength, count);
    }

    void enqueueBuffer(FrameBuffer buffer) {
        pool.enqueue(buffer);
    }

    FrameBuffer dequeueBuffer() throws InterruptedException {
        return pool.dequeue();
    }

    FrameBuffer dequeueBuffer(long timeout, TimeUnit unit) throws InterruptedException {
        return pool.dequeue(timeout, unit);
    }

    void start() {
        lifecycle.start(); // NEW → CONNECTING, once
        pool.seal();
        Thread t = new Thread(this::run, threadName);
        t.setDaemon(true);
        synchronized (lock) {
            thread = t;
        }
        t.start();
    }

    void stop() {
        stopping = true;
        pool.seal();
        Thread t = readerThread();
        if (t == null) {
            lifecycle.stop(); // never started: nothing else will
        }
        exchange.abort();
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                log.warn("{}: reader thread did not stop within 1 s", name);
            }
        }
    }

    Thread readerThread() {
        synchronized (lock) {
            return thread;
        }
    }

    SourceState state() {
        return counters.shown(lifecycle.state(), time.nanoTime(), waitingAfter.toNanos(), pollInterval.toNanos());
    }

    SourceStats stats() {
        Lifecycle.Snapshot s = lifecycle.snapshot(); // before the counters: an error is set before its BACKOFF
        long now = time.nanoTime();
        return counters.stats(name, counters.shown(s.state(), now, waitingAfter.toNanos(), pollInterval.toNanos()),
                now, pool.readyCount(), s.retryAt());
    }

    // ---- the reader thread ---------------------------------------------------------------------------

    private void run() {
        boolean first = true;
        boolean reconnect = false; // the next attempt follows a failure or a closed stream
        try {
            while (!stopping) {
                if (reconnect) {
                    counters.reconnected();
                }
                reconnect = true;
                if (!first && !lifecycle.to(SourceState.CONNECTING, null, null)) {
                    break;
                }
                first = false;
                long started = time.nanoTime();
                long framesBefore = counters.totalFrames();
                Session.End end = null;
                String error = null;
                try {
                    end = session.run(context);
                    if (end == Session.End.CLOSED) {
                        error = "connection closed by the camera";
                        if (!stopping) {
                            logFailure(error, null);
                        }
                    }
                } catch (Exception e) {
                    if (!stopping) { // closing the socket from stop() makes the read fail: not an error
                        error = ErrorWords.describe(e, exchange.phase(), stallTimeout);
                        if (e instanceof RuntimeException) {
                            log.warn("{}: unexpected failure, reconnecting", name, e); // a bug: keep the stack
                        } else {
                            logFailure(error, e);
                        }
                    }
                } finally {
                    exchange.close();
                }
                if (stopping) {
                    break;
                }
                if (end == Session.End.POLLED) {
                    backoff.reset();
                    time.sleep(pollInterval.toNanos());
                    reconnect = false; // a poll is not a reconnect
                    continue;
                }
                if (counters.totalFrames() > framesBefore && time.nanoTime() - started >= healthyAfter.toNanos()) {
                    backoff.reset(); // a healthy stream: start again from the shortest delay
                }
                Duration delay = backoff.next();
                counters.error(error);
                if (!lifecycle.to(SourceState.BACKOFF, error, time.instant().plus(delay))) {
                    break;
                }
                time.sleep(delay.toNanos());
            }
        } catch (InterruptedException e) {
            // stop() interrupts; fall through to STOPPED
        } catch (RuntimeException | Error e) {
            log.error("{}: reader thread failed", name, e);
            counters.error("internal error: " + e);
        } finally {
            lifecycle.stop();
        }
    }

    private final Session.Context context = new Session.Context() {
        @Override
        public HttpExchange.Response open() throws IOException {
            return exchange.open();
        }

        @Override
        public void streaming(boolean snapshot) {
            counters.streamStarted(snapshot);
            lifecycle.to(SourceState.STREAMING, null, null);
            sink.connected();
        }

        @Override
        public MultipartParser.Sink sink() {
            return sink;
        }

        @Override
        public int maxFrameSize() {
            return maxFrameSize;
        }

        @Override
        public long framesSeen() {
            return counters.totalFrames();
        }

        @Override
        public boolean stopping() {
            return stopping;
        }
    };

    /** Logs a connection failure: the first one and a change of error at INFO, repeats at DEBUG. */
    private void logFailure(String error, Exception e) {
        if (failureLog.failed(error)) {
            log.info("{}: {}; retrying with backoff", name, error);
            if (e != null) {
                log.debug("{}: details", name, e); // once per new error: repeats have the same stack
            }
        } else {
            log.debug("{}: {} (again, {} failed attempts)", name, error, failureLog.attempts());
        }
    }

    /** The first frame of a connection: logs the recovery once if a failure was logged before it. */
    private void logStreaming() {
        long failed = failureLog.streaming();
        if (failed > 0) {
            log.info("{}: streaming again after {} failed attempt{}", name, failed, failed == 1 ? "" : "s");
        }
    }
}
