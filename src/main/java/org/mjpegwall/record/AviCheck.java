package org.mjpegwall.record;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * What an AVI file really holds, found by reading all of it once: the frames a chunk-by-chunk scan
 * finds, the frames its idx1 index points at correctly, whether the two agree, and whether the file
 * is complete: its index agrees with the data, the scan met no damage, and its headers cover exactly
 * the file (and, for a file of ours, its head is undamaged and counts every chunk). The repair
 * decides from this; nothing here writes.
 *
 * <p>Frames are chunks with data; empty chunks are ticks on the timebase that repeat the previous
 * frame (see docs/recording.md), counted in ticks but never as frames. The last frame found by the
 * scan counts only if it ends like a JPEG: after a power loss it may have its length on disk but zeros
 * instead of its end. Only the last one is checked, since some cameras send frames without an end marker.
 *
 * @param dataEnd absolute end of the chunk data (the declared movi end when an index follows it, else the file's end)
 * @param scanEnd where a rebuild from the scan stops (before a last frame that a power loss cut)
 * @param scanFrames frames the scan finds before {@code scanEnd}
 * @param scanTicks chunks the scan finds before {@code scanEnd}, empty ones included
 * @param trailingEmpty empty chunks after the last frame before {@code scanEnd}
 * @param indexFrames frames that index entries point at correctly
 * @param indexAgrees the index lists exactly the chunks the scan finds, in order, each checked
 */
record AviCheck(AviLayout layout, long dataEnd, long scanEnd, long scanFrames, long scanTicks, long trailingEmpty,
        int maxChunk, long firstFrame, int firstFrameSize, int resyncs, int recovered, long skippedBytes,
        long indexEntries, long indexFrames, long indexInvalid, boolean indexAgrees, boolean complete) {

    /** Frames a reader can play from the file as it is: by the index or by scanning, whichever finds more. */
    long playableFrames() {
        return Math.max(scanFrames, indexFrames);
    }

    /** Whether a rebuild should follow the index (it finds frames the scan cannot) rather than the scan. */
    boolean rebuildFromIndex() {
        return indexFrames > scanFrames;
    }

    /** Whether the stream has a frame rate a header can carry: dwRate and dwScale both positive. */
    boolean hasTimebase() {
        return layout.rate() > 0 && layout.scale() > 0;
    }

    /**
     * The chunks a rebuild keeps, read again from the file: the scan up to {@link #scanEnd}, or the index
     * when it finds more frames, where an entry that does not match the data becomes an empty chunk so
     * the timing of the rest stays right.
     */
    VideoChunks chunksToKeep(FileChannel channel) {
        long size = layout.fileSize();
        if (!rebuildFromIndex()) {
            return new ChunkScanner(new FileWindow(channel, size), layout.videoStream(), layout.moviData(), scanEnd);
        }
        IndexReader index = new IndexReader(new FileWindow(channel, size), new FileWindow(channel, size), layout,
                dataEnd);
        return new VideoChunks() {
            @Override
            public boolean next() throws IOException {
                return index.next();
            }

            @Override
            public long position() {
                return index.position();
            }

            @Override
            public int size() {
                return index.valid() ? index.size() : 0;
            }
        };
    }

    /** Reads the whole file once. */
    static AviCheck of(FileChannel channel) throws IOException {
        long size = channel.size();
        FileWindow head = new FileWindow(channel, size, 64 * 1024);
        AviLayout layout = AviLayout.read(head);
        int stream = layout.videoStream();
        if (!layout.hasMovi() || stream < 0 || stream > 99) {
            return new AviCheck(layout, size, size, 0, 0, 0, 0, -1, 0, 0, 0, 0, 0, 0, 0, false, false);
        }
        long dataEnd = layout.idx1() >= 0 ? Math.min(layout.declaredMoviEnd(), size) : size;
        ChunkScanner scan = new ChunkScanner(new FileWindow(channel, size), stream, layout.moviData(), dataEnd);
        IndexReader index = layout.idx1() >= 0
                ? new IndexReader(new FileWindow(channel, size), new FileWindow(channel, size), layout, dataEnd)
                : null;
        boolean agrees = index != null;
        long frames = 0;
        long ticks = 0;
        long trailing = 0;
        int maxChunk = 0;
        long firstFrame = -1;
        int firstSize = 0;
        int recovered = 0;
        long lastFrame = -1;
        int lastSize = 0;
        long ticksBeforeLast = 0;
        long lastChunkEnd = layout.moviData();
        long entries = 0;
        long indexFrames = 0;
        long invalid = 0;
        while (true) {
            boolean s = scan.next();
            boolean i = index != null && index.next();
            if (!s && !i) {
                break;
            }
            if (s) {
                if (scan.size() > 0) {
                    frames++;
                    maxChunk = Math.max(maxChunk, scan.size());
                    if (firstFrame < 0) {
                        firstFrame = scan.position();
                        firstSize = scan.size();
                    }
                    lastFrame = scan.position();
                    lastSize = scan.size();
                    ticksBeforeLast = ticks;
                    trailing = 0;
                    recovered += scan.recovered() ? 1 : 0;
                } else {
                    trailing++;
                }
                ticks++;
                lastChunkEnd = scan.position() + scan.size() + (scan.size() & 1);
            }
            if (i) {
                entries++;
                if (!index.valid()) {
                    invalid++;
                } else if (index.size() > 0) {
                    indexFrames++;
                }
            }
            agrees = agrees && s && i && index.valid() && !scan.recovered() && index.position() == scan.position()
                    && index.size() == scan.size();
        }
        // A rebuild reads again only up to the last chunk found, not through trailing garbage.
        long scanEnd = Math.min(dataEnd, lastChunkEnd);
        if (lastFrame >= 0 && !new FileWindow(channel, size, 8192).endsJpeg(lastFrame, lastSize)) {
            scanEnd = lastFrame - 8;
            frames--;
            ticks = ticksBeforeLast;
            trailing = 0;
            if (frames == 0) {
                firstFrame = -1;
            }
        }
        boolean complete = agrees && scan.resyncs() == 0 && layout.riffCoversFile()
                && layout.idx1() >= layout.declaredMoviEnd()
                && layout.idx1() + 8 + layout.idx1Size() + (layout.idx1Size() & 1) >= size - 1
                && layout.idx1() + 8 + layout.idx1Size() <= size
                && (!layout.marked() || layout.headerTicks() == entries && layout.cleanHead());
        return new AviCheck(layout, dataEnd, scanEnd, frames, ticks, trailing, maxChunk, firstFrame, firstSize,
                scan.resyncs(), recovered, scan.skippedBytes(), entries, indexFrames, invalid, agrees, complete);
    }
}
