package org.mjpegwall.ui.render;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.TilePane;
import javafx.stage.Stage;
import org.mjpegwall.frame.decode.NearestFit;

/**
 * Measures the cheapest way to hand decoded BGRA pixels to JavaFX, for {@code bench-decode}: a window of tiles
 * whose pictures all change at a camera's rate, the pixels already decoded in direct buffers, handed over by
 * <ul>
 * <li>{@code WritableImage.setPixels} with {@code ByteBgraPre} (what the JavaFX fallback does), or with
 *     {@code IntArgbPre} ints over the same bytes, or</li>
 * <li>a {@link PixelBuffer} over the decoder's own memory, two per tile (double buffering, so the renderer never
 *     shows a half-written frame): {@code updateBuffer} marks the new one dirty and the view switches to it;
 *     as {@code ByteBgraPre} bytes, or as {@code IntArgbPre} ints over the same bytes (BGRA bytes are ARGB
 *     little-endian ints);</li>
 * <li>the same {@code IntArgbPre} buffers made at the size they are drawn at, so the scene graph draws them 1:1
 *     (what the wall's tiles do, see {@code frame.decode.NearestFit}) rather than scaling each frame.</li>
 * </ul>
 * The cost is the process's CPU, which includes the render thread's texture upload, above a baseline run where
 * nothing changes; the render thread's own CPU time is given apart (JavaFX's software pipeline draws on it alone).
 */
public final class HandoffBench {
    private HandoffBench() {
    }

    /** How the pixels are handed over. */
    public enum Mode {
        STILL("nothing changes (baseline)"),
        SET_PIXELS("WritableImage.setPixels, ByteBgraPre"),
        SET_PIXELS_INTS("WritableImage.setPixels, IntArgbPre"),
        PIXEL_BUFFER_BYTES("PixelBuffer<ByteBuffer> ByteBgraPre, double-buffered"),
        PIXEL_BUFFER_INTS("PixelBuffer<IntBuffer> IntArgbPre, double-buffered"),
        PIXEL_BUFFER_INTS_DRAWN_SIZE("the same, made at the size drawn (drawn 1:1, not scaled)");

        private final String description;

        Mode(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /**
     * One run's figures.
     *
     * @param updatesPerSecond tile pictures replaced per second (all tiles at {@code fps})
     * @param fxMsPerUpdate FX-thread time per replaced picture
     * @param cpuCores the whole process's CPU over the run, in cores
     * @param renderCores the render thread's CPU over the run, in cores
     */
    public record Result(Mode mode, int tiles, int width, int height, double updatesPerSecond, double fxMsPerUpdate,
            double cpuCores, double renderCores) {
    }

    /**
     * Runs each mode for {@code seconds} after a warm-up, {@code rounds} times in alternating order.
     *
     * @throws IllegalStateException if there is no display (JavaFX cannot start)
     */
    public static List<Result> run(int tiles, int width, int height, int fps, int seconds, int rounds,
            int windowWidth, int windowHeight) throws Exception {
        FxThread.startToolkit();
        List<Result> results = new ArrayList<>();
        Mode[] modes = Mode.values();
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < modes.length; i++) {
                Mode m = modes[r % 2 == 0 ? i : modes.length - 1 - i];
                results.add(runOne(m, tiles, width, height, fps, seconds, windowWidth, windowHeight));
            }
        }
        return results;
    }

    private static Result runOne(Mode mode, int tiles, int w, int h, int fps, int seconds, int windowWidth,
            int windowHeight) throws Exception {
        Rig rig = FxThread.onFx(() -> new Rig(mode, tiles, w, h, fps, windowWidth, windowHeight));
        try {
            Thread.sleep(Math.min(2000, seconds * 1000L)); // warm-up: first textures, JIT
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long[] before = FxThread.onFx(rig::counters);
            long render0 = renderThreadCpuNanos();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            long[] after = FxThread.onFx(rig::counters);
            long cpu1 = os.getProcessCpuTime();
            long render1 = renderThreadCpuNanos();
            double secs = (System.nanoTime() - t0) / 1e9;
            long updates = after[0] - before[0];
            long fxNanos = after[1] - before[1];
            return new Result(mode, tiles, w, h, round(updates / secs),
                    updates == 0 ? 0 : round(fxNanos / 1e6 / updates * 1000) / 1000, round((cpu1 - cpu0) / 1e9 / secs),
                    round((render1 - render0) / 1e9 / secs));
        } finally {
            FxThread.onFx(() -> {
                rig.close();
                return null;
            });
        }
    }

    /** CPU time of JavaFX's render thread(s) so far. */
    private static long renderThreadCpuNanos() {
        var threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("QuantumRenderer")) {
                sum += Math.max(0, threads.getThreadCpuTime(t.getId()));
            }
        }
        return sum;
    }

    /** The window and its tiles; FX thread only. */
    private static final class Rig extends AnimationTimer {
        private final Mode mode;
        private final Stage stage = new Stage();
        private final long intervalNanos;
        private final int w;
        private final int h;
        private final ImageView[] views;
        private final ByteBuffer[][] memory;
        private final IntBuffer[][] ints;
        private final WritableImage[][] images;
        private final PixelBuffer<?>[][] buffers;
        private long updates;
        private long fxNanos;
        private long next;
        private int turn;

        Rig(Mode mode, int tiles, int sourceW, int sourceH, int fps, int windowWidth, int windowHeight) {
            this.mode = mode;
            this.intervalNanos = 1_000_000_000L / fps;
            int columns = (int) Math.ceil(Math.sqrt(tiles));
            int rows = (tiles + columns - 1) / columns;
            int[] drawn = NearestFit.fitted(sourceW, sourceH, windowWidth / columns, windowHeight / rows);
            boolean drawnSize = mode == Mode.PIXEL_BUFFER_INTS_DRAWN_SIZE;
            this.w = drawnSize ? drawn[0] : sourceW;
            this.h = drawnSize ? drawn[1] : sourceH;
            TilePane pane = new TilePane();
            pane.setPrefColumns(columns);
            views = new ImageView[tiles];
            memory = new ByteBuffer[tiles][2];
            ints = new IntBuffer[tiles][2];
            images = new WritableImage[tiles][2];
            buffers = new PixelBuffer<?>[tiles][2];
            for (int t = 0; t < tiles; t++) {
                for (int k = 0; k < 2; k++) {
                    memory[t][k] = picture(w, h, t * 2 + k);
                    ints[t][k] = memory[t][k].duplicate().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
                    if (mode == Mode.PIXEL_BUFFER_BYTES) {
                        PixelBuffer<ByteBuffer> pb = new PixelBuffer<>(w, h, memory[t][k],
                                PixelFormat.getByteBgraPreInstance());
                        buffers[t][k] = pb;
                        images[t][k] = new WritableImage(pb);
                    } else if (mode == Mode.PIXEL_BUFFER_INTS || drawnSize) {
                        PixelBuffer<IntBuffer> pb = new PixelBuffer<>(w, h, ints[t][k],
                                PixelFormat.getIntArgbPreInstance());
                        buffers[t][k] = pb;
                        images[t][k] = new WritableImage(pb);
                    } else if (k == 0) {
                        images[t][0] = new WritableImage(w, h);
                        images[t][0].getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getByteBgraPreInstance(),
                                memory[t][0], w * 4);
                    }
                }
                ImageView v = new ImageView(images[t][0]);
                v.setFitWidth(drawn[0]); // the wall's tiles snap the drawn size to whole pixels too
                v.setFitHeight(drawn[1]);
                views[t] = v;
                pane.getChildren().add(v);
            }
            stage.setTitle("bench-decode: " + mode.description());
            stage.setScene(new Scene(pane, windowWidth, windowHeight));
            stage.setX(0);
            stage.setY(0);
            stage.show();
            start();
        }

        @Override
        public void handle(long now) {
            if (mode == Mode.STILL || now < next) {
                return;
            }
            next = Math.max(next + intervalNanos, now - intervalNanos);
            long t0 = System.nanoTime();
            turn ^= 1;
            for (int t = 0; t < views.length; t++) {
                if (mode == Mode.SET_PIXELS) {
                    images[t][0].getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getByteBgraPreInstance(),
                            memory[t][turn], w * 4);
                } else if (mode == Mode.SET_PIXELS_INTS) {
                    images[t][0].getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(),
                            ints[t][turn], w);
                } else {
                    buffers[t][turn].updateBuffer(b -> null);
                    views[t].setImage(images[t][turn]);
                }
                updates++;
            }
            fxNanos += System.nanoTime() - t0;
        }

        long[] counters() {
            return new long[] {updates, fxNanos};
        }

        void close() {
            stop();
            stage.close();
        }
    }

    /** An opaque picture of diagonal bands; {@code seed} shifts them, so the two buffers of a tile differ. */
    private static ByteBuffer picture(int w, int h, int seed) {
        ByteBuffer b = ByteBuffer.allocateDirect(w * h * 4);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = (x + y + seed * 17) & 0xFF;
                b.put((byte) v).put((byte) (255 - v)).put((byte) (v / 2)).put((byte) 0xFF);
            }
        }
        return b.clear();
    }

    /** Ends the JavaFX toolkit started by {@link #run}. */
    public static void exit() {
        Platform.exit();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
