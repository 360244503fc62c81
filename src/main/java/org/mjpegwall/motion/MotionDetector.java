package org.mjpegwall.motion;

import java.util.List;
import java.util.Objects;

/**
 * Motion in a camera's thumbnails, frame by frame: a pure function of the pictures, their times and a
 * little state. No threads, no clock, no I/O; the caller passes each frame's time. Not thread-safe.
 *
 * <p>Each frame, after what Motion, Frigate and ZoneMinder have learned:
 * <ol>
 * <li>Exposure: the frame's overall brightness against the background is estimated as the median
 *     ratio of frame to background over the unmasked pixels (robust to anything moving in less than
 *     half the picture), and the background is scaled by it, so auto-exposure and slow light changes
 *     are not motion.</li>
 * <li>Difference: a pixel changed if it differs from the scaled background by more than the
 *     sensitivity's threshold. Pixels are 8×8 block means, which already averages sensor noise away;
 *     thumbnails wider than {@value #MAX_WIDTH} (pictures wider than 1280) are first averaged down by a
 *     whole factor, as Frigate works at about 100 rows: finer adds cost, not detection.</li>
 * <li>Despeckle: a changed pixel counts only if at least two of its eight neighbours changed too,
 *     which removes JPEG block flicker and single noisy blocks.</li>
 * <li>Whole-picture changes (a light switched, IR mode, an exposure jump the ratio cannot follow):
 *     when more than {@value #LIGHTING_AREA} of the picture changed, with or without the exposure
 *     correction (a lamp lighting the room unevenly defeats the correction but not the plain
 *     difference), or the exposure moved more than {@value #MAX_GAIN}×, the background is learned
 *     afresh for {@value #LEARN_SECONDS} s instead of reporting motion.</li>
 * <li>Area: a frame is motion when the changed fraction reaches the minimum area.</li>
 * <li>Events: {@code confirmFrames} motion frames in a row open an event (dated from the first of
 *     them); it ends when no motion was seen for the event gap (dated at the last motion frame).</li>
 * <li>Background: a running average with a {@value #BACKGROUND_SECONDS} s time constant (by frame
 *     time, so the analysis rate does not change it), four times slower where motion is, so a passing
 *     object leaves no ghost. A change that has stood still for {@value #ABSORB_SECONDS} s (a parked
 *     car, a lamp lighting a corner, a moved chair) is taken into the background at once, so it
 *     ends its event instead of keeping it open.</li>
 * </ol>
 */
public final class MotionDetector {
    /** Changed fraction of the picture above which a change is taken as lighting, not motion. */
    public static final double LIGHTING_AREA = 0.6;
    /** Exposure ratio beyond which the background is learned afresh. */
    public static final double MAX_GAIN = 1.6;
    public static final double LEARN_SECONDS = 1.0;
    public static final double BACKGROUND_SECONDS = 4.0;
    /** A changed pixel that stays the same this long becomes background. */
    public static final double ABSORB_SECONDS = 2.0;
    /** A longer pause between frames (a camera that was away) starts the background afresh. */
    public static final double MAX_PAUSE_SECONDS = 10.0;
    public static final int MAX_BOXES = 8;

    /** Thumbnails wider than this are averaged down by a whole factor first (1080p: 240 → 120 across). */
    public static final int MAX_WIDTH = 160;

    private static final int RATIO_BINS = 512;
    private static final int RATIO_STEPS_PER_OCTAVE = 64;
    /** 64·log2(v + ½) for each grey level, so the exposure estimate needs no logarithm per pixel. */
    private static final int[] LOG2 = log2Table();

    private MotionSettings settings;
    private final Regions regions = new Regions();
    private GreyImage reduced;

    // Per picture size; rebuilt when the size or the masks change.
    private int width;
    private int height;
    private float[] background;
    private boolean[] masked;
    private int unmasked;
    private boolean[] changed;
    private boolean[] kept;
    private byte[] previous;
    private float[] stillSeconds;
    private final int[] ratioHistogram = new int[RATIO_BINS];

    private long lastNanos;
    private long learnUntilNanos;
    private boolean active;
    private int candidates;
    private long candidateStartNanos;
    private long eventStartNanos;
    private long lastMotionNanos;

    public MotionDetector(MotionSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public MotionSettings settings() {
        return settings;
    }

    /** New settings from the next frame on; new masks take effect at once, the background is kept. */
    public void update(MotionSettings newSettings) {
        Objects.requireNonNull(newSettings, "settings");
        boolean masksChanged = !newSettings.masks().equals(settings.masks());
        settings = newSettings;
        if (masksChanged && background != null) {
            rasteriseMasks();
        }
    }

    /** True while an event is open. */
    public boolean eventOpen() {
        return active;
    }

    /**
     * Analyses one frame's thumbnail.
     *
     * @param thumbnail the frame's thumbnail (not kept)
     * @param timeNanos the frame's time on a monotonic clock; earlier than the previous frame's, or
     *     more than {@value #MAX_PAUSE_SECONDS} s later, starts the background afresh
     */
    public MotionResult analyse(GreyImage thumbnail, long timeNanos) {
        Objects.requireNonNull(thumbnail, "thumbnail");
        GreyImage image = thumbnail.width() > MAX_WIDTH ? reduce(thumbnail) : thumbnail;
        if (!settings.enabled()) {
            return active ? end(timeNanos) : quiet(timeNanos, false, false);
        }
        long dt = timeNanos - lastNanos;
        boolean fresh = background == null || image.width() != width || image.height() != height
                || dt < 0 || dt > MAX_PAUSE_SECONDS * 1e9;
        lastNanos = timeNanos;
        if (fresh) {
            start(image, timeNanos);
            return afterStill(timeNanos, true, false);
        }
        if (timeNanos < learnUntilNanos) {
            blend(image, 1, 0.5f, null);
            System.arraycopy(image.pixels(), 0, previous, 0, width * height);
            return afterStill(timeNanos, true, false);
        }
        double gain = exposure(image);
        int threshold = settings.pixelThreshold();
        byte[] px = image.pixels();
        int raw = 0;
        int plain = 0;
        int n = width * height;
        for (int i = 0; i < n; i++) {
            if (masked[i]) {
                changed[i] = false;
                continue;
            }
            int v = px[i] & 0xFF;
            float predicted = Math.min(255f, (float) gain * background[i]);
            boolean c = Math.abs(v - predicted) > threshold;
            changed[i] = c;
            if (c) {
                raw++;
            }
            if (Math.abs(v - background[i]) > threshold) {
                plain++;
            }
        }
        if (unmasked > 0 && (Math.max(raw, plain) > LIGHTING_AREA * unmasked || gain > MAX_GAIN || gain < 1 / MAX_GAIN)) {
            start(image, timeNanos); // a light switched: learn the new picture instead of reporting motion
            return afterStill(timeNanos, true, true);
        }
        int count = despeckle();
        double score = 0;
        for (int i = 0; i < n; i++) {
            if (kept[i]) {
                score += Math.abs((px[i] & 0xFF) - Math.min(255f, (float) gain * background[i])) / 255.0;
            }
        }
        double area = unmasked == 0 ? 0 : (double) count / unmasked;
        score = unmasked == 0 ? 0 : score / unmasked;
        List<Box> boxes = count == 0 ? List.of() : regions.boxes(kept, width, height, MAX_BOXES);
        float alpha = (float) (1 - Math.exp(-dt / (BACKGROUND_SECONDS * 1e9)));
        blend(image, (float) gain, alpha, kept);
        absorbStillChanges(px, dt / 1e9f, threshold);
        boolean motion = count > 0 && area >= settings.minArea();
        return motion ? afterMotion(timeNanos, score, area, boxes) : afterStill(timeNanos, false, false, score, area, boxes);
    }

    /** Ends the open event now (the camera stops or analysis is switched off); {@code null} if none is open. */
    public MotionResult finish(long timeNanos) {
        return active ? end(timeNanos) : null;
    }

    private MotionResult afterMotion(long t, double score, double area, List<Box> boxes) {
        lastMotionNanos = t;
        if (active) {
            return result(t, score, area, boxes, true, false, false, MotionResult.Transition.CONTINUE);
        }
        if (candidates == 0) {
            candidateStartNanos = t;
        }
        candidates++;
        if (candidates < settings.confirmFrames()) {
            return result(t, score, area, boxes, true, false, false, MotionResult.Transition.NONE);
        }
        active = true;
        candidates = 0;
        eventStartNanos = candidateStartNanos;
        return result(t, score, area, boxes, true, false, false, MotionResult.Transition.START);
    }

    private MotionResult afterStill(long t, boolean learning, boolean lighting) {
        return afterStill(t, learning, lighting, 0, 0, List.of());
    }

    private MotionResult afterStill(long t, boolean learning, boolean lighting, double score, double area, List<Box> boxes) {
        candidates = 0;
        if (active && t - lastMotionNanos >= settings.eventGapNanos()) {
            active = false;
            return new MotionResult(t, score, area, boxes, false, learning, lighting, MotionResult.Transition.END,
                    eventStartNanos, lastMotionNanos);
        }
        return result(t, score, area, boxes, false, learning, lighting,
                active ? MotionResult.Transition.CONTINUE : MotionResult.Transition.NONE);
    }

    private MotionResult end(long t) {
        active = false;
        candidates = 0;
        return new MotionResult(t, 0, 0, List.of(), false, false, false, MotionResult.Transition.END, eventStartNanos,
                lastMotionNanos);
    }

    private MotionResult quiet(long t, boolean learning, boolean lighting) {
        return result(t, 0, 0, List.of(), false, learning, lighting, MotionResult.Transition.NONE);
    }

    private MotionResult result(long t, double score, double area, List<Box> boxes, boolean motion, boolean learning,
            boolean lighting, MotionResult.Transition transition) {
        boolean inEvent = transition != MotionResult.Transition.NONE;
        return new MotionResult(t, score, area, boxes, motion, learning, lighting, transition,
                inEvent ? eventStartNanos : 0, 0);
    }

    /** Takes the picture as the background and learns fast for a while. */
    private void start(GreyImage image, long t) {
        if (background == null || image.width() != width || image.height() != height) {
            width = image.width();
            height = image.height();
            int n = width * height;
            background = new float[n];
            changed = new boolean[n];
            kept = new boolean[n];
            previous = new byte[n];
            stillSeconds = new float[n];
            rasteriseMasks();
        }
        byte[] px = image.pixels();
        for (int i = 0; i < width * height; i++) {
            background[i] = px[i] & 0xFF;
        }
        System.arraycopy(px, 0, previous, 0, width * height);
        java.util.Arrays.fill(stillSeconds, 0);
        learnUntilNanos = t + Math.round(LEARN_SECONDS * 1e9);
    }

    private void rasteriseMasks() {
        masked = new boolean[width * height];
        unmasked = 0;
        List<Mask> masks = settings.masks();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double cx = (x + 0.5) / width;
                double cy = (y + 0.5) / height;
                boolean m = false;
                for (int k = 0; k < masks.size() && !m; k++) {
                    m = masks.get(k).contains(cx, cy);
                }
                masked[y * width + x] = m;
                if (!m) {
                    unmasked++;
                }
            }
        }
    }

    /** Median of frame / background over the unmasked pixels that are neither black nor white. */
    private double exposure(GreyImage image) {
        java.util.Arrays.fill(ratioHistogram, 0);
        byte[] px = image.pixels();
        int samples = 0;
        for (int i = 0; i < width * height; i++) {
            int b = (int) background[i];
            int f = px[i] & 0xFF;
            if (!masked[i] && b > 12 && b < 243 && f > 12 && f < 243) {
                int bin = LOG2[f] - LOG2[b] + RATIO_BINS / 2;
                ratioHistogram[bin < 0 ? 0 : Math.min(bin, RATIO_BINS - 1)]++;
                samples++;
            }
        }
        if (samples < 16) {
            return 1;
        }
        int half = samples / 2;
        int bin = 0;
        for (int seen = 0; bin < RATIO_BINS; bin++) {
            seen += ratioHistogram[bin];
            if (seen > half) {
                break;
            }
        }
        return Math.pow(2, (bin - RATIO_BINS / 2) / (double) RATIO_STEPS_PER_OCTAVE);
    }

    /** Keeps a changed pixel only when at least two of its eight neighbours changed; returns how many were kept. */
    private int despeckle() {
        int count = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                boolean k = false;
                if (changed[i]) {
                    int neighbours = 0;
                    for (int dy = -1; dy <= 1; dy++) {
                        int ny = y + dy;
                        if (ny < 0 || ny >= height) {
                            continue;
                        }
                        for (int dx = -1; dx <= 1; dx++) {
                            int nx = x + dx;
                            if ((dx != 0 || dy != 0) && nx >= 0 && nx < width && changed[ny * width + nx]) {
                                neighbours++;
                            }
                        }
                    }
                    k = neighbours >= 2;
                }
                kept[i] = k;
                if (k) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Takes changed pixels that have not changed since the previous frame for {@link #ABSORB_SECONDS} into the background. */
    private void absorbStillChanges(byte[] px, float dtSeconds, int threshold) {
        int steady = threshold / 2;
        for (int i = 0; i < width * height; i++) {
            int v = px[i] & 0xFF;
            if (changed[i] && Math.abs(v - (previous[i] & 0xFF)) <= steady) {
                stillSeconds[i] += dtSeconds;
                if (stillSeconds[i] >= ABSORB_SECONDS) {
                    background[i] = v;
                    stillSeconds[i] = 0;
                }
            } else {
                stillSeconds[i] = 0;
            }
            previous[i] = (byte) v;
        }
    }

    /** background = (1 − α)·gain·background + α·frame; α/4 where {@code slow} is set. */
    private void blend(GreyImage image, float gain, float alpha, boolean[] slow) {
        byte[] px = image.pixels();
        float slowAlpha = alpha / 4;
        for (int i = 0; i < width * height; i++) {
            float a = slow != null && slow[i] ? slowAlpha : alpha;
            float b = Math.min(255f, gain * background[i]);
            background[i] = b + a * ((px[i] & 0xFF) - b);
        }
    }

    /** The thumbnail averaged down by the smallest whole factor that makes it at most {@link #MAX_WIDTH} wide. */
    private GreyImage reduce(GreyImage src) {
        int f = (src.width() + MAX_WIDTH - 1) / MAX_WIDTH;
        int w = (src.width() + f - 1) / f;
        int h = (src.height() + f - 1) / f;
        reduced = GreyImage.reuse(reduced, w, h);
        byte[] in = src.pixels();
        byte[] out = reduced.pixels();
        int sw = src.width();
        for (int y = 0; y < h; y++) {
            int y1 = Math.min(src.height(), (y + 1) * f);
            for (int x = 0; x < w; x++) {
                int x1 = Math.min(sw, (x + 1) * f);
                int sum = 0;
                int n = 0;
                for (int sy = y * f; sy < y1; sy++) {
                    for (int sx = x * f; sx < x1; sx++) {
                        sum += in[sy * sw + sx] & 0xFF;
                        n++;
                    }
                }
                out[y * w + x] = (byte) ((sum + n / 2) / n);
            }
        }
        return reduced;
    }

    private static int[] log2Table() {
        int[] t = new int[256];
        for (int v = 0; v < 256; v++) {
            t[v] = (int) Math.round(Math.log(v + 0.5) / Math.log(2) * RATIO_STEPS_PER_OCTAVE);
        }
        return t;
    }
}
