package org.mjpegwall.cli;

/**
 * Entry point of {@code java -jar mjpeg-wall.jar}. Deliberately not a JavaFX {@code Application}:
 * when the main class extends {@code Application}, the launcher insists on JavaFX modules on the
 * module path and a plain {@code java -jar} fails with "JavaFX runtime components are missing".
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(MainCommand.execute(args));
    }
}
