package org.mjpegwall.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repairs, on a thread of its own, the files an earlier crash left unfinished: with the same rules as the repair
 * command (only our files change, never to fewer frames), and never a file a recorder of this program writes.
 */
final class StartupRepair {
    private static final Logger log = LoggerFactory.getLogger(StartupRepair.class);

    private StartupRepair() {
    }

    /**
     * Starts repairing {@code earlier} (listed before the new recording made its first file).
     *
     * @return the repair's thread, ended when the repair is done
     */
    static Thread start(List<Path> earlier, RecordingRegistry registry, String cameraName) {
        Thread t = new Thread(() -> {
            for (Path p : earlier) {
                try {
                    if (Files.exists(p) && !registry.isBeingWritten(p) && !AviRepair.isComplete(p)) {
                        AviRepair.Result r = AviRepair.repair(p);
                        if (!r.succeeded()) {
                            log.warn("Recording {}: left {} unchanged: {}", cameraName, p, r.message());
                        }
                    }
                } catch (NoSuchFileException e) {
                    // deleted meanwhile (retention): nothing to repair
                } catch (IOException | RuntimeException e) {
                    log.warn("Recording {}: could not repair {}: {}", cameraName, p, e.toString());
                }
            }
        }, "record-repair-" + cameraName);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
