package org.mjpegwall.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.util.RateMeter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds only the newest frame of one camera; any number of viewers wait for a newer one.
 *
 * <p>This is the relay's fan-out: the producer replaces the single slot and wakes the waiters, and each
 * viewer takes whatever is newest when it is ready, so a slow viewer simply skips frames. There is no
 * per-viewer queue and no per-viewer copy: all viewers share the same {@link Frame} (and the same
 * pre-built part header).
 *
 * <p>Concurrency: {@link #publish} and the waits synchronize on one monitor, held only to swap the slot and
 * to wait, never during I/O. Listeners run on the thread that changed the viewer count, outside the monitor.
 */
public final class FrameHub {
    private static final Logger LOG = LoggerFactory.getLogger(FrameHub.class);
    /** The rate window: the same as the camera client's, so the hub's and the upstream's fps agree on a page. */
    private static final long RATE_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** No rate before this much time after the first frame: a frame or two alone make a wild figure. */
    private static final long FIRST_RATE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final Object lock = new Object();
    private volatile Entry latest; // written under lock
    private long wakeups; // guarded by lock; bumped to release waiters without a new frame
    private final CopyOnWriteArrayList<Viewer> viewers = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<ViewerListener> listeners = new CopyOnWriteArrayList<>();
    private final LongSupplier clock;
    private final RateMeter publishRate = new RateMeter(RATE_WINDOW_NANOS);
    private final AtomicLong published = new AtomicLong();

    public FrameHub() {
        this(System::nanoTime);
    }

    /**
     * @param clock the monotonic nanosecond time of the frame rates; tests pass fake time. (The waits of
     *     {@link #awaitNewer} stay on real time: a monitor waits in real time, whatever a clock says.)
     */
    FrameHub(LongSupplier clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Told when viewers come and go, for example to open an upstream camera only while someone watches. */
    public interface ViewerListener {
        /** The number of stream viewers changed to {@code viewers}. Must not block. */
        void viewersChanged(int viewers);

        /** Someone asked for a snapshot; an idle upstream may want to connect briefly. Must not block. */
        default void snapshotRequested() {
        }
    }

    /** One viewer's delivery figures. */
    public record ViewerInfo(String remote, Instant since, long frames, double fps) {
    }

    /** A frame with its multipart header, built once per frame and shared by all viewers. */
    record Entry(Frame frame, byte[] partHeader) {
    }

    /** Replaces the newest frame and wakes every waiting viewer. Never blocks on viewers. */
    public void publish(Frame frame) {
        Objects.requireNonNull(frame, "frame");
        Entry entry = new Entry(frame, Multipart.partHeader(frame.size()));
        synchronized (lock) {
            latest = entry;
            lock.notifyAll();
        }
        published.incrementAndGet();
        publishRate.recordFrame(clock.getAsLong());
    }

    /** The newest frame, or {@code null} before the first. Never blocks. */
    public Frame latest() {
        Entry e = latest;
        return e == null ? null : e.frame();
    }

    /**
     * Waits until the newest frame is not {@code previous} (compared by identity) and returns it.
     *
     * @param previous the frame the caller already has, or {@code null}
     * @return the newest frame, or {@code null} if none newer arrived before the timeout
     */
    public Frame awaitNewer(Frame previous, long timeout, TimeUnit unit) throws InterruptedException {
        Entry e = awaitNewerEntry(previous, timeout, unit);
        return e == null ? null : e.frame();
    }

    Entry awaitNewerEntry(Frame previous, long timeout, TimeUnit unit) throws InterruptedException {
        Entry e = latest;
        if (e != null && e.frame() != previous) {
            return e;
        }
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (lock) {
            long wakeupsAtStart = wakeups;
            while (true) {
                e = latest;
                if (e != null && e.frame() != previous) {
                    return e;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || wakeups != wakeupsAtStart) {
                    return null;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
        }
    }

    /** Forgets the newest frame (an upstream closed), so no one is handed a stale picture as if it were live. */
    void clear() {
        synchronized (lock) {
            latest = null;
        }
    }

    /** Releases every waiter now (they see a timeout), so a closing server's viewers notice at once. */
    void wakeAll() {
        synchronized (lock) {
            wakeups++;
            lock.notifyAll();
        }
    }

    /** Number of stream viewers attached now. */
    public int viewers() {
        return viewers.size();
    }

    /** Frames published so far. */
    public long published() {
        return published.get();
    }

    /** Frames published per second over about the last two seconds; 0 once frames stopped for that long. */
    public double fps() {
        return publishRate.fps(clock.getAsLong(), FIRST_RATE_NANOS);
    }

    /** Each attached viewer's figures, oldest first. */
    public List<ViewerInfo> viewerInfos() {
        List<ViewerInfo> out = new ArrayList<>();
        for (Viewer v : viewers) {
            out.add(v.info());
        }
        return out;
    }

    /** Adds a listener; close the returned handle to remove it. */
    public AutoCloseable addViewerListener(ViewerListener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Registers a viewer; closing the handle unregisters it. */
    Viewer attach(String remote) {
        Viewer v = new Viewer(remote);
        viewers.add(v);
        fireViewersChanged();
        return v;
    }

    void snapshotRequested() {
        for (ViewerListener l : listeners) {
            try {
                l.snapshotRequested();
            } catch (RuntimeException ex) {
                LOG.warn("viewer listener failed", ex);
            }
        }
    }

    private void fireViewersChanged() {
        int n = viewers.size();
        for (ViewerListener l : listeners) {
            try {
                l.viewersChanged(n);
            } catch (RuntimeException ex) {
                LOG.warn("viewer listener failed", ex);
            }
        }
    }

    /** An attached viewer; only its own serving thread marks deliveries. */
    final class Viewer implements AutoCloseable {
        private final String remote;
        private final Instant since = Instant.now();
        private final AtomicLong frames = new AtomicLong();
        private final RateMeter rate = new RateMeter(RATE_WINDOW_NANOS);
        private boolean closed;

        private Viewer(String remote) {
            this.remote = remote;
        }

        void delivered() {
            frames.incrementAndGet();
            rate.recordFrame(clock.getAsLong());
        }

        ViewerInfo info() {
            return new ViewerInfo(remote, since, frames.get(), rate.fps(clock.getAsLong(), FIRST_RATE_NANOS));
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                viewers.remove(this);
                fireViewersChanged();
            }
        }
    }
}
