package org.mjpegwall.motion;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.mjpegwall.frame.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one camera for motion: takes its frames from a {@link FrameTap}, and analyses the newest
 * one at most {@code analysesPerSecond} times a second on a shared {@link AnalysisScheduler}, whether
 * or not anyone is looking at the camera.
 *
 * <pre>{@code
 * MotionPool pool = MotionPool.withDefaultSize();
 * MotionAnalyser a = MotionAnalyser.builder("cam-1", feed::subscribe, pool).name("Garage")
 *         .listener(eventLog).start();
 * ...
 * a.close();   // ends an open event
 * }</pre>
 *
 * <p>Threads: the frame listener runs on the camera's thread and only swaps the frame into a one-slot
 * holder (never blocks, never queues: a frame replaced before it was analysed is dropped and counted).
 * The first frame after an idle spell schedules one analysis, no earlier than a period after the
 * previous one; at most one is scheduled or running per camera. Analyses run under {@code lock},
 * which guards the detector, the decoder and the event being built; {@link #close} takes it too.
 */
public final class MotionAnalyser implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MotionAnalyser.class);

    private final String camera;
    private final String name;
    private final AnalysisScheduler scheduler;
    private final MotionListener listener;
    private final AtomicReference<Frame> newest = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AutoCloseable subscription;
    private volatile MotionSettings settings;
    private volatile boolean closed;
    private volatile long nextDueNanos;
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong analysed = new AtomicLong();
    private final AtomicLong decodeErrors = new AtomicLong();
    private volatile String lastError;
    private volatile MotionResult lastResult;
    private volatile MotionEvent openEvent;

    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by lock. */
    private final MotionDetector detector;
    /** Guarded by lock. */
    private final ThumbnailDecoder decoder;
    /** Guarded by lock. */
    private GreyImage thumb;
    /** Guarded by lock: the best motion frame while an event is being confirmed. */
    private Peak candidate;
    /** Guarded by lock: the open event's peaks and key frame. */
    private Peak peak;
    private double peakArea;
    private long eventStartNanos;
    private Instant eventStart;
    /** Guarded by lock: the newest analysed frame, to date the detector's times on the wall clock. */
    private Frame lastFrame;

    /** The best frame of an event so far. */
    private record Peak(double score, double area, List<Box> boxes, Frame frame) {
    }

    /** What an analyser has done so far. */
    public record Stats(long frames, long analysed, long skipped, long decodeErrors, String lastError) {
    }

    private MotionAnalyser(Builder b) {
        this.camera = b.camera;
        this.name = b.name;
        this.scheduler = b.scheduler;
        this.listener = b.listener;
        this.settings = b.settings;
        this.detector = new MotionDetector(b.settings);
        this.decoder = b.decoder;
        this.subscription = b.tap.subscribe(this::offer);
    }

    /**
     * @param camera the camera's stable id, as events name it
     * @param tap the camera's frames
     * @param scheduler usually the program's one {@link MotionPool}
     */
    public static Builder builder(String camera, FrameTap tap, AnalysisScheduler scheduler) {
        return new Builder(camera, tap, scheduler);
    }

    public String camera() {
        return camera;
    }

    public MotionSettings settings() {
        return settings;
    }

    /** The open event as of the last analysis, or {@code null}. */
    public MotionEvent openEvent() {
        return openEvent;
    }

    /** The last analysis, or {@code null} before the first. */
    public MotionResult lastResult() {
        return lastResult;
    }

    public Stats stats() {
        return new Stats(frames.get(), analysed.get(), skipped.get(), decodeErrors.get(), lastError);
    }

    /** New settings from the next analysis on; switching analysis off ends an open event at once. */
    public void update(MotionSettings newSettings) {
        settings = Objects.requireNonNull(newSettings, "settings");
        if (!newSettings.enabled()) {
            newest.set(null);
            runLater(() -> {
                lock.lock();
                try {
                    detector.update(newSettings);
                    MotionResult end = detector.finish(scheduler.nanoTime());
                    if (end != null) {
                        track(end, lastFrame);
                    }
                } finally {
                    lock.unlock();
                }
            }, 0);
        }
    }

    /** Stops taking frames and ends an open event (reported to the listener) before returning. */
    @Override
    public void close() {
        closed = true;
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.debug("camera {}: unsubscribing failed", camera, e);
        }
        newest.set(null);
        lock.lock();
        try {
            MotionResult end = detector.finish(scheduler.nanoTime());
            if (end != null) {
                track(end, lastFrame);
            }
        } finally {
            lock.unlock();
        }
        if (decoder instanceof AutoCloseable c) {
            lock.lock(); // an analysis still running on the pool holds the lock until it is done with the decoder
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("camera {}: closing the decoder failed", camera, e);
            } finally {
                lock.unlock();
            }
        }
    }

    /** The frame listener: on the camera's thread, for every frame; never blocks. */
    private void offer(Frame frame) {
        if (closed || !settings.enabled()) {
            return;
        }
        frames.incrementAndGet();
        if (newest.getAndSet(frame) != null) {
            skipped.incrementAndGet();
        }
        if (scheduled.compareAndSet(false, true)) {
            scheduleRun();
        }
    }

    private void scheduleRun() {
        if (!runLater(this::run, nextDueNanos - scheduler.nanoTime())) {
            scheduled.set(false);
        }
    }

    private boolean runLater(Runnable task, long delayNanos) {
        try {
            scheduler.schedule(task, Math.max(0, delayNanos));
            return true;
        } catch (RejectedExecutionException e) {
            LOG.debug("camera {}: analysis pool is shut down", camera);
            return false;
        }
    }

    private void run() {
        try {
            Frame frame = newest.getAndSet(null);
            if (frame == null || closed) {
                return;
            }
            MotionSettings s = settings;
            nextDueNanos = scheduler.nanoTime() + s.analysisPeriodNanos();
            lock.lock();
            try {
                if (!closed && s.enabled()) {
                    analyse(frame, s);
                }
            } finally {
                lock.unlock();
            }
        } catch (RuntimeException e) {
            LOG.warn("camera {}: motion analysis failed", camera, e);
        } finally {
            scheduled.set(false);
            if (!closed && newest.get() != null && scheduled.compareAndSet(false, true)) {
                scheduleRun(); // a frame came while this one was analysed
            }
        }
    }

    /** Guarded by lock. */
    private void analyse(Frame frame, MotionSettings s) {
        if (s != detector.settings()) {
            detector.update(s);
        }
        byte[] jpeg = frame.jpeg();
        try {
            thumb = decoder.decode(jpeg, 0, jpeg.length, thumb);
        } catch (IOException | RuntimeException e) {
            // RuntimeException too: a decoder bug on one odd frame must not stop the camera's analysis.
            String why = e instanceof IOException ? e.getMessage() : e.toString();
            if (decodeErrors.incrementAndGet() == 1) {
                LOG.warn("camera {}: cannot analyse a frame: {}", camera, why);
            } else {
                LOG.debug("camera {}: cannot analyse a frame: {}", camera, why);
            }
            lastError = why;
            return;
        }
        MotionResult r = detector.analyse(thumb, frame.arrivalNanos());
        analysed.incrementAndGet();
        lastResult = r;
        lastFrame = frame;
        track(r, frame);
        listener.analysed(camera, r);
    }

    /** Guarded by lock: builds the event from the detector's transitions and tells the listener. */
    private void track(MotionResult r, Frame frame) {
        switch (r.transition()) {
            case NONE -> {
                if (!r.motion()) {
                    candidate = null;
                } else if (candidate == null || r.score() > candidate.score()) {
                    candidate = new Peak(r.score(), r.area(), r.boxes(), frame);
                }
            }
            case START -> {
                peak = new Peak(r.score(), r.area(), r.boxes(), frame);
                peakArea = r.area();
                if (candidate != null) {
                    peakArea = Math.max(peakArea, candidate.area());
                    if (candidate.score() > peak.score()) {
                        peak = candidate;
                    }
                }
                candidate = null;
                eventStartNanos = r.eventStartNanos();
                eventStart = wallClock(r.eventStartNanos(), frame);
                MotionEvent e = event(null, 0);
                openEvent = e;
                listener.eventStarted(e);
            }
            case CONTINUE -> {
                if (r.motion()) {
                    peakArea = Math.max(peakArea, r.area());
                    if (r.score() > peak.score()) {
                        peak = new Peak(r.score(), r.area(), r.boxes(), frame);
                    }
                    openEvent = event(null, 0);
                }
            }
            case END -> {
                MotionEvent e = event(wallClock(r.eventEndNanos(), frame), r.eventEndNanos());
                openEvent = null;
                peak = null;
                listener.eventEnded(e);
            }
        }
    }

    private MotionEvent event(Instant end, long endNanos) {
        Box box = null;
        for (Box b : peak.boxes()) {
            box = box == null ? b : box.union(b);
        }
        return new MotionEvent(camera, name, eventStart, end, eventStartNanos, endNanos, peak.score(), peakArea, box,
                peak.frame());
    }

    /** The wall-clock time of a moment on the frames' monotonic clock, by way of a frame that has both. */
    private static Instant wallClock(long nanos, Frame frame) {
        return Instant.ofEpochMilli(frame.timestamp() - Math.floorDiv(frame.arrivalNanos() - nanos, 1_000_000L));
    }

    /** Options of a new analyser; {@link #start()} subscribes it to the camera. */
    public static final class Builder {
        private final String camera;
        private final FrameTap tap;
        private final AnalysisScheduler scheduler;
        private String name = "";
        private MotionSettings settings = MotionSettings.DEFAULTS;
        private ThumbnailDecoder decoder;
        private MotionListener listener = new MotionListener() {
        };

        private Builder(String camera, FrameTap tap, AnalysisScheduler scheduler) {
            this.camera = Objects.requireNonNull(camera, "camera");
            this.tap = Objects.requireNonNull(tap, "tap");
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        }

        /** The camera's name for people, carried in its events. */
        public Builder name(String value) {
            this.name = Objects.requireNonNull(value, "name");
            return this;
        }

        public Builder settings(MotionSettings value) {
            this.settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        /** The analyser's own decoder (not shared); default a new {@link DcThumbnailDecoder}. */
        public Builder decoder(ThumbnailDecoder value) {
            this.decoder = Objects.requireNonNull(value, "decoder");
            return this;
        }

        /** Called on the analysis thread; use {@link MotionListeners} for several. */
        public Builder listener(MotionListener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        public MotionAnalyser start() {
            if (decoder == null) {
                decoder = new DcThumbnailDecoder();
            }
            return new MotionAnalyser(this);
        }
    }
}
