package org.mjpegwall.ui;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Window;
import org.mjpegwall.frame.FrameBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wall's only frame loop. On every pulse it takes the newest frame of each visible tile (older
 * ones already went back to the pool undecoded), has it decoded at the size drawn (on the decode pool,
 * so 16 decodes never pile up in one pulse), copies finished pixels into the tile's reused image, and
 * returns the buffer. Invisible tiles are never decoded. A few times a second it refreshes
 * every tile's status and stats text.
 */
final class Renderer extends AnimationTimer {
    private static final Logger LOG = LoggerFactory.getLogger(Renderer.class);
    private static final long REFRESH_NANOS = 250_000_000L;
    private static boolean firstFrameLogged;

    /** A tile to fill: the camera, the tile, its decoder, and whether to decode at full resolution. */
    record Target(CameraModel camera, Tile tile, FrameDecoder decoder, boolean fullResolution) {
    }

    private final Supplier<List<Target>> visibleTargets;
    private final Supplier<List<CameraModel>> allCameras;
    private final BooleanSupplier windowVisible;
    private final RenderMetrics metrics;
    private final Executor pool;
    private long lastRefresh;
    private long pulses; // FX thread only
    private boolean running; // FX thread only

    Renderer(Supplier<List<Target>> visibleTargets, Supplier<List<CameraModel>> allCameras,
            BooleanSupplier windowVisible, RenderMetrics metrics, Executor pool) {
        this.pool = pool;
        this.visibleTargets = visibleTargets;
        this.allCameras = allCameras;
        this.windowVisible = windowVisible;
        this.metrics = metrics;
    }

    /**
     * Starts decoding a camera's new frame now instead of at the next pulse, if its tile is visible and
     * idle (FX thread). Called when a frame arrives; saves up to a pulse of latency.
     */
    void wake(CameraModel camera) {
        if (!running || !windowVisible.getAsBoolean()) {
            return;
        }
        for (Target target : visibleTargets.get()) {
            if (target.camera() == camera && target.decoder().visiblePulse == pulses && !target.decoder().busy) {
                render(target, metrics.enabled());
            }
        }
    }

    /** Pulses handled so far (FX thread); lets tests know time has passed on the wall. */
    long pulses() {
        return pulses;
    }

    @Override
    public void start() {
        running = true;
        super.start();
    }

    @Override
    public void stop() {
        running = false;
        super.stop();
    }

    @Override
    public void handle(long now) {
        long t0 = System.nanoTime();
        pulses++;
        boolean measuring = metrics.enabled();
        if (windowVisible.getAsBoolean()) {
            List<Target> targets = visibleTargets.get();
            for (Target target : targets) {
                render(target, measuring);
            }
            // A frame counts as displayed when a pulse puts it on screen, not when it was decoded:
            // one replaced between two pulses was never seen.
            long shownAt = System.nanoTime();
            for (Target target : targets) {
                FrameDecoder d = target.decoder();
                if (d.shownArrival != 0) {
                    long latency = shownAt - d.shownArrival;
                    d.shownArrival = 0;
                    target.camera().noteDisplayed(shownAt, latency / 1e6);
                    if (measuring) {
                        metrics.latencyNanos(latency);
                    }
                    logFirstFrame();
                }
            }
        }
        if (t0 - lastRefresh >= REFRESH_NANOS) {
            lastRefresh = t0;
            Instant wall = Instant.now();
            for (CameraModel camera : allCameras.get()) {
                camera.refresh(wall, t0);
            }
        }
        if (measuring) {
            metrics.pulseNanos(System.nanoTime() - t0);
        }
    }

    /**
     * Shows a finished decode of the target, then starts the next one with the newest frame. Decoding
     * runs on the decode pool; the FX thread only copies pixels. One decode per tile is in flight, and
     * frames that arrive meanwhile replace each other in the feed's slot (dropped undecoded, counted stale).
     */
    void render(Target target, boolean measuring) {
        CameraModel camera = target.camera();
        FrameDecoder decoder = target.decoder();
        decoder.visiblePulse = pulses;
        FrameDecoder.Decoded done = decoder.poll();
        if (done != null) {
            show(target, done, measuring);
        }
        FrameSource source = camera.source();
        if (source == null || decoder.busy) {
            return;
        }
        int maxW = 0;
        int maxH = 0;
        if (!target.fullResolution()) {
            double[] box = target.tile().imageBox();
            double scale = outputScale(target.tile());
            maxW = (int) Math.round(box[0] * scale);
            maxH = (int) Math.round(box[1] * scale);
            if (maxW < 1 || maxH < 1) {
                return; // not laid out yet: leave the frame in its slot for the next pulse
            }
        }
        FrameBuffer buffer = source.takeLatest();
        if (buffer == null) {
            return;
        }
        camera.decodes++;
        decoder.busy = true;
        int w = maxW;
        int h = maxH;
        try {
            pool.execute(() -> {
                FrameDecoder.Decoded d;
                try {
                    d = decoder.decodePixels(buffer.data(), buffer.used(), w, h, buffer.arrivalNanos());
                } catch (RuntimeException | OutOfMemoryError e) {
                    // Counted and skipped like a corrupt frame; above all the decoder must not stay busy,
                    // or the tile would freeze on its last image while its camera still streams.
                    LOG.debug("decode failed", e);
                    d = new FrameDecoder.Decoded(false, 0, 0, 0, 0, buffer.arrivalNanos(), 0);
                } finally {
                    source.release(buffer);
                }
                decoder.complete(d);
                // Show it and start on the next frame at once rather than at the next pulse: a
                // pulse's wait would otherwise let the next frame go stale at 30 fps.
                Platform.runLater(() -> {
                    if (running && decoder.visiblePulse == pulses && windowVisible.getAsBoolean()) {
                        render(target, metrics.enabled());
                    }
                });
            });
        } catch (RejectedExecutionException closing) {
            decoder.busy = false;
            source.release(buffer);
        }
    }

    private void show(Target target, FrameDecoder.Decoded done, boolean measuring) {
        CameraModel camera = target.camera();
        if (!target.decoder().apply(done)) {
            // A corrupt frame is counted and skipped: the tile keeps its last good image.
            camera.corrupt++;
            camera.corruptInARow++;
            return;
        }
        if (target.tile().getImage() != target.decoder().image()) {
            target.tile().setImage(target.decoder().image());
        }
        target.decoder().shownArrival = done.arrivalNanos();
        if (measuring) {
            metrics.decodeNanos(done.decodeNanos());
        }
    }

    private static double outputScale(Tile tile) {
        Window w = tile.getScene() == null ? null : tile.getScene().getWindow();
        return w == null ? 1.0 : Math.max(1.0, w.getOutputScaleX());
    }

    private static synchronized void logFirstFrame() {
        if (!firstFrameLogged) {
            firstFrameLogged = true;
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            LOG.info("first frame on screen after {} ms", ms);
        }
    }
}
