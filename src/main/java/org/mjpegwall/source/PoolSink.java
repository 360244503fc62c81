package org.mjpegwall.source;

import org.mjpegwall.frame.BufferPool;
import org.mjpegwall.frame.FrameBuffer;
import org.mjpegwall.source.internal.MultipartParser;
import org.mjpegwall.util.TimeSource;
import org.mjpegwall.util.Units;
import org.slf4j.Logger;

/**
 * Where the parser puts frames: the pool's free buffers in, completed ones out, with py-mjpeg's
 * accounting — out of buffers the frame is discarded and an overrun episode counted; {@code sequence}
 * counts every frame of a connection, discarded and skipped ones too, so gaps show drops. Used by the
 * source's thread only.
 */
final class PoolSink implements MultipartParser.Sink {
    private final BufferPool pool;
    private final SourceCounters counters;
    private final TimeSource time;
    private final int maxFrameSize;
    private final String name;
    private final Logger log;
    private final Runnable firstFrame;
    private long sequence;
    private boolean inOverrun;
    private int largestFrame; // of the frames delivered; growing buffers are made this large up front
    private String lastSkipLogged;

    /** @param firstFrame called at the first frame of each connection (to log a recovery) */
    PoolSink(BufferPool pool, SourceCounters counters, TimeSource time, int maxFrameSize, String name, Logger log,
            Runnable firstFrame) {
        this.pool = pool;
        this.counters = counters;
        this.time = time;
        this.maxFrameSize = maxFrameSize;
        this.name = name;
        this.log = log;
        this.firstFrame = firstFrame;
    }

    /** A new connection: sequence numbers start again at 0. */
    void connected() {
        sequence = 0;
    }

    @Override
    public FrameBuffer acquire() {
        FrameBuffer b = pool.poll();
        if (b == null) {
            if (!inOverrun) {
                inOverrun = true;
                counters.overrun();
            }
        } else {
            inOverrun = false;
            // One growth to the size frames have, rather than several while a frame is scanned.
            b.ensureCapacity(Math.min(largestFrame, b.maxLength()));
        }
        return b;
    }

    @Override
    public void deliver(FrameBuffer buffer, int used) {
        long now = time.nanoTime();
        long millis = time.currentTimeMillis();
        arrived(now);
        buffer.complete(used, sequence++, millis, now);
        counters.frame(now, millis, false);
        largestFrame = Math.max(largestFrame, used);
        pool.publish(buffer);
    }

    @Override
    public void discard(FrameBuffer buffer) {
        long now = time.nanoTime();
        arrived(now);
        sequence++;
        counters.frame(now, time.currentTimeMillis(), true);
        if (buffer != null) {
            pool.recycle(buffer);
        }
    }

    @Override
    public void skipped(FrameBuffer buffer, long size) {
        // Not a sign of life for WAITING: a camera whose every frame is too large shows nothing.
        sequence++;
        String why = size > maxFrameSize
                ? "larger than the " + Units.bytes(maxFrameSize) + " frame limit"
                : "larger than the " + Units.bytes(buffer == null ? 0 : buffer.maxLength()) + " buffers";
        String message = "frame of " + size + " bytes skipped: " + why;
        counters.skipped(message);
        if (!message.equals(lastSkipLogged)) {
            lastSkipLogged = message;
            log.info("{}: {}", name, message);
        } else {
            log.debug("{}: {}", name, message);
        }
        if (buffer != null) {
            pool.recycle(buffer);
        }
    }

    @Override
    public void release(FrameBuffer buffer) {
        if (buffer != null) {
            pool.recycle(buffer);
        }
    }

    private void arrived(long now) {
        if (sequence == 0) {
            firstFrame.run();
        }
        counters.frameArrived(now);
    }
}
