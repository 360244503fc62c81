package org.mjpegwall.ui;

/** The tile actions: snapshot, record, share and focus, for one wall window. */
final class Actions {
    private final WallWindow wall;

    Actions(WallWindow wall) {
        this.wall = wall;
    }

    void run(Tile.Action action, CameraModel camera) {
        switch (action) {
            case SNAPSHOT -> wall.snapshot(camera);
            case RECORD -> toggleRecording(camera);
            case SHARE -> toggleSharing(camera);
            case FOCUS -> wall.model().focus(camera);
            default -> throw new IllegalArgumentException(String.valueOf(action));
        }
    }

    /** Recording needs the recorder; until it is in the build, the button stays disabled. */
    boolean recordAvailable() {
        return false;
    }

    private void toggleRecording(CameraModel camera) {
        if (!recordAvailable()) {
            wall.notify("Recording is not available in this build.", true);
        }
    }

    void stopRecording(CameraModel camera) {
        // nothing recorded without the recorder
    }

    private void toggleSharing(CameraModel camera) {
        wall.notify("Sharing is not available in this build yet.", true);
    }

    void stopSharing(CameraModel camera) {
        // nothing shared yet
    }

    void close() {
    }
}
