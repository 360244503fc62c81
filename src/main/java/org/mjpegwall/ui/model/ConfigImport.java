package org.mjpegwall.ui.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mjpegwall.config.CameraConfig;
import org.mjpegwall.config.CameraValidation;
import org.mjpegwall.config.WallConfig;

/**
 * Checks an imported configuration before it replaces the wall's: only cameras that could have been
 * entered in the camera manager are taken, so a wrong file never wipes the wall.
 *
 * @param config the imported configuration with the usable cameras only, or {@code null} when none is usable
 * @param skipped "name: why" for each camera left out
 */
record ConfigImport(WallConfig config, List<String> skipped) {
    /** How many skipped cameras a message names. */
    private static final int NAMED = 3;

    /** Keeps the usable cameras of {@code read}; a repeated id gets a new one, so both cameras stay. */
    static ConfigImport check(WallConfig read) {
        List<CameraConfig> valid = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (CameraConfig c : read.cameras()) {
            List<String> problems = CameraValidation.problems(c);
            if (!problems.isEmpty()) {
                skipped.add((c.name().isBlank() ? "(no name)" : c.name()) + ": " + problems.get(0));
            } else {
                valid.add(ids.add(c.id()) ? c : new CameraConfig(null, c.name(), c.url(), c.user(),
                        c.password(), c.enabled(), c.snapshotPollSeconds(), c.recordMode(), c.motion()));
            }
        }
        return new ConfigImport(valid.isEmpty() ? null : read.withCameras(valid), List.copyOf(skipped));
    }

    /** Why nothing was imported from {@code file}. */
    String nothingMessage(Path file) {
        String why = skipped.isEmpty() ? "it holds no cameras" : "none of its cameras can be used ("
                + String.join("; ", skipped.subList(0, Math.min(NAMED, skipped.size()))) + ")";
        return "Nothing imported from " + file + ": " + why + ". Your cameras are unchanged.";
    }

    /** Which cameras were left out, or {@code null} when none was. */
    String skippedMessage() {
        if (skipped.isEmpty()) {
            return null;
        }
        return "Skipped " + skipped.size() + (skipped.size() == 1 ? " camera" : " cameras") + ": "
                + String.join("; ", skipped.subList(0, Math.min(NAMED, skipped.size())))
                + (skipped.size() > NAMED ? "; …" : "");
    }
}
