package org.mjpegwall.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.mjpegwall.frame.CameraFeed;
import org.mjpegwall.frame.SourceStats;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.source.MjpegClient;
import org.mjpegwall.util.HttpUrls;
import org.mjpegwall.util.Locks;
import org.mjpegwall.util.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays one upstream camera into a {@link FrameHub}: one upstream connection for any number of viewers.
 *
 * <p>Lazy by default: the upstream opens when the first viewer arrives (or a snapshot is asked for) and closes
 * {@code linger} after the last viewer leaves, so a camera that allows few connections is used only while
 * someone watches. Lifecycle: IDLE → OPENING → OPEN (viewers) → LINGERING (no viewers, close scheduled) → IDLE …;
 * {@link #close()} → CLOSED from any state.
 *
 * <p>Concurrency: the state lives under {@code lock}, but opening an upstream (its frame buffers, its thread) and
 * closing one happen outside it: OPENING marks an open in flight, so a second viewer neither opens another
 * upstream nor waits, and a {@link #close()} during OPENING waits for the opener, which closes what it opened.
 *
 * <pre>{@code
 * try (MjpegRelay relay = MjpegRelay.forCamera(URI.create("http://camera/video.mjpg"), "admin", "secret").start();
 *      MjpegServer server = MjpegServer.builder().port(8080).build()) {
 *     server.addCamera("1", "Camera", relay.hub(), relay::status);
 *     server.start();
 * }
 * }</pre>
 */
public final class MjpegRelay implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MjpegRelay.class);
    private static final int BUFFER_LENGTH = 4 * 1024 * 1024;
    private static final int BUFFER_COUNT = 4;
    private static final long CLOSE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** A running upstream connection that publishes every frame it receives. */
    public interface Upstream extends AutoCloseable {
        /** Its state for {@code /status}; never contains credentials. */
        UpstreamStatus status();

        @Override
        void close();
    }

    /** Opens an upstream that hands each frame to {@code sink}. Must not block for long. */
    @FunctionalInterface
    public interface UpstreamFactory {
        Upstream open(Consumer<Frame> sink);
    }

    private enum State { IDLE, OPENING, OPEN, LINGERING, CLOSED }

    private final FrameHub hub = new FrameHub();
    private final UpstreamFactory factory;
    private final String source;
    private final Duration linger;
    private final boolean lazy;
    private final ScheduledExecutorService scheduler;
    private final Object lock = new Object();
    private State state = State.IDLE; // guarded by lock
    private Upstream upstream; // guarded by lock
    private ScheduledFuture<?> pendingClose; // guarded by lock
    /** An opener runs outside the lock; close() waits for it. */
    private boolean openInFlight; // guarded by lock
    private AutoCloseable listenerRegistration;

    /**
     * @param source how to show the upstream in status pages and logs (no credentials)
     * @param linger how long the upstream stays open after the last viewer leaves
     * @param lazy {@code false} keeps the upstream open from {@link #start()} to {@link #close()}
     */
    public MjpegRelay(UpstreamFactory factory, String source, Duration linger, boolean lazy) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.source = Objects.requireNonNull(source, "source");
        this.linger = Objects.requireNonNull(linger, "linger");
        this.lazy = lazy;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "relay-linger");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * A lazy relay of an MJPEG camera read with {@link MjpegClient}, lingering 5 s. Credentials may come in the
     * arguments or as user info in the URL; either way they go to the client only, never to pages or logs.
     *
     * @param user user name, or {@code null}
     * @param password password, or {@code null}
     * @throws IllegalArgumentException if the URL is not an http(s) URL with a host
     */
    public static MjpegRelay forCamera(URI camera, String user, String password) {
        return forCamera(camera, user, password, Duration.ofSeconds(5));
    }

    public static MjpegRelay forCamera(URI camera, String user, String password, Duration linger) {
        Objects.requireNonNull(camera, "camera");
        if (HttpUrls.problem(camera) != null) {
            throw new IllegalArgumentException("not an http:// or https:// camera URL: " + Secrets.redact(camera));
        }
        String u = user;
        String p = password;
        Secrets.Login login = Secrets.login(camera);
        if (login != null && u == null) {
            // The same parser as the client's: a '+' in the password stays a '+'.
            u = login.user();
            p = login.password();
        }
        URI withoutUserInfo = stripUserInfo(camera);
        String shown = Secrets.redact(camera);
        String finalUser = u;
        String finalPassword = p;
        UpstreamFactory factory = sink -> {
            MjpegClient.Builder b = MjpegClient.builder(withoutUserInfo).threadName("relay-client");
            if (finalUser != null) {
                b.credentials(finalUser, finalPassword == null ? "" : finalPassword);
            }
            CameraFeed feed = new CameraFeed(b.build(), BUFFER_LENGTH, BUFFER_COUNT);
            AutoCloseable subscription = feed.subscribe(sink);
            feed.start();
            return new Upstream() {
                @Override
                public UpstreamStatus status() {
                    SourceStats s = feed.stats();
                    return new UpstreamStatus(shown, s.state().name(), Math.round(s.fps() * 10) / 10.0, s.lastError());
                }

                @Override
                public void close() {
                    try {
                        subscription.close();
                    } catch (Exception ex) {
                        LOG.debug("unsubscribing failed", ex);
                    }
                    feed.close();
                }
            };
        };
        return new MjpegRelay(factory, shown, linger, true);
    }

    /** The hub the upstream publishes into; serve it with {@link MjpegServer#addCamera}. */
    public FrameHub hub() {
        return hub;
    }

    /** Starts listening for viewers (and opens the upstream at once if not lazy). Returns this. */
    public MjpegRelay start() {
        listenerRegistration = hub.addViewerListener(new FrameHub.ViewerListener() {
            @Override
            public void viewersChanged(int viewers) {
                onViewers(viewers);
            }

            @Override
            public void snapshotRequested() {
                onSnapshot();
            }
        });
        if (!lazy) {
            boolean open;
            synchronized (lock) {
                open = beginOpenLocked();
            }
            if (open) {
                openUpstream();
            }
        }
        return this;
    }

    /** Whether the upstream connection is open now. */
    public boolean upstreamOpen() {
        synchronized (lock) {
            return upstream != null;
        }
    }

    /** For {@code /status}: the upstream's state, CONNECTING while it opens, or IDLE while no one watches. */
    public UpstreamStatus status() {
        Upstream u;
        State s;
        synchronized (lock) {
            u = upstream;
            s = state;
        }
        if (u == null) {
            String shown = switch (s) {
                case CLOSED -> "CLOSED";
                case OPENING -> "CONNECTING";
                default -> "IDLE";
            };
            return new UpstreamStatus(source, shown, 0, null);
        }
        return u.status();
    }

    private void onViewers(int viewers) {
        boolean open = false;
        synchronized (lock) {
            if (state == State.CLOSED) {
                return;
            }
            if (viewers > 0) {
                cancelPendingCloseLocked();
                open = beginOpenLocked();
            } else if (lazy && upstream != null) {
                scheduleCloseLocked();
            }
        }
        if (open) {
            openUpstream();
        }
    }

    private void onSnapshot() {
        boolean open;
        synchronized (lock) {
            open = beginOpenLocked(); // an opened upstream nobody watches lingers, then closes
        }
        if (open) {
            openUpstream();
        }
    }

    /** Claims the open: true if this caller must now call {@link #openUpstream()}, outside the lock. */
    private boolean beginOpenLocked() {
        Locks.assertHeld(lock);
        if (state != State.IDLE) {
            return false;
        }
        state = State.OPENING;
        openInFlight = true;
        return true;
    }

    /** Opens the upstream (buffers, a thread) outside the lock, then publishes it, or closes it if closed meanwhile. */
    private void openUpstream() {
        Locks.assertNotHeld(lock);
        LOG.info("opening upstream {}", source);
        Upstream opened = null;
        boolean kept = false;
        try {
            opened = factory.open(hub::publish);
            synchronized (lock) {
                kept = state == State.OPENING;
                if (kept) {
                    upstream = opened;
                    state = State.OPEN;
                    if (lazy && hub.viewers() == 0) {
                        scheduleCloseLocked(); // the viewers left (or only a snapshot was asked for) meanwhile
                    }
                }
            }
        } finally {
            if (!kept) {
                closeQuietly(opened); // closed while opening, or the factory failed (opened is null then)
            }
            synchronized (lock) {
                openInFlight = false;
                if (state == State.OPENING) {
                    state = State.IDLE; // the factory failed; the next viewer tries again
                }
                lock.notifyAll();
            }
        }
    }

    private void scheduleCloseLocked() {
        Locks.assertHeld(lock);
        cancelPendingCloseLocked();
        state = State.LINGERING;
        pendingClose = scheduler.schedule(this::closeIfStillUnwatched, linger.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancelPendingCloseLocked() {
        Locks.assertHeld(lock);
        if (pendingClose != null) {
            pendingClose.cancel(false);
            pendingClose = null;
        }
        if (state == State.LINGERING) {
            state = State.OPEN;
        }
    }

    private void closeIfStillUnwatched() {
        Upstream toClose;
        synchronized (lock) {
            if (state != State.LINGERING || hub.viewers() > 0) {
                return;
            }
            toClose = upstream;
            upstream = null;
            pendingClose = null;
            state = State.IDLE;
            hub.clear();
        }
        LOG.info("closing upstream {}: no viewers for {} s", source, linger.toSeconds());
        closeQuietly(toClose);
    }

    /**
     * Closes the upstream and stops listening; the hub keeps its viewers (close the server for them). An open in
     * flight is waited for (up to 5 s): its opener closes what it opened.
     */
    @Override
    public void close() {
        Upstream toClose;
        synchronized (lock) {
            if (state == State.CLOSED) {
                return;
            }
            cancelPendingCloseLocked();
            state = State.CLOSED;
            toClose = upstream;
            upstream = null;
            long deadline = System.nanoTime() + CLOSE_WAIT_NANOS;
            try {
                for (long left = CLOSE_WAIT_NANOS; openInFlight && left > 0; left = deadline - System.nanoTime()) {
                    TimeUnit.NANOSECONDS.timedWait(lock, left); // releases the lock, so the opener can finish
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        if (listenerRegistration != null) {
            try {
                listenerRegistration.close();
            } catch (Exception ignored) {
                // removing from a list cannot fail
            }
        }
        closeQuietly(toClose);
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Upstream u) {
        if (u == null) {
            return;
        }
        try {
            u.close();
        } catch (RuntimeException ex) {
            LOG.warn("closing the upstream failed: {}", ex.toString());
        }
    }

    private static URI stripUserInfo(URI uri) {
        // Why from raw parts: the multi-argument URI constructors re-encode, which could change a camera's query.
        StringBuilder b = new StringBuilder(uri.getScheme()).append("://").append(uri.getHost());
        if (uri.getPort() >= 0) {
            b.append(':').append(uri.getPort());
        }
        if (uri.getRawPath() != null) {
            b.append(uri.getRawPath());
        }
        if (uri.getRawQuery() != null) {
            b.append('?').append(uri.getRawQuery());
        }
        try {
            return new URI(b.toString());
        } catch (URISyntaxException ex) {
            throw new IllegalArgumentException("bad camera URL: " + Secrets.redact(uri));
        }
    }
}
