package org.mjpegwall.cli;

import org.mjpegwall.frame.CameraFeed;
import org.mjpegwall.motion.MotionAnalyser;
import org.mjpegwall.motion.MotionEvent;
import org.mjpegwall.motion.MotionListener;
import org.mjpegwall.motion.MotionPool;
import org.mjpegwall.motion.MotionResult;
import org.mjpegwall.motion.MotionSettings;
import org.mjpegwall.record.TriggeredRecorder;

/**
 * {@code record --on-motion}'s glue: a {@link MotionAnalyser} on the camera's feed telling a {@link TriggeredRecorder}
 * where the motion is. Why here: {@code record} and {@code motion} are side by side in the layers and know nothing of
 * each other; the host (this command, or the wall) connects them with {@link #feeding}.
 */
final class MotionRecording implements AutoCloseable {
    private final MotionPool pool;
    private final MotionAnalyser analyser;

    private MotionRecording(MotionPool pool, MotionAnalyser analyser) {
        this.pool = pool;
        this.analyser = analyser;
    }

    /** Starts analysing {@code feed} for {@code recorder}; the recorder must already take the feed's frames. */
    static MotionRecording start(CameraFeed feed, String name, TriggeredRecorder recorder, MotionSettings settings,
            MotionListener also) {
        MotionPool pool = new MotionPool(1);
        MotionListener toRecorder = feeding(recorder);
        MotionListener listener = also == null ? toRecorder : new MotionListener() {
            @Override
            public void analysed(String camera, MotionResult result) {
                toRecorder.analysed(camera, result);
                also.analysed(camera, result);
            }

            @Override
            public void eventStarted(MotionEvent event) {
                toRecorder.eventStarted(event);
                also.eventStarted(event);
            }

            @Override
            public void eventEnded(MotionEvent event) {
                also.eventEnded(event);
            }
        };
        MotionAnalyser analyser = MotionAnalyser.builder("record", feed::subscribe, pool).name(name).settings(settings)
                .listener(listener).start();
        return new MotionRecording(pool, analyser);
    }

    /** The whole adapter: what a motion listener tells a triggered recorder (calls that never block). */
    static MotionListener feeding(TriggeredRecorder recorder) {
        return new MotionListener() {
            @Override
            public void analysed(String camera, MotionResult result) {
                recorder.analysed(result.timeNanos(), result.motion());
            }

            @Override
            public void eventStarted(MotionEvent event) {
                recorder.motionStarted(event.startNanos());
            }
        };
    }

    MotionAnalyser.Stats stats() {
        return analyser.stats();
    }

    @Override
    public void close() {
        analyser.close();
        pool.close();
    }
}
