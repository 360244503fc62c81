package org.mjpegwall.ui.model;

import org.mjpegwall.util.Secrets;
import org.mjpegwall.util.TimeSource;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.mjpegwall.config.CameraConfig;
import org.mjpegwall.config.CameraValidation;
import org.mjpegwall.frame.SourceState;
import org.mjpegwall.frame.SourceStats;
import org.mjpegwall.motion.Box;
import org.mjpegwall.motion.MotionResult;
import org.mjpegwall.util.RateMeter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * View model of one camera on the wall: its configuration, its stream, what its tile shows, and the
 * display counters the renderer reports through {@link #noteDecodeStarted()}, {@link #noteCorrupt()},
 * {@link #noteDisplayed} and {@link #noteSourceSize}. Knows no controls, so it is tested without a toolkit;
 * times come in as arguments (from the renderer's {@link TimeSource}), so liveness is tested on fake time.
 *
 * <p>Threads: everything here is touched on the UI thread only.
 */
public final class CameraModel {
    private static final Logger LOG = LoggerFactory.getLogger(CameraModel.class);
    private static final long SECOND = 1_000_000_000L;

    /** Replaced only by an edit of the motion settings, which keeps the stream ({@link #motionEdited}). */
    private CameraConfig config;
    private final boolean demo;
    private final CameraStream source;

    private final StringProperty name = new SimpleStringProperty(this, "name");
    private final ObjectProperty<TileStatus> status = new SimpleObjectProperty<>(this, "status");
    private final StringProperty statsText = new SimpleStringProperty(this, "statsText", "");
    private final BooleanProperty recording = new SimpleBooleanProperty(this, "recording");
    private final StringProperty recordingText = new SimpleStringProperty(this, "recordingText", "");
    private final StringProperty shareUrl = new SimpleStringProperty(this, "shareUrl");
    private final ReadOnlyStringWrapper modeRecording = new ReadOnlyStringWrapper(this, "modeRecording", "");
    private final ReadOnlyBooleanWrapper motion = new ReadOnlyBooleanWrapper(this, "motion");
    private final ReadOnlyObjectWrapper<List<Box>> motionBoxes = new ReadOnlyObjectWrapper<>(this, "motionBoxes", List.of());

    // Display counters, from the renderer.
    private long decodes;
    private long displayed;
    private long corrupt;
    /** Frames in a row that could not be decoded; 0 after a good one. */
    private long corruptInARow;
    private double lastLatencyMs = Double.NaN;
    private boolean hasFrame;
    private int sourceWidth;
    private int sourceHeight;
    /** Frames put on screen over the last second (a fallback figure for sources without statistics). */
    private final RateMeter shown = new RateMeter(SECOND);
    /** Why an enabled camera could not even start (bad URL, …), or {@code null}; shown instead of "disabled". */
    private String startError;
    // Liveness, from refresh().
    private long lastReceived = -1;
    private long lastReceivedNanos;
    private Instant lastFrameAt;
    /** Smoothed time between frames as seen a few times a second; 0 until known. */
    private double frameIntervalNanos;
    /** Since when the camera has not been live, or {@code null} while it is. */
    private Instant offlineSince;
    private boolean everLive;

    /**
     * @param source the camera's frames, or {@code null} for a disabled camera
     * @param demo a built-in demo camera (never saved to the configuration)
     */
    public CameraModel(CameraConfig config, CameraStream source, boolean demo) {
        this.config = config;
        this.source = source;
        this.demo = demo;
        name.set(config.name());
        status.set(source == null ? TileStatus.DISABLED : TileStatus.CONNECTING);
    }

    /**
     * Starts the camera's stream (unless it is disabled). A camera that cannot even start (bad URL, …)
     * shows why in its tile, without its secrets (a URI syntax error quotes the URL); the wall keeps running.
     */
    static CameraModel open(CameraConfig c, Function<CameraConfig, CameraStream> connector, boolean demo) {
        CameraStream source = null;
        String error = null;
        if (c.enabled()) {
            try {
                source = connector.apply(c);
                source.start();
            } catch (RuntimeException e) {
                error = Secrets.redact(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), c.url());
                LOG.warn("camera {} cannot start: {}", c.name(), error);
                if (source != null) {
                    source.close();
                }
                source = null;
            }
        }
        CameraModel camera = new CameraModel(c, source, demo);
        if (error != null) {
            camera.startFailed(error);
        }
        return camera;
    }

    public CameraConfig config() {
        return config;
    }

    public String id() {
        return config.id();
    }

    public boolean demo() {
        return demo;
    }

    /** The camera's stream, or {@code null} when the camera is disabled. */
    public CameraStream source() {
        return source;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<TileStatus> statusProperty() {
        return status;
    }

    public StringProperty statsTextProperty() {
        return statsText;
    }

    public BooleanProperty recordingProperty() {
        return recording;
    }

    public StringProperty recordingTextProperty() {
        return recordingText;
    }

    public StringProperty shareUrlProperty() {
        return shareUrl;
    }

    /**
     * What the camera's recording mode writes now ("REC · motion", "REC · continuous"), or "" when it writes
     * nothing (mode off, or on motion between clips). Apart from the Rec button's {@link #recordingProperty()}.
     */
    public ReadOnlyStringProperty modeRecordingProperty() {
        return modeRecording.getReadOnlyProperty();
    }

    void modeRecording(String text) {
        modeRecording.set(text);
    }

    /** True while a motion event is open on this camera (the tile's highlight). */
    public ReadOnlyBooleanProperty motionProperty() {
        return motion.getReadOnlyProperty();
    }

    /** Where the picture changed in the newest analysis with motion (normalised), else empty. */
    public ReadOnlyObjectProperty<List<Box>> motionBoxesProperty() {
        return motionBoxes.getReadOnlyProperty();
    }

    /** The newest analysis of this camera (coalesced: analyses in between may be skipped). */
    public void noteMotion(MotionResult r) {
        MotionResult.Transition t = r.transition();
        motion.set(t == MotionResult.Transition.START || t == MotionResult.Transition.CONTINUE);
        motionBoxes.set(r.motion() ? r.boxes() : List.of());
    }

    /** Motion detection stopped for this camera: no highlight, no boxes. */
    public void clearMotion() {
        motion.set(false);
        motionBoxes.set(List.of());
    }

    /** Takes a configuration that differs from this one in its motion settings only. */
    void motionEdited(CameraConfig edited) {
        if (!config.sameConnection(edited)) {
            throw new IllegalArgumentException("not a motion-only edit of " + config.name());
        }
        config = edited;
    }

    /** Notes why this enabled camera could not start; the tile keeps showing it. */
    private void startFailed(String error) {
        startError = error;
        status.set(new TileStatus(TileStatus.Kind.STOPPED, error));
    }

    /** Frames decoded for this camera so far (wall and focus view). */
    public long decodes() {
        return decodes;
    }

    /** Frames put on screen so far. */
    public long displayed() {
        return displayed;
    }

    /** Frames that could not be decoded and were skipped. */
    public long corrupt() {
        return corrupt;
    }

    /** A frame was taken for decoding. */
    public void noteDecodeStarted() {
        decodes++;
    }

    /** A frame could not be decoded: counted, and after a few in a row the tile says so. */
    public void noteCorrupt() {
        corrupt++;
        corruptInARow++;
    }

    /** The size of the camera's pictures, as decoded; shown in the stats line. */
    public void noteSourceSize(int width, int height) {
        sourceWidth = width;
        sourceHeight = height;
    }

    /** Notes a frame put on screen at {@code nanos}, {@code latencyMs} after it arrived. */
    public void noteDisplayed(long nanos, double latencyMs) {
        displayed++;
        corruptInARow = 0;
        hasFrame = true;
        lastLatencyMs = latencyMs;
        shown.recordFrame(nanos);
    }

    /**
     * Refreshes the status: live, or why not and since when. A camera that streams but whose pictures
     * stopped coming for several frame intervals (at least 2 s) is called frozen at once, rather than
     * looking live until the client gives up on the stream. Stats are shown only while live: a dead tile
     * keeps no old figures. Cheap; the renderer calls it a few times a second.
     */
    public void refresh(Instant now, long nowNanos, ZoneId zone) {
        if (source == null) {
            status.set(startError != null ? new TileStatus(TileStatus.Kind.STOPPED, startError) : TileStatus.DISABLED);
            statsText.set("");
            offlineSince = null;
            return;
        }
        noteReceived(source.received(), now, nowNanos);
        SourceStats s = source.stats();
        TileStatus st = TileStatus.of(s, hasFrame, now);
        if (s != null && s.state() == SourceState.STREAMING && corruptInARow >= TileStatus.BAD_FRAMES_SHOWN_AFTER) {
            st = TileStatus.badFrames(corruptInARow);
        } else if (st.live() && nowNanos - lastReceivedNanos > frozenAfterNanos()) {
            st = TileStatus.frozen();
        }
        if (st.live()) {
            everLive = true;
            offlineSince = null;
            statsText.set(statsLine(s, shown.fps(nowNanos), lastLatencyMs, sourceWidth, sourceHeight));
        } else {
            if (offlineSince == null) {
                offlineSince = everLive && lastFrameAt != null ? lastFrameAt : now;
            }
            // The first connection attempt is not "offline" yet; every later trouble says since when.
            if (everLive || st.kind() != TileStatus.Kind.CONNECTING) {
                st = st.offlineSince(offlineSince, now, zone);
            }
            statsText.set("");
        }
        status.set(st);
    }

    private void noteReceived(long received, Instant now, long nowNanos) {
        if (lastReceived < 0) {
            lastReceived = received;
            lastReceivedNanos = nowNanos;
            return;
        }
        if (received > lastReceived) {
            if (lastFrameAt != null) { // the wait for the very first frame is connecting, not a frame interval
                double interval = (double) (nowNanos - lastReceivedNanos) / (received - lastReceived);
                frameIntervalNanos = frameIntervalNanos == 0 ? interval : 0.8 * frameIntervalNanos + 0.2 * interval;
            }
            lastReceived = received;
            lastReceivedNanos = nowNanos;
            lastFrameAt = now;
        }
    }

    /**
     * Four frame intervals, at least 2 s (refreshes come every 250 ms) and at most a minute; until the
     * interval is known, the snapshot-poll interval or 5 s.
     */
    long frozenAfterNanos() {
        double interval = frameIntervalNanos;
        if (interval == 0) {
            Double poll = config.snapshotPollSeconds();
            interval = poll != null && poll > 0 ? poll * 1e9 : 1.25e9;
        }
        return (long) Math.max(2e9, Math.min(60e9, 4 * interval));
    }

    /** "30 fps · 2.1 Mbit/s · 12 ms · 640×480", leaving out what is not known yet. */
    static String statsLine(SourceStats s, double shownFps, double latencyMs, int w, int h) {
        StringBuilder b = new StringBuilder();
        double fps = s == null ? shownFps : s.fps();
        b.append(String.format(Locale.ROOT, "%.0f fps", fps));
        if (s != null) {
            double bps = s.bitrate();
            b.append(bps >= 1e6 ? String.format(Locale.ROOT, " · %.1f Mb/s", bps / 1e6)
                    : String.format(Locale.ROOT, " · %.0f kb/s", bps / 1e3));
        }
        if (!Double.isNaN(latencyMs)) {
            b.append(String.format(Locale.ROOT, " · %.0f ms", latencyMs));
        }
        if (w > 0) {
            b.append(" · ").append(w).append('×').append(h);
        }
        return b.toString();
    }
}
