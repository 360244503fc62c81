package org.mjpegwall.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes a server's pool threads (named, daemon) and keeps the live ones, so that closing can wait for the last to
 * end: a terminated pool's last worker may still be exiting when {@code awaitTermination} returns.
 */
final class ServerThreads implements ThreadFactory {
    private final String prefix;
    private final AtomicInteger number = new AtomicInteger();
    private final Set<Thread> live = ConcurrentHashMap.newKeySet();

    ServerThreads(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(() -> {
            try {
                r.run();
            } finally {
                live.remove(Thread.currentThread());
            }
        }, prefix + number.incrementAndGet());
        t.setDaemon(true);
        live.add(t);
        return t;
    }

    /** Waits until every thread has ended or {@code deadline} ({@link System#nanoTime()}) passed; true if all ended. */
    boolean join(long deadline) throws InterruptedException {
        boolean ended = true;
        for (Thread t : live) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            ended &= !t.isAlive();
        }
        return ended;
    }
}
