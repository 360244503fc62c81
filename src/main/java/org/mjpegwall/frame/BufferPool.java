package org.mjpegwall.frame;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.mjpegwall.util.Locks;

/**
 * The pool of reusable buffers behind a {@link FrameSource}: the application requests, enqueues and
 * dequeues buffers; the source's producer thread takes free ones ({@link #poll()}), hands filled ones
 * over ({@link #publish}) and gives back those it could not fill ({@link #recycle}).
 *
 * <p>Buffers move between the application and the producer only through two bounded queues, which give
 * the happens-before edges for the buffers' contents. The queues are replaced when buffers are added, so
 * the fields that hold them (and the set of buffers that belong here) are guarded by {@code lock}, checked
 * by {@link Locks#assertHeld} in tests; nobody blocks or allocates a buffer while holding it. Requests end
 * when the source starts ({@link #seal()}), under the same lock, so the producer never sees a queue change.
 * (A thread that waits in {@link #dequeue()} before the last request would wait on the replaced queue:
 * request all buffers first, as py-mjpeg does.)
 */
public final class BufferPool {
    private final Object lock = new Object();
    // guarded by lock
    private ArrayBlockingQueue<FrameBuffer> free = new ArrayBlockingQueue<>(1);
    private ArrayBlockingQueue<FrameBuffer> ready = new ArrayBlockingQueue<>(1);
    private final Set<FrameBuffer> owned = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean sealed;

    /** {@code count} fixed buffers of {@code length} bytes; see {@link #request(int, int, int)}. */
    public List<FrameBuffer> request(int length, int count) {
        return request(length, length, count);
    }

    /**
     * Allocates {@code count} buffers of {@code length} bytes that may grow to {@code maxLength}; they
     * belong to this pool but are not queued yet.
     *
     * @throws IllegalStateException after {@link #seal()}
     */
    public List<FrameBuffer> request(int length, int maxLength, int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("buffer count must be positive: " + count);
        }
        List<FrameBuffer> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(new FrameBuffer(length, maxLength)); // outside the lock: these may be large
        }
        synchronized (lock) {
            if (sealed) {
                throw new IllegalStateException("request buffers before start(); this source has started or stopped");
            }
            ownedSet().addAll(list);
            int n = ownedSet().size();
            ArrayBlockingQueue<FrameBuffer> f = new ArrayBlockingQueue<>(n);
            ArrayBlockingQueue<FrameBuffer> r = new ArrayBlockingQueue<>(n);
            freeQueue().drainTo(f);
            readyQueue().drainTo(r);
            free = f;
            ready = r;
        }
        return List.copyOf(list);
    }

    /** Ends requests: called when the source starts (or stops before it started). Idempotent. */
    public void seal() {
        synchronized (lock) {
            sealed = true;
        }
    }

    /**
     * Gives a buffer back to be filled.
     *
     * @throws IllegalArgumentException if it does not belong to this pool
     * @throws IllegalStateException if it is queued already
     */
    public void enqueue(FrameBuffer buffer) {
        Objects.requireNonNull(buffer, "buffer");
        ArrayBlockingQueue<FrameBuffer> f;
        synchronized (lock) {
            if (!ownedSet().contains(buffer)) {
                throw new IllegalArgumentException("buffer was not requested from this source");
            }
            f = freeQueue();
        }
        if (!f.offer(buffer)) {
            throw new IllegalStateException("buffer enqueued twice");
        }
    }

    /** Waits for the next filled buffer. */
    public FrameBuffer dequeue() throws InterruptedException {
        return readyQueueUnlocked().take();
    }

    /** @return the next filled buffer, or {@code null} on timeout */
    public FrameBuffer dequeue(long timeout, TimeUnit unit) throws InterruptedException {
        return readyQueueUnlocked().poll(timeout, unit);
    }

    /** Filled buffers waiting to be dequeued. */
    public int readyCount() {
        synchronized (lock) {
            return readyQueue().size();
        }
    }

    /** For the producer: a free buffer, or {@code null} when the application holds them all. Never blocks. */
    public FrameBuffer poll() {
        synchronized (lock) {
            return freeQueue().poll();
        }
    }

    /** For the producer: a filled buffer, for the application to dequeue. */
    public void publish(FrameBuffer buffer) {
        synchronized (lock) {
            readyQueue().offer(buffer);
        }
    }

    /** For the producer: a buffer it took but did not fill, free again. */
    public void recycle(FrameBuffer buffer) {
        synchronized (lock) {
            freeQueue().offer(buffer);
        }
    }

    /** The ready queue, to block on outside the lock (a queue is thread-safe; only the field is guarded). */
    private ArrayBlockingQueue<FrameBuffer> readyQueueUnlocked() {
        synchronized (lock) {
            return readyQueue();
        }
    }

    private Set<FrameBuffer> ownedSet() {
        Locks.assertHeld(lock);
        return owned;
    }

    private ArrayBlockingQueue<FrameBuffer> freeQueue() {
        Locks.assertHeld(lock);
        return free;
    }

    private ArrayBlockingQueue<FrameBuffer> readyQueue() {
        Locks.assertHeld(lock);
        return ready;
    }
}
