package org.mjpegwall.record;

/**
 * Told when a recording changes: a new file is started, it stops, or it fails. Called on the
 * recorder's writer thread, so a UI must hand the status over to its own thread and never block here.
 */
@FunctionalInterface
public interface RecordingListener {
    void statusChanged(RecordingStatus status);
}
