package org.mjpegwall.record;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.util.Locks;

/**
 * Records one camera on motion: one clip (AVI file) per event, from a pre-roll before the first motion frame to a
 * post-roll after the last, frames byte-identical, continued while events overlap.
 *
 * <p>It does not know where motion comes from ({@code record} does not depend on {@code motion}): the host feeds
 * it plain calls, which a thin adapter makes from a motion listener:
 * <ul>
 *   <li>{@link #frame} for every frame of the camera (the feed thread);</li>
 *   <li>{@link #motionStarted} when an event opens (its first motion frame's time, not the time it was
 *       confirmed);</li>
 *   <li>{@link #analysed} after every analysis (the analysed frame's time, and whether it was motion).</li>
 * </ul>
 * Everything is on the frames' own clock ({@link Frame#arrivalNanos()}); nothing here reads a clock.
 *
 * <p>How a clip is cut: frames wait in a {@link PreRollRing} (pre-roll plus the analysis delay, bounded in bytes).
 * An event opens a clip at the ring's first frame at or after {@code start - preRoll}. A frame is written as soon as
 * it is at most {@code lastMotion + postRoll}; a later frame waits until an analysis of a frame at or after its
 * time has come in: if none of them was motion, the clip ends before it (so the post-roll is exact to a frame, and
 * the host need not wait for the event's end, which comes a whole event gap late). If analyses stop coming, a
 * frame waits at most {@link OnMotionOptions#analysisDelay()} (of frame time) before the clip ends.
 *
 * <p>Threads: every method may be called from any thread and returns at once; a lock guards the state, and the
 * only calls made under it are the {@link Recorder}'s {@code accept} and {@code endClip}, which never block
 * (files are written on the recorder's own thread).
 *
 * <pre>{@code
 * TriggeredRecorder rec = TriggeredRecorder.start(RecordingOptions.forCamera(dir, "Yard"), OnMotionOptions.DEFAULTS,
 *         recordings, null);
 * AutoCloseable sub = feed.subscribe(rec::frame);
 * // in a MotionListener: eventStarted(e) -> rec.motionStarted(e.startNanos());
 * //                      analysed(cam, r) -> rec.analysed(r.timeNanos(), r.motion());
 * ...
 * sub.close();
 * rec.close();
 * }</pre>
 */
public final class TriggeredRecorder implements AutoCloseable {
    /** Where clips go: a {@link Recorder}, or a list in tests. Both calls must never block. */
    interface ClipSink {
        void write(Frame f);

        void endClip();
    }

    private final OnMotionOptions options;
    private final Recorder recorder;
    private final ClipSink sink;
    private final long preRollNanos;
    private final long postRollNanos;
    private final long delayNanos;
    private final ReentrantLock lock = new ReentrantLock();

    /** Guarded by lock. */
    private final PreRollRing ring;
    /** Guarded by lock: frames of the open clip not yet written, oldest first. */
    private final ArrayDeque<Frame> pending = new ArrayDeque<>();
    private long pendingBytes;
    private boolean clipOpen;
    private boolean closed;
    private boolean anyMotion;
    private long lastMotionNanos;
    private long analysedUpToNanos = Long.MIN_VALUE;
    private long newestNanos = Long.MIN_VALUE;
    private long lastWrittenNanos = Long.MIN_VALUE;
    private int clips;
    private long framesWritten;

    TriggeredRecorder(OnMotionOptions options, Recorder recorder, ClipSink sink) {
        this.options = Objects.requireNonNull(options, "options");
        this.recorder = recorder;
        this.sink = Objects.requireNonNull(sink, "sink");
        this.preRollNanos = options.preRoll().toNanos();
        this.postRollNanos = options.postRoll().toNanos();
        this.delayNanos = options.analysisDelay().toNanos();
        this.ring = new PreRollRing(preRollNanos + delayNanos, options.ringBytes());
    }

    /**
     * Starts a recorder that writes only clips around motion. With {@link RecordingOptions#forCamera} each clip is
     * named by its first frame's time; with {@link RecordingOptions#toFile} the first clip is exactly that file and
     * later ones are numbered ({@code FILE-002.avi}). Retention, start-up repair and crash safety are the
     * {@link Recorder}'s. A camera without motion leaves no file.
     *
     * @param listener told of the recorder's changes of state and file (on its writer thread), or {@code null}
     * @throws IOException as {@link Recorder#start}
     */
    public static TriggeredRecorder start(RecordingOptions recording, OnMotionOptions options,
            RecordingRegistry registry, RecordingListener listener) throws IOException {
        Recorder r = Recorder.start(recording, registry, listener);
        r.endClip(); // no file is open yet: this only makes the first clip named by its own first frame
        return new TriggeredRecorder(options, r, new ClipSink() {
            @Override
            public void write(Frame f) {
                r.accept(f);
            }

            @Override
            public void endClip() {
                r.endClip();
            }
        });
    }

    /** A frame of the camera (any thread; in arrival order). Never blocks. */
    public void frame(Frame f) {
        lock.lock();
        try {
            if (closed || f.arrivalNanos() < newestNanos) {
                return;
            }
            newestNanos = f.arrivalNanos();
            ring.add(f);
            if (clipOpen) {
                pending.addLast(f);
                pendingBytes += f.size();
            }
            decide();
        } finally {
            lock.unlock();
        }
    }

    /** An event opened; {@code startNanos} is its first motion frame's time. Never blocks. */
    public void motionStarted(long startNanos) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            noteMotion(startNanos);
            if (!clipOpen) {
                clipOpen = true;
                clips++;
                // A clip never repeats frames the previous clip holds (possible only with a pre-roll above the post-roll).
                long from = Math.max(startNanos - preRollNanos, lastWrittenNanos == Long.MIN_VALUE
                        ? Long.MIN_VALUE : lastWrittenNanos + 1);
                for (Frame f : ring.since(from)) {
                    pending.addLast(f);
                    pendingBytes += f.size();
                }
            }
            decide();
        } finally {
            lock.unlock();
        }
    }

    /** The frame of {@code timeNanos} was analysed; {@code motion}: it counted as motion. Never blocks. */
    public void analysed(long timeNanos, boolean motion) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            if (motion) {
                noteMotion(timeNanos);
            }
            analysedUpToNanos = Math.max(analysedUpToNanos, timeNanos);
            decide();
        } finally {
            lock.unlock();
        }
    }

    /** Whether a clip is being recorded now. */
    public boolean recording() {
        lock.lock();
        try {
            return clipOpen;
        } finally {
            lock.unlock();
        }
    }

    /** How many clips were begun. */
    public int clips() {
        lock.lock();
        try {
            return clips;
        } finally {
            lock.unlock();
        }
    }

    /** Frames handed to the recorder. */
    public long framesWritten() {
        lock.lock();
        try {
            return framesWritten;
        } finally {
            lock.unlock();
        }
    }

    /** The recorder's status: files, bytes, drops, errors ({@code RECORDING} while armed, between clips too). */
    public RecordingStatus status() {
        return recorder != null ? recorder.status() : null;
    }

    public OnMotionOptions options() {
        return options;
    }

    /**
     * Ends an open clip with the frames already decided (a frame still waiting for its analysis is left out), and
     * stops the recorder. Never blocks.
     */
    public CompletableFuture<RecordingStatus> stopAsync() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                if (clipOpen) {
                    endClip();
                }
                ring.clear();
            }
        } finally {
            lock.unlock();
        }
        return recorder != null ? recorder.stopAsync() : CompletableFuture.completedFuture(null);
    }

    /** {@link #stopAsync} and waits for the file to be finished. */
    @Override
    public void close() {
        stopAsync().join();
    }

    /** Guarded by lock. */
    private void noteMotion(long nanos) {
        Locks.assertHeld(lock);
        lastMotionNanos = anyMotion ? Math.max(lastMotionNanos, nanos) : nanos;
        anyMotion = true;
    }

    /** Guarded by lock: writes the frames the motion seen so far decides, and ends the clip when it is over. */
    private void decide() {
        Locks.assertHeld(lock);
        while (clipOpen && !pending.isEmpty()) {
            Frame f = pending.peekFirst();
            long t = f.arrivalNanos();
            if (t - lastMotionNanos <= postRollNanos || pendingBytes > options.ringBytes()) {
                pending.removeFirst();
                pendingBytes -= f.size();
                sink.write(f);
                framesWritten++;
                lastWrittenNanos = t;
            } else if (analysedUpToNanos >= t || newestNanos - t > delayNanos) {
                endClip(); // every analysis up to this frame is in, and none was motion: the post-roll is over
            } else {
                return; // wait for the analysis of this frame's time
            }
        }
    }

    /** Guarded by lock. */
    private void endClip() {
        Locks.assertHeld(lock);
        clipOpen = false;
        pending.clear();
        pendingBytes = 0;
        sink.endClip();
    }
}
