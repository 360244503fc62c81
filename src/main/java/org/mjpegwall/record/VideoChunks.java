package org.mjpegwall.record;

import java.io.IOException;

/** The video chunks of a file in stream order, one at a time: from a scan of the data or from its index. */
interface VideoChunks {
    /** Moves to the next chunk; false after the last. */
    boolean next() throws IOException;

    /** Absolute position of the current chunk's data. */
    long position();

    /** Size of the current chunk's data; 0 for an empty chunk that repeats the previous frame. */
    int size();
}
