package org.mjpegwall.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.mjpegwall.config.CameraConfig;
import org.mjpegwall.config.CameraValidation;
import org.mjpegwall.config.MaskArea;
import org.mjpegwall.config.MotionConfig;
import org.mjpegwall.config.RecordingMode;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.frame.Jpeg;

/**
 * The camera manager's rules without its controls: the form's camera checked in words, save (add or
 * replace), remove and reorder, each applied to the wall and saved at once, and "Test connection"
 * with its outcome in words (see {@link ConnectionTest}).
 */
public final class CameraManagerModel {
    private final Supplier<List<CameraConfig>> cameras;
    private final Consumer<List<CameraConfig>> apply;
    private final Supplier<List<ConnectionTest.OnWall>> onWall;
    private final Function<CameraConfig, CameraStream> connector;

    /**
     * The camera in the form: a camera to save or test, or the problems in words.
     *
     * @param camera the camera, or {@code null}
     * @param problem why the form does not make a camera, or {@code null}
     */
    public record Checked(CameraConfig camera, String problem) {
    }

    /**
     * The form's motion settings: the settings to save, or the problem in words.
     *
     * @param motion the settings, or {@code null}
     * @param problem why the fields do not make settings, or {@code null}
     */
    public record MotionChecked(MotionConfig motion, String problem) {
    }

    /** A message for the dialog: what happened, in words; {@code error} shows it as a problem. */
    public record Message(String text, boolean error) {
    }

    /**
     * @param cameras the wall's cameras now, in order
     * @param apply replaces the wall's cameras (and saves them)
     * @param onWall the wall's cameras with their running streams, for the connection test
     * @param connector opens a camera's stream for the connection test
     */
    CameraManagerModel(Supplier<List<CameraConfig>> cameras, Consumer<List<CameraConfig>> apply,
            Supplier<List<ConnectionTest.OnWall>> onWall, Function<CameraConfig, CameraStream> connector) {
        this.cameras = cameras;
        this.apply = apply;
        this.onWall = onWall;
        this.connector = connector;
    }

    public List<CameraConfig> cameras() {
        return cameras.get();
    }

    /**
     * Checks the form's fields.
     *
     * @param id the camera being edited, or {@code null} for a new one
     * @param poll the snapshot-poll interval in seconds as typed ("0,5" is read as 0.5), or empty to stream
     */
    public Checked check(String id, String name, String url, String user, String password, boolean enabled,
            String poll) {
        Double pollSeconds = null;
        String p = poll.strip();
        if (!p.isEmpty()) {
            try {
                pollSeconds = Double.parseDouble(p.replace(',', '.'));
            } catch (NumberFormatException e) {
                return new Checked(null, "The snapshot-poll interval must be a number of seconds, e.g. 1 or 0.5.");
            }
        }
        // An edit keeps the camera's motion settings and recording mode; the dialog sets the form's with
        // withMotion and withRecordMode.
        CameraConfig old = cameras.get().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
        CameraConfig c = new CameraConfig(id, name, url, user.strip(), password, enabled, pollSeconds,
                old == null ? null : old.recordMode(), old == null ? null : old.motion());
        List<String> problems = CameraValidation.problems(c);
        return problems.isEmpty() ? new Checked(c, null) : new Checked(null, String.join("\n", problems));
    }

    /**
     * Why a camera set to record on motion would never record: its motion detection is off, so no motion ever
     * starts a clip. The camera manager shows it under the choice, the wall says it once when it loads such a
     * camera (an older configuration, or detection switched off from the tile's menu).
     *
     * @return the warning in words, or {@code null} when the recording can work
     */
    public static String onMotionWithoutDetection(RecordingMode mode, boolean motionDetected) {
        return mode == RecordingMode.ON_MOTION && !motionDetected
                ? "Nothing will be recorded: recording on motion needs \u201cDetect motion\u201d, which is off for this"
                        + " camera. Turn it on, or choose another recording."
                : null;
    }

    /**
     * Checks the form's motion fields ("0,5" is read as 0.5).
     *
     * @param sensitivity 1..100
     * @param minAreaPercent the smallest changed part of the picture, in percent (0..100)
     * @param gapSeconds quiet seconds that end an event (0..3600)
     */
    public static MotionChecked checkMotion(boolean on, String sensitivity, String minAreaPercent, String gapSeconds,
            boolean sound, List<MaskArea> masks) {
        Double s = number(sensitivity);
        if (s == null || s != Math.rint(s) || s < 1 || s > 100) {
            return new MotionChecked(null, "The motion sensitivity must be a whole number from 1 to 100 (100 notices the smallest change).");
        }
        Double area = number(minAreaPercent);
        if (area == null || area < 0 || area > 100) {
            return new MotionChecked(null, "The minimum motion area must be a percentage of the picture, from 0 to 100, e.g. 0.2.");
        }
        Double gap = number(gapSeconds);
        if (gap == null || gap < 0 || gap > 3600) {
            return new MotionChecked(null, "The event gap must be a number of seconds from 0 to 3600, e.g. 5.");
        }
        return new MotionChecked(new MotionConfig(on, (int) Math.round(s), area / 100, gap, masks, sound), null);
    }

    private static Double number(String text) {
        try {
            double v = Double.parseDouble(text.strip().replace(',', '.'));
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The newest frame of a camera on the wall (to draw masks on), or {@code null}. */
    public Frame latestFrame(String id) {
        return onWall.get().stream().filter(w -> w.config().id().equals(id) && w.source() != null)
                .map(w -> w.source().latestFrame()).filter(f -> f != null).findFirst().orElse(null);
    }

    /** Replaces the camera with the same id, or adds it at the end; says which. */
    public String save(CameraConfig c) {
        List<CameraConfig> list = new ArrayList<>(cameras.get());
        boolean replaced = false;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(c.id())) {
                list.set(i, c);
                replaced = true;
            }
        }
        if (!replaced) {
            list.add(c);
        }
        apply.accept(list);
        return (replaced ? "Saved " : "Added ") + c.name() + ".";
    }

    /** Removes the camera from the wall; says so. */
    public String remove(CameraConfig c) {
        apply.accept(cameras.get().stream().filter(x -> !x.id().equals(c.id())).toList());
        return "Removed " + c.name() + ".";
    }

    /** Moves the camera {@code delta} places up (negative) or down; false at the ends. */
    public boolean move(CameraConfig c, int delta) {
        List<CameraConfig> list = new ArrayList<>(cameras.get());
        int i = list.indexOf(c);
        int j = i + delta;
        if (i < 0 || j < 0 || j >= list.size()) {
            return false;
        }
        list.remove(i);
        list.add(j, c);
        apply.accept(list);
        return true;
    }

    /**
     * Tests the camera: a frame, or why none came. Blocks up to {@link ConnectionTest#TIMEOUT_MS}: call it
     * off the UI thread.
     *
     * @param cancelled polled; a newer test or a closed dialog ends this one early
     */
    public ConnectionTest.Result test(CameraConfig c, BooleanSupplier cancelled) throws InterruptedException {
        return ConnectionTest.run(c, onWall.get(), connector, ConnectionTest.TIMEOUT_MS, cancelled);
    }

    /**
     * The test's outcome in words.
     *
     * @param shown whether the frame could be shown as a picture
     */
    public static Message describe(ConnectionTest.Result r, boolean shown) {
        Frame f = r.frame();
        if (f != null && shown) {
            Jpeg.Size size = Jpeg.size(f.jpeg(), 0, f.size());
            return new Message(String.format(Locale.ROOT, "Connected: %s, %d bytes per frame.%s",
                    size == null || size.width() <= 0 || size.height() <= 0 ? "size unknown"
                            : size.width() + "×" + size.height(), f.size(),
                    r.fromWall() ? " (The picture comes from the wall's own connection to this camera.)" : ""), false);
        }
        String error = f != null ? "Connected, but the camera's frame is not a picture that can be shown ("
                + f.size() + " bytes). Is this the MJPEG address?" : "Could not get a frame: " + r.error();
        return new Message(error, true);
    }
}
