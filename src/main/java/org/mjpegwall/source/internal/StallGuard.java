package org.mjpegwall.source.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.mjpegwall.util.TimeSource;

/**
 * A connection's input that fails with {@link SocketTimeoutException} once no byte has come for the stall
 * timeout, measured on the source's {@link TimeSource}.
 *
 * <p>Why not the socket's read timeout alone: that counts real time, so a test of stall detection would
 * have to wait for it. The socket's timeout is only the interval at which this guard looks at the time
 * (in production it equals the stall timeout, so the first timeout is the stall, as before); a read that
 * timed out earlier than the stall is simply read again — the stream's state is unchanged by it.
 */
public final class StallGuard extends InputStream {
    private final InputStream in;
    private final TimeSource time;
    private final long stallNanos;
    private final byte[] one = new byte[1];
    private long lastData; // the reader thread only

    public StallGuard(InputStream in, TimeSource time, Duration stallTimeout) {
        this.in = in;
        this.time = time;
        this.stallNanos = stallTimeout.toNanos();
        this.lastData = time.nanoTime();
    }

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (true) {
            try {
                int n = in.read(b, off, len);
                if (n > 0) {
                    lastData = time.nanoTime();
                }
                return n;
            } catch (SocketTimeoutException e) {
                if (time.nanoTime() - lastData >= stallNanos) {
                    throw e;
                }
            }
        }
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
