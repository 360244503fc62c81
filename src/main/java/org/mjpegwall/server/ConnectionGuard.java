package org.mjpegwall.server;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executor and first filter of an {@link MjpegServer}: they bound what a connection costs while its request
 * is read and while it is answered.
 *
 * <p>Why by hand: the JDK's {@code HttpServer} reads a request's line and headers with blocking reads on a thread
 * of the executor it is given, so a client that sends half a request and waits holds that thread for ever, and
 * its own limits are JVM-wide and drop connections without an answer. This layer runs every exchange on a bounded
 * pool and keeps, per server:
 * <ul>
 * <li>at most {@code maxPending} requests being read: a further one cuts the oldest still being read;
 * <li>a request-header timeout: a request not read within {@code requestTimeout} is cut;
 * <li>at most {@code maxConnections} requests being answered (streams included); more get a 503;
 * <li>{@link RequestLimits} on the request line and headers (414, 431);
 * <li>a write timeout: an answer whose write has not moved on for {@code writeTimeout} (a viewer that stopped
 * reading, or vanished without a word) is cut, so its thread and stream slot are freed.
 * </ul>
 *
 * <p>A task's life: PENDING (queued, or the JDK is reading its request on our thread) then ANSWERING (this filter saw
 * the whole request) or CUT, then done. Cutting interrupts the task's thread: the JDK reads through an interruptible
 * channel, so the read fails, the channel closes, and the JDK forgets the connection. Only a PENDING task is ever
 * cut, decided by one compare-and-set against the filter's, so an answer in progress is never interrupted; the one
 * exception is a write that has been blocked for the write timeout, marked by {@link #write()}.
 */
final class ConnectionGuard implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);
    private static final ThreadLocal<Task> CURRENT = new ThreadLocal<>();
    private static final int PENDING = 0;
    private static final int ANSWERING = 1;
    private static final int CUT = 2;
    private static final long NOT_WRITING = Long.MIN_VALUE;
    private static final long STALLED = Long.MIN_VALUE + 1;
    private static final Write NO_WRITE = () -> { };
    /** Threads beyond the caps, for cut tasks that are still winding down. */
    private static final int SLACK_THREADS = 16;

    /**
     * @param maxPending requests being read at once
     * @param requestTimeout time from a request's first byte to its last header
     * @param maxConnections requests being answered at once, streams included
     * @param writeTimeout time one write of an answer may stay blocked
     */
    record Limits(int maxPending, Duration requestTimeout, int maxConnections, Duration writeTimeout,
            RequestLimits request) {
        Limits {
            Objects.requireNonNull(requestTimeout, "requestTimeout");
            Objects.requireNonNull(writeTimeout, "writeTimeout");
            Objects.requireNonNull(request, "request");
            if (maxPending < 1 || maxConnections < 1 || requestTimeout.isNegative() || requestTimeout.isZero()
                    || writeTimeout.isNegative() || writeTimeout.isZero()) {
                throw new IllegalArgumentException("pending requests and connections must be at least 1, and the "
                        + "timeouts positive: " + maxPending + ", " + maxConnections + ", " + requestTimeout + ", "
                        + writeTimeout);
            }
        }

        /** The most threads the guarded server ever runs for its connections. */
        int maxThreads() {
            return maxConnections + maxPending + SLACK_THREADS;
        }
    }

    private final Limits limits;
    private final LongSupplier clock;
    private final long timeoutNanos;
    private final long writeTimeoutNanos;
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService sweeper;
    private final Object lock = new Object();
    private final LinkedHashSet<Task> pending = new LinkedHashSet<>(); // guarded by lock; oldest first
    private final Set<Task> running = ConcurrentHashMap.newKeySet();
    private final AtomicInteger answering = new AtomicInteger();
    private final AtomicLong cut = new AtomicLong();

    /**
     * @param threads makes the pool's threads
     * @param name the name of the thread that checks the request timeout
     * @param clock monotonic nanoseconds, for the request timeout
     */
    ConnectionGuard(Limits limits, ThreadFactory threads, String name, LongSupplier clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeoutNanos = limits.requestTimeout().toNanos();
        this.writeTimeoutNanos = limits.writeTimeout().toNanos();
        // Why a hand-off queue: a task either finds an idle thread or gets a new one, up to the cap; beyond it the
        // JDK's server closes the connection at once (it catches the rejection), which costs nothing.
        this.pool = new ThreadPoolExecutor(0, limits.maxThreads(), 30, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
        ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        s.setRemoveOnCancelPolicy(true);
        long shortest = Math.min(limits.requestTimeout().toMillis(), limits.writeTimeout().toMillis());
        long period = Math.max(50, Math.min(1000, shortest / 4));
        s.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
        this.sweeper = s;
    }

    /** Runs one of the JDK's exchanges; a further pending request beyond the cap cuts the oldest. */
    @Override
    public void execute(Runnable exchange) {
        Task task = new Task(exchange, clock.getAsLong());
        Task oldest = null;
        synchronized (lock) {
            pending.add(task);
            if (pending.size() > limits.maxPending()) {
                Iterator<Task> it = pending.iterator();
                oldest = it.next();
                it.remove();
            }
        }
        if (oldest != null) {
            oldest.cut("more than " + limits.maxPending() + " requests were being read at once");
        }
        try {
            pool.execute(task);
        } catch (RuntimeException ex) {
            leave(task);
            throw ex;
        }
    }

    /** Cuts every request that has been read for longer than the request timeout, and every stalled write. */
    void sweep() {
        long now = clock.getAsLong();
        List<Task> late = new ArrayList<>();
        synchronized (lock) {
            for (Iterator<Task> it = pending.iterator(); it.hasNext(); ) {
                Task t = it.next();
                if (now - t.since < timeoutNanos) {
                    break; // oldest first: the rest are younger
                }
                it.remove();
                late.add(t);
            }
        }
        for (Task t : late) {
            t.cut("the request was not complete within " + limits.requestTimeout().toSeconds() + " s");
        }
        for (Task t : running) {
            if (t.cutStalledWrite(now)) {
                cut.incrementAndGet();
                LOG.debug("cut an answer: a write had been blocked for {} s", limits.writeTimeout().toSeconds());
            }
        }
    }

    /**
     * Marks a write of the current answer, so that the write timeout can cut it; close the result when the write
     * is done. Outside a guarded server's thread it does nothing.
     *
     * <p>An answer written this way must carry {@code Connection: close} if its body is chunked: a cut can land
     * as the JDK writes the last chunk, and the JDK then forgets the connection only if it was to be closed.
     */
    Write write() {
        Task task = CURRENT.get();
        if (task == null || task.owner() != this) {
            return NO_WRITE;
        }
        task.startWrite(clock.getAsLong());
        return task::endWrite;
    }

    /** The end of a write marked by {@link #write()}. */
    interface Write extends AutoCloseable {
        /** @throws IOException if the write was cut for taking too long */
        @Override
        void close() throws IOException;
    }

    /** The filter that must run first on every context of the server. */
    Filter filter() {
        return new Filter() {
            @Override
            public void doFilter(HttpExchange ex, Chain chain) throws IOException {
                admit(ex, chain);
            }

            @Override
            public String description() {
                return "connection guard: request limits and connection caps";
            }
        };
    }

    private void admit(HttpExchange ex, Filter.Chain chain) throws IOException {
        Task task = CURRENT.get();
        if (task != null && !task.requestRead()) {
            // Cut a moment ago: throwing makes the JDK close the connection and forget it.
            throw new IOException("request cut: " + task.reason);
        }
        if (task != null) {
            leave(task);
        }
        RequestLimits.Refusal refusal = limits.request().check(ex.getRequestMethod(), ex.getRequestURI().toString(),
                ex.getProtocol(), ex.getRequestHeaders());
        if (refusal != null) {
            LOG.debug("refused a request from {}: {}", ex.getRemoteAddress(), refusal.message());
            refuse(ex, refusal.status(), refusal.message());
            return;
        }
        try {
            if (answering.incrementAndGet() > limits.maxConnections()) {
                ex.getResponseHeaders().set("Retry-After", "5");
                refuse(ex, 503, "Server busy: it answers at most " + limits.maxConnections()
                        + " connections at once. Try again in a few seconds.");
                return;
            }
            chain.doFilter(ex);
        } finally {
            answering.decrementAndGet();
        }
    }

    /** Answers with a plain message and closes the connection. */
    static void refuse(HttpExchange ex, int status, String message) throws IOException {
        try (ex) {
            ex.getResponseHeaders().set("Connection", "close");
            ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
            if (ex.getRequestMethod().equals("HEAD")) {
                ex.sendResponseHeaders(status, -1);
                return;
            }
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private void leave(Task task) {
        synchronized (lock) {
            pending.remove(task);
        }
    }

    /** Requests being read now. */
    int pending() {
        synchronized (lock) {
            return pending.size();
        }
    }

    /** Requests being answered now, streams included. */
    int answering() {
        return answering.get();
    }

    /** Requests cut so far, for taking too long or for being the oldest beyond the cap. */
    long cut() {
        return cut.get();
    }

    /** The pool that runs the exchanges, for shutting it down. */
    ExecutorService pool() {
        return pool;
    }

    /** Stops the timeout checks and waits for their thread to end; the pool is shut down by its owner. */
    void stopSweeping() throws InterruptedException {
        sweeper.shutdownNow();
        sweeper.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** One exchange of the JDK's server, as this guard tracks it. */
    private final class Task implements Runnable {
        private final Runnable exchange;
        private final long since;
        private final AtomicInteger state = new AtomicInteger(PENDING);
        private long writingSince = NOT_WRITING; // guarded by this
        private volatile String reason;
        private Thread thread; // guarded by this
        private boolean finished; // guarded by this

        Task(Runnable exchange, long since) {
            this.exchange = exchange;
            this.since = since;
        }

        boolean requestRead() {
            return state.compareAndSet(PENDING, ANSWERING);
        }

        void cut(String why) {
            if (!state.compareAndSet(PENDING, CUT)) {
                return; // already answering or cut
            }
            reason = why;
            cut.incrementAndGet();
            LOG.debug("cutting a request: {}", why);
            interruptIfRunning();
        }

        void interruptIfRunning() {
            // Why under this task's lock: the thread must still be running this task when it is interrupted, or
            // the interrupt would hit the next task the pooled thread picks up.
            synchronized (this) {
                if (thread != null && !finished) {
                    thread.interrupt();
                }
            }
        }

        synchronized void startWrite(long now) {
            writingSince = now;
        }

        void endWrite() throws IOException {
            boolean stalled;
            synchronized (this) {
                stalled = writingSince == STALLED;
                writingSince = NOT_WRITING;
            }
            if (stalled) {
                throw new IOException("the write was cut: the client had not read for "
                        + limits.writeTimeout().toSeconds() + " s");
            }
        }

        /** Why under this task's lock: a write that ends now must either be cut, or see that it was not. */
        synchronized boolean cutStalledWrite(long now) {
            if (writingSince == NOT_WRITING || writingSince == STALLED || now - writingSince < writeTimeoutNanos) {
                return false;
            }
            writingSince = STALLED;
            interruptIfRunning();
            return true;
        }

        ConnectionGuard owner() {
            return ConnectionGuard.this;
        }

        @Override
        public void run() {
            synchronized (this) {
                thread = Thread.currentThread();
            }
            if (state.get() == CUT) {
                // Cut while queued: the JDK's first read now fails and it closes the connection.
                Thread.currentThread().interrupt();
            }
            CURRENT.set(this);
            running.add(this);
            try {
                exchange.run();
            } finally {
                running.remove(this);
                CURRENT.remove();
                synchronized (this) {
                    finished = true;
                }
                leave(this);
                Thread.interrupted(); // a cut is over with its task; the pooled thread starts clean
            }
        }
    }
}
