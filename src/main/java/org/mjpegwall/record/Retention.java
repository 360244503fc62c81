package org.mjpegwall.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes a camera's oldest recordings beyond the age or size its options allow. Runs on the recording's writer
 * thread only, so it never races with the file being written; files any recorder of the program writes are skipped.
 */
final class Retention {
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final RecordingOptions options;
    private final RecordingNames names;
    private final RecordingRegistry registry;

    Retention(RecordingOptions options, RecordingNames names, RecordingRegistry registry) {
        this.options = options;
        this.names = names;
        this.registry = registry;
    }

    /** @param open the file being written now, or {@code null} */
    void apply(Path open) {
        if (options.retentionBytes() <= 0 && options.retentionAge() == null) {
            return;
        }
        try {
            List<Path> own = names.ownFilesOldestFirst();
            long total = 0;
            for (Path p : own) {
                total += Files.size(p);
            }
            long now = options.clock().millis();
            for (Path p : own) {
                if (p.equals(open) || registry.isBeingWritten(p)) {
                    continue;
                }
                boolean tooOld = options.retentionAge() != null
                        && now - RecordingNames.modified(p) > options.retentionAge().toMillis();
                boolean tooMuch = options.retentionBytes() > 0 && total > options.retentionBytes();
                if (tooOld || tooMuch) {
                    long size = Files.size(p);
                    Files.deleteIfExists(p);
                    total -= size;
                    log.info("Retention: deleted {} ({})", p, tooOld ? "older than " + options.retentionAge()
                            : "over " + options.retentionBytes() + " bytes");
                }
            }
        } catch (IOException e) {
            log.warn("Recording {}: retention failed: {}", options.cameraName(), e.toString());
        }
    }
}
