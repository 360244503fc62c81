package org.mjpegwall.ui.render;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.ZoneId;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.mjpegwall.frame.FrameBuffer;
import org.mjpegwall.ui.model.CameraModel;
import org.mjpegwall.ui.model.CameraStream;
import org.mjpegwall.util.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wall's only frame loop. On every pulse it shows each visible tile's finished decode and takes the tile's
 * newest frame (older ones already went back to the pool undecoded) to be decoded at the size drawn, on the decode
 * pool, so 16 decodes never pile up in one pulse; a frame that arrives between pulses starts its decode at once
 * (a wake-up), and a decode that waited in the pool for a worker takes the newest frame again when it starts, so
 * an overloaded wall shows late frames rather than old ones. Invisible tiles are never decoded. A few times a
 * second it refreshes every camera's status and stats text.
 *
 * <p>Why "synced": a tile double-buffered over {@code PixelBuffer}s must not write the buffer that just left the
 * screen until JavaFX has synchronised the scene to its render thread (which may still be uploading that buffer
 * for the frame it draws). That sync happens in each pulse after the animation timers (after the previous frame
 * was drawn), so a pulse that has ended has synced; {@link #synced()} counts them, and a frame that waits for its
 * buffer is retried right after the pulse.
 *
 * <p>Time comes from a {@link TimeSource}, the decode pool and the FX thread are executors, and
 * {@link #pulse()} is one pulse: tests drive it on fake time with executors that run at once, and count
 * exactly. {@link #start()} drives it from the JavaFX pulse.
 */
public final class Renderer {
    private static final Logger LOG = LoggerFactory.getLogger(Renderer.class);
    /** How often the cameras' statuses and stats are refreshed. */
    static final long REFRESH_NANOS = 250_000_000L;
    private static boolean firstFrameLogged;
    /** Asserted (tests run with -ea): the renderer, the decoders' bookkeeping and the cameras' counters are the FX thread's. */
    private static final String FX_ONLY = "the renderer runs on the FX thread only";

    /** A tile to fill: the camera, where its pictures go, its decoder, and whether to decode at full resolution. */
    public record Target(CameraModel camera, ImageSlot slot, FrameDecoder decoder, boolean fullResolution) {
    }

    private final Supplier<List<Target>> visibleTargets;
    private final Supplier<List<CameraModel>> allCameras;
    private final BooleanSupplier windowVisible;
    private final RenderMetrics metrics;
    private final Executor pool;
    private final Executor fxThread;
    private final TimeSource time;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulse();
        }
    };
    /** Wake-up subscriptions of the cameras followed (FX thread only). */
    private final Map<CameraModel, AutoCloseable> wakeUps = new IdentityHashMap<>();
    private final ListChangeListener<CameraModel> followList = c -> {
        while (c.next()) {
            c.getRemoved().forEach(this::unfollow);
            c.getAddedSubList().forEach(this::follow);
        }
    };
    private ObservableList<CameraModel> followed;
    // FX thread only:
    private boolean refreshed;
    private long lastRefresh;
    private long pulses;
    private boolean inPulse;
    private boolean retryPosted;
    private boolean stopped;

    /**
     * @param visibleTargets the tiles that can be seen now (asked on every pulse)
     * @param allCameras every camera, for the status refresh
     * @param windowVisible false while no window shows tiles (minimised): nothing is decoded then
     * @param pool decodes JPEGs off the FX thread
     * @param fxThread runs a frame's wake-up and the retry after a pulse on the FX thread ({@code Platform::runLater}, in
     *     batches)
     */
    public Renderer(Supplier<List<Target>> visibleTargets, Supplier<List<CameraModel>> allCameras,
            BooleanSupplier windowVisible, RenderMetrics metrics, Executor pool, Executor fxThread, TimeSource time) {
        this.visibleTargets = visibleTargets;
        this.allCameras = allCameras;
        this.windowVisible = windowVisible;
        this.metrics = metrics;
        this.pool = pool;
        this.fxThread = fxThread;
        this.time = time;
    }

    /** Pulses handled so far (FX thread); lets tests know time has passed on the wall. */
    public long pulses() {
        return pulses;
    }

    /** Runs a pulse on every frame JavaFX draws. */
    public void start() {
        stopped = false;
        timer.start();
    }

    /** Stops pulsing and waking, and drops the wake-up subscriptions. */
    public void stop() {
        stopped = true;
        timer.stop();
        if (followed != null) {
            followed.removeListener(followList);
            List.copyOf(wakeUps.keySet()).forEach(this::unfollow);
        }
    }

    /**
     * Wakes the renderer on every new frame of these cameras while they are in the list: a visible,
     * idle tile starts decoding at once instead of at the next pulse (saves up to a pulse of latency).
     */
    public void follow(ObservableList<CameraModel> cameras) {
        followed = cameras;
        cameras.forEach(this::follow);
        cameras.addListener(followList);
    }

    private void follow(CameraModel camera) {
        CameraStream source = camera.source();
        if (source == null || wakeUps.containsKey(camera)) {
            return;
        }
        // Frames come on the camera's thread; one wake-up at a time is queued on the FX thread.
        AtomicBoolean pending = new AtomicBoolean();
        wakeUps.put(camera, source.subscribe(f -> {
            if (pending.compareAndSet(false, true)) {
                fxThread.execute(() -> {
                    pending.set(false);
                    wake(camera);
                });
            }
        }));
    }

    private void unfollow(CameraModel camera) {
        AutoCloseable sub = wakeUps.remove(camera);
        if (sub != null) {
            try {
                sub.close();
            } catch (Exception e) {
                LOG.debug("unsubscribe", e);
            }
        }
    }

    /** Starts decoding a camera's new frame now, if its tile was visible in the last pulse and is idle (FX thread). */
    void wake(CameraModel camera) {
        assert Platform.isFxApplicationThread() : FX_ONLY;
        if (stopped || !windowVisible.getAsBoolean()) {
            return;
        }
        for (Target target : visibleTargets.get()) {
            if (target.camera() == camera && target.decoder().visibleIn(pulses) && !target.decoder().isBusy()) {
                render(target, metrics.enabled());
            }
        }
    }

    /** One pulse (FX thread): decode for the visible tiles, count what reached the screen, refresh statuses. */
    public void pulse() {
        assert Platform.isFxApplicationThread() : FX_ONLY;
        inPulse = true;
        try {
            pulseInside();
        } finally {
            inPulse = false;
        }
    }

    /** Pulses whose scene sync has surely happened: those that ended (FX thread). */
    private long synced() {
        return inPulse ? pulses - 1 : pulses;
    }

    private void pulseInside() {
        long t0 = time.nanoTime();
        pulses++;
        boolean measuring = metrics.enabled();
        if (windowVisible.getAsBoolean()) {
            List<Target> targets = visibleTargets.get();
            for (Target target : targets) {
                render(target, measuring);
            }
            // A frame counts as displayed when a pulse puts it on screen, not when it was decoded:
            // one replaced between two pulses was never seen.
            long shownAt = time.nanoTime();
            for (Target target : targets) {
                FrameDecoder d = target.decoder();
                if (d.hasShown()) {
                    long latency = shownAt - d.takeShown();
                    target.camera().noteDisplayed(shownAt, latency / 1e6);
                    if (measuring) {
                        metrics.latencyNanos(latency);
                    }
                    logFirstFrame();
                }
            }
        }
        if (!refreshed || t0 - lastRefresh >= REFRESH_NANOS) {
            refreshed = true;
            lastRefresh = t0;
            Instant now = time.instant();
            ZoneId zone = time.zone();
            for (CameraModel camera : allCameras.get()) {
                camera.refresh(now, t0, zone);
            }
        }
        if (measuring) {
            metrics.pulseNanos(time.nanoTime() - t0);
        }
    }

    /**
     * Shows a finished decode of the target, then starts the next one with the newest frame. Decoding
     * runs on the decode pool; the FX thread only swaps buffers. One decode per tile is in flight (until a pulse
     * has shown it), and frames that arrive meanwhile replace each other in the feed's slot (dropped undecoded,
     * counted stale).
     */
    private void render(Target target, boolean measuring) {
        assert Platform.isFxApplicationThread() : FX_ONLY;
        CameraModel camera = target.camera();
        FrameDecoder decoder = target.decoder();
        decoder.markVisible(pulses);
        FrameDecoder.Decoded done = decoder.poll();
        if (done != null) {
            show(target, done, measuring);
        }
        CameraStream source = camera.source();
        if (source == null || decoder.isBusy()) {
            return;
        }
        if (!decoder.writable(synced())) {
            retryAfterPulse(); // the buffer it would write may still be read by the render thread
            return;
        }
        int maxW = 0;
        int maxH = 0;
        int[] size = target.slot().drawnSize();
        if (!target.fullResolution()) {
            maxW = size[0];
            maxH = size[1];
            if (maxW < 1 || maxH < 1) {
                return; // not laid out yet: leave the frame in its slot for the next pulse
            }
        } else if (decoder.coversDrawnSizeAtFullResolution() && size[0] > 0 && size[1] > 0) {
            // The focus view: the DCT factor that covers the view, as sharp as the screen shows it.
            maxW = size[0];
            maxH = size[1];
        }
        FrameBuffer buffer = source.takeLatest();
        if (buffer == null) {
            return;
        }
        camera.noteDecodeStarted();
        decoder.startDecode();
        int w = maxW;
        int h = maxH;
        boolean exact = !target.fullResolution();
        try {
            pool.execute(() -> {
                long t0 = time.nanoTime();
                // When the pool is behind (more tiles than cores can decode), this task may have waited behind
                // other tiles' decodes while newer frames came: decode the newest, not the one taken at submit.
                FrameBuffer frame = buffer;
                FrameBuffer newer = source.takeLatest();
                if (newer != null) {
                    source.discard(frame);
                    frame = newer;
                }
                FrameDecoder.Decoded d;
                try {
                    d = decoder.decodePixels(frame.data(), frame.used(), w, h, frame.arrivalNanos(), exact);
                } catch (RuntimeException | OutOfMemoryError e) {
                    // Counted and skipped like a corrupt frame; above all the decoder must not stay busy,
                    // or the tile would freeze on its last image while its camera still streams.
                    LOG.debug("decode failed", e);
                    d = FrameDecoder.Decoded.failed(frame.arrivalNanos());
                } finally {
                    source.release(frame);
                }
                // The next pulse shows it. Why not hand it to the FX thread at once: the picture would reach the screen
                // at that same pulse's sync anyway, and the tile's next decode must wait for that sync too (its memory
                // is the one leaving the screen); a hand-off per frame only costs the FX thread a wake-up.
                decoder.complete(d.timed(time.nanoTime() - t0));
            });
        } catch (RejectedExecutionException closing) {
            decoder.cancelDecode();
            source.release(buffer);
            return;
        }
        FrameDecoder.Decoded ranAlready = decoder.poll(); // a pool that runs tasks on the caller (tests) is done now
        if (ranAlready != null) {
            show(target, ranAlready, measuring);
        }
    }

    /**
     * Tries the visible tiles again once the current pulse has ended (its scene sync done), for frames that
     * waited for their buffer; at most one retry is queued.
     */
    private void retryAfterPulse() {
        if (retryPosted || !inPulse) {
            return; // outside a pulse, the next pulse tries again anyway
        }
        retryPosted = true;
        fxThread.execute(() -> {
            retryPosted = false;
            if (stopped || inPulse || !windowVisible.getAsBoolean()) {
                return;
            }
            for (Target target : visibleTargets.get()) {
                if (target.decoder().visibleIn(pulses)) {
                    render(target, metrics.enabled());
                }
            }
        });
    }

    private void show(Target target, FrameDecoder.Decoded done, boolean measuring) {
        CameraModel camera = target.camera();
        FrameDecoder decoder = target.decoder();
        if (!decoder.apply(done, synced())) {
            // A corrupt frame is counted and skipped: the tile keeps its last good image.
            camera.noteCorrupt();
            return;
        }
        camera.noteSourceSize(decoder.sourceWidth(), decoder.sourceHeight());
        target.slot().show(decoder.image());
        decoder.noteShown(done.arrivalNanos());
        if (measuring) {
            metrics.decodeNanos(done.decodeNanos());
        }
    }

    /** Logs once how long after the JVM's start the first frame reached the screen (real time: startup is measured). */
    private static synchronized void logFirstFrame() {
        if (!firstFrameLogged) {
            firstFrameLogged = true;
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            LOG.info("first frame on screen after {} ms", ms);
        }
    }
}
