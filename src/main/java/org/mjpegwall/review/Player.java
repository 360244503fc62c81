package org.mjpegwall.review;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mjpegwall.util.TimeSource;

/**
 * The playback model of the review: one clock over one or more cameras' timelines (kept in step, each camera
 * showing its frame at that moment), play and pause, speeds from ¼× to 16×, a frame step forward and back, and
 * seeking to any moment. It holds no thread and no picture: the view asks {@link #shown()} on each pulse and draws
 * the frames that changed. The position while playing is computed from the {@link TimeSource}, so a slow pulse
 * skips frames rather than falling behind the recorded timing.
 *
 * <p>Thread-safe: state is guarded by {@code this}; frames are read outside the lock.
 */
public final class Player {
    /** The speeds offered, slowest first. */
    public static final List<Double> SPEEDS = List.of(0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0);

    /** The next slower ({@code direction} &lt; 0) or faster (&gt; 0) of {@link #SPEEDS}, staying at the ends. */
    public static double nextSpeed(double speed, int direction) {
        int i = SPEEDS.indexOf(speed) + Integer.signum(direction);
        return SPEEDS.get(Math.max(0, Math.min(SPEEDS.size() - 1, i)));
    }

    /**
     * One camera on the shared clock.
     *
     * @param offsetNanos where the camera's timeline starts on the shared clock
     */
    public record Track(String name, Timeline timeline, long offsetNanos) {
        public Track {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(timeline, "timeline");
        }

        /** The frame this camera shows at {@code nanos} on the shared clock, or -1 outside its recording. */
        public int frameAt(long nanos) {
            long local = nanos - offsetNanos;
            if (local < 0 || local >= timeline.durationNanos()) {
                return -1;
            }
            return timeline.frameAt(local);
        }
    }

    /** What a camera shows at a moment: its frame number on its timeline, or -1 for no picture. */
    public record Shown(Track track, int frame) {
        public byte[] bytes() throws IOException {
            return frame < 0 ? null : track.timeline().readFrame(frame);
        }
    }

    private final TimeSource time;
    private final List<Track> tracks;
    private final long duration;

    // Guarded by this.
    private long anchorPosition;
    private long anchorNanos;
    private boolean playing;
    private boolean ranOut;
    private double speed = 1.0;

    public Player(TimeSource time, List<Track> tracks) {
        this.time = Objects.requireNonNull(time, "time");
        if (tracks.isEmpty()) {
            throw new IllegalArgumentException("a player needs at least one camera");
        }
        this.tracks = List.copyOf(tracks);
        long end = 0;
        for (Track t : this.tracks) {
            end = Math.max(end, t.offsetNanos() + t.timeline().durationNanos());
        }
        this.duration = end;
    }

    /** A player of one camera's timeline. */
    public static Player of(TimeSource time, Timeline timeline) {
        return new Player(time, List.of(new Track("camera", timeline, 0)));
    }

    public List<Track> tracks() {
        return tracks;
    }

    /** The end of the shared clock: the latest end of any camera. */
    public long durationNanos() {
        return duration;
    }

    /** The position on the shared clock now. */
    public synchronized long position() {
        if (!playing) {
            return anchorPosition;
        }
        long p = anchorPosition + (long) ((time.nanoTime() - anchorNanos) * speed);
        if (p >= duration) {
            // The end pauses the player there, so a later play() starts from the end, not past it.
            anchorPosition = duration;
            playing = false;
            ranOut = true;
            return duration;
        }
        return p;
    }

    /** Whether the player is playing (it stops by itself at the end). */
    public synchronized boolean playing() {
        position();
        return playing;
    }

    /**
     * Whether playing ran into the end and paused there by itself (not paused, moved or played since): a player
     * showing a recording still being written may play on once the frames written since are indexed.
     */
    public synchronized boolean ranOut() {
        position();
        return ranOut;
    }

    public synchronized double speed() {
        return speed;
    }

    public synchronized void play() {
        long p = position();
        if (p >= duration) {
            return;
        }
        anchorPosition = p;
        anchorNanos = time.nanoTime();
        playing = true;
        ranOut = false;
    }

    public synchronized void pause() {
        anchorPosition = position();
        playing = false;
        ranOut = false;
    }

    /**
     * Sets the speed, keeping the position.
     *
     * @throws IllegalArgumentException for a speed not in {@link #SPEEDS}
     */
    public synchronized void setSpeed(double newSpeed) {
        if (!SPEEDS.contains(newSpeed)) {
            throw new IllegalArgumentException("speed must be one of " + SPEEDS + ": " + newSpeed);
        }
        anchorPosition = position();
        anchorNanos = time.nanoTime();
        speed = newSpeed;
    }

    /** Moves to {@code nanos} on the shared clock (clamped to it); keeps playing if it was. */
    public synchronized void seek(long nanos) {
        anchorPosition = Math.max(0, Math.min(nanos, duration));
        anchorNanos = time.nanoTime();
        ranOut = false;
    }

    /**
     * Pauses and moves to the start of the first camera's next frame (the first camera leads a montage); stays
     * at its last frame.
     */
    public synchronized void stepForward() {
        pause();
        Track lead = tracks.get(0);
        Timeline tl = lead.timeline();
        long local = anchorPosition - lead.offsetNanos();
        if (tl.frameCount() == 0) {
            return;
        }
        int next = local < 0 ? 0 : tl.frameAt(local) + 1;
        if (next < tl.frameCount()) {
            anchorPosition = lead.offsetNanos() + tl.frameNanos(next);
        }
    }

    /** Pauses and moves to the start of the first camera's previous frame; stays at its first frame. */
    public synchronized void stepBack() {
        pause();
        Track lead = tracks.get(0);
        Timeline tl = lead.timeline();
        long local = anchorPosition - lead.offsetNanos();
        if (tl.frameCount() == 0 || local < 0) {
            return;
        }
        if (local >= tl.durationNanos()) {
            local = tl.durationNanos() - 1;
        }
        int prev = Math.max(0, tl.frameAt(local) - 1);
        anchorPosition = lead.offsetNanos() + tl.frameNanos(prev);
    }

    /** Each camera's frame at the current position, in track order. */
    public List<Shown> shown() {
        return shownAt(position());
    }

    /** Each camera's frame at {@code nanos} on the shared clock (the frame under a scrubbing cursor). */
    public List<Shown> shownAt(long nanos) {
        List<Shown> out = new ArrayList<>(tracks.size());
        for (Track t : tracks) {
            out.add(new Shown(t, t.frameAt(nanos)));
        }
        return out;
    }
}
