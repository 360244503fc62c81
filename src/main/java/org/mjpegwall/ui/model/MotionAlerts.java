package org.mjpegwall.ui.model;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.mjpegwall.util.TimeSource;

/**
 * What the wall does when motion starts, beside the highlight: the spotlight option (the camera is
 * shown large in the focus view, and the wall comes back {@link #HOLD_NANOS} after its event ended;
 * it never takes the screen from a camera the user focused, and whatever the user does with the focus
 * ends its hold on the view) and a sound for cameras set to make one.
 *
 * <p>Threads: the UI thread only.
 */
final class MotionAlerts {
    /** How long the camera stays shown after its event ended. */
    static final long HOLD_NANOS = 10_000_000_000L;

    private final WallModel model;
    private final TimeSource time;
    private final Set<CameraModel> moving = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean on;
    /** The camera the spotlight focused, or {@code null}. */
    private CameraModel lit;
    private long releaseAt;
    private Runnable sound = () -> { };

    /** Follows the events of {@code watch}. */
    MotionAlerts(WallModel model, TimeSource time, MotionWatch watch, boolean spotlight) {
        this.model = model;
        this.time = time;
        this.on = spotlight;
        watch.onEvents((camera, e) -> eventStarted(camera), (camera, e) -> eventEnded(camera));
    }

    void setSound(Runnable value) {
        sound = value;
    }

    void setSpotlight(boolean value) {
        on = value;
        if (!on) {
            lit = null; // what is shown stays; the user goes back with Esc
        }
    }

    void eventStarted(CameraModel camera) {
        if (camera.config().motion().sound()) {
            sound.run();
        }
        moving.add(camera);
        CameraModel focused = model.focusedProperty().get();
        if (on && model.cameras().contains(camera) && (focused == null || focused == lit)) {
            lit = camera;
            model.focus(camera);
        }
    }

    void eventEnded(CameraModel camera) {
        moving.remove(camera);
        if (camera == lit) {
            releaseAt = time.nanoTime() + HOLD_NANOS;
        }
    }

    /** A few times a second: back to the wall when the hold has passed. */
    void tick() {
        if (lit == null) {
            return;
        }
        if (model.focusedProperty().get() != lit) {
            lit = null; // the user went back or chose another camera: theirs now
        } else if (!moving.contains(lit) && time.nanoTime() - releaseAt >= 0) {
            lit = null;
            model.unfocus();
        }
    }
}
