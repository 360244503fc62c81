package org.mjpegwall.ui.model;

import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step of closing the wall, on the background executor: let the recordings finish their files, then stop
 * every camera's stream, then run the session's {@code onClose} (which may stop the demo server the cameras read).
 */
final class CameraShutdown {
    private static final Logger LOG = LoggerFactory.getLogger(CameraShutdown.class);

    private CameraShutdown() {
    }

    /** Queues the shutdown on {@code tasks}; closing a stream joins its thread, so never on the UI thread. */
    static void inBackground(TaskExecutor tasks, Future<?> recordingsDone, List<CameraModel> cameras, Runnable onClose) {
        List<CameraModel> all = List.copyOf(cameras);
        tasks.runInBackground(() -> {
            try {
                // Let recordings finish their files before the cameras stop.
                recordingsDone.get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("recordings did not finish in time: {}", e.toString());
            }
            for (CameraModel c : all) {
                if (c.source() != null) {
                    try {
                        c.source().close();
                    } catch (RuntimeException e) {
                        LOG.debug("closing {}", c.config().name(), e);
                    }
                }
            }
            onClose.run();
        });
    }
}
