package org.mjpegwall.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the {@link RecordingIndex} of each file read, so that opening a file a second time costs two file
 * attribute reads. A cached index counts only while the file has the same size and last-modified time; a file
 * still being written is indexed again once it has grown. Holds at most {@code capacity} files, the least
 * recently used going first. Thread-safe; files are read outside the lock.
 */
public final class IndexCache {
    /** The cache the command line and the review view share. */
    public static final IndexCache SHARED = new IndexCache(1024);

    private final int capacity;
    /** Guarded by {@code this}. */
    private final Map<Path, RecordingIndex> entries;
    private long reads; // guarded by this

    public IndexCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** The index of a file: cached if the file has not changed since, else read now. */
    public RecordingIndex open(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        long size = Files.size(key);
        long modified = Files.getLastModifiedTime(key).toMillis();
        synchronized (this) {
            RecordingIndex known = entries.get(key);
            if (known != null && known.fileSize() == size && known.modifiedMillis() == modified) {
                return known;
            }
        }
        RecordingIndex fresh = RecordingIndex.read(key);
        synchronized (this) {
            reads++;
            entries.put(key, fresh);
            while (entries.size() > capacity) {
                entries.remove(entries.keySet().iterator().next());
            }
        }
        return fresh;
    }

    /** How many files were read (not served from the cache) so far. */
    public synchronized long reads() {
        return reads;
    }

    public synchronized void clear() {
        entries.clear();
    }
}
