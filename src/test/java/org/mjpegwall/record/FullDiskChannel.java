package org.mjpegwall.record;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A file channel on a disk that is full once the file reaches {@code capacity} bytes: like the
 * kernel, a write that would grow the file further writes what fits, and the next one fails with
 * "No space left on device". Overwriting bytes that already exist still works.
 */
final class FullDiskChannel extends FileChannel {
    private final FileChannel delegate;
    private final long capacity;

    FullDiskChannel(FileChannel delegate, long capacity) {
        this.delegate = delegate;
        this.capacity = capacity;
    }

    private int allowed(long position, int wanted) throws IOException {
        long room = capacity - position;
        if (wanted > 0 && room <= 0) {
            throw new IOException("No space left on device");
        }
        return (int) Math.min(wanted, room);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        long pos = delegate.position();
        int n = allowed(pos, src.remaining());
        ByteBuffer part = src.duplicate();
        part.limit(part.position() + n);
        int written = delegate.write(part);
        src.position(src.position() + written);
        return written;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            while (srcs[i].hasRemaining()) {
                if (total > 0 && delegate.position() >= capacity) {
                    return total; // a short write, as the kernel reports one
                }
                total += write(srcs[i]);
            }
        }
        return total;
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        int n = allowed(position, src.remaining());
        ByteBuffer part = src.duplicate();
        part.limit(part.position() + n);
        int written = delegate.write(part, position);
        src.position(src.position() + written);
        return written;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return delegate.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return delegate.read(dsts, offset, length);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return delegate.read(dst, position);
    }

    @Override
    public long position() throws IOException {
        return delegate.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        delegate.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return delegate.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        delegate.truncate(size);
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        delegate.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        throw new UnsupportedOperationException();
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        throw new UnsupportedOperationException();
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        throw new UnsupportedOperationException();
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        throw new UnsupportedOperationException();
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        throw new UnsupportedOperationException();
    }

    @Override
    protected void implCloseChannel() throws IOException {
        delegate.close();
    }
}
