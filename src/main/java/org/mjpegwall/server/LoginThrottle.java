package org.mjpegwall.server;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Failed logins per client address: an address with too many failures within a window is refused for a cooling
 * period, and failures are reported in at most one log line per address and period (plus one when refusing
 * starts). It never sees a password or a user name, so it cannot log one.
 *
 * <p>Bounded: it remembers at most {@link #MAX_ADDRESSES} addresses, forgetting the one seen least recently.
 */
final class LoginThrottle {
    static final int MAX_ADDRESSES = 4096;

    /**
     * @param maxFailures failures within {@code window} that start a cooling period
     * @param cooling how long an address is then refused
     * @param logPeriod at most one "failed login" line per address per period
     */
    record Policy(int maxFailures, Duration window, Duration cooling, Duration logPeriod) {
        static final Policy DEFAULTS = new Policy(10, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1));

        Policy {
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(cooling, "cooling");
            Objects.requireNonNull(logPeriod, "logPeriod");
            if (maxFailures < 1 || window.isNegative() || window.isZero() || cooling.isNegative() || cooling.isZero()
                    || logPeriod.isNegative()) {
                throw new IllegalArgumentException("bad login throttle policy: " + maxFailures + " failures in " + window
                        + ", cooling " + cooling + ", log period " + logPeriod);
            }
        }
    }

    /** What a failed login leads to: a line to log at WARN, or {@code null}; and whether refusing starts now. */
    record Outcome(String logLine, boolean refusingNow) {
    }

    private final Policy policy;
    private final LongSupplier clock;
    private final Map<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true) { // guarded by this
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    /** @param clock monotonic nanoseconds */
    LoginThrottle(Policy policy, LongSupplier clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private static final class Entry {
        final ArrayDeque<Long> failures = new ArrayDeque<>(); // times of the failures within the window
        long refusedUntil;
        boolean refusing;
        boolean everLogged;
        long lastLogged;
        int unreportedFailures;
        int unreportedRefusals;
    }

    /**
     * Whether a request from {@code address} is refused now; counts it if so.
     *
     * @return whole seconds until the address may try again (for {@code Retry-After}), or 0 if it may now
     */
    synchronized long refusal(String address) {
        Entry e = entries.get(address);
        if (e == null || !e.refusing) {
            return 0;
        }
        long left = e.refusedUntil - clock.getAsLong();
        if (left <= 0) {
            e.refusing = false;
            return 0;
        }
        e.unreportedRefusals++;
        return Math.max(1, (left + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }

    /** Records a failed login from {@code address}. */
    synchronized Outcome failed(String address) {
        long now = clock.getAsLong();
        Entry e = entries.computeIfAbsent(address, a -> new Entry());
        long windowStart = now - policy.window().toNanos();
        while (!e.failures.isEmpty() && e.failures.peekFirst() - windowStart <= 0) {
            e.failures.pollFirst();
        }
        e.failures.addLast(now);
        e.unreportedFailures++;
        if (e.failures.size() >= policy.maxFailures()) {
            e.failures.clear();
            e.refusing = true;
            e.refusedUntil = now + policy.cooling().toNanos();
            String line = policy.maxFailures() + " failed logins from " + address + " within "
                    + seconds(policy.window()) + ": refusing its requests for " + seconds(policy.cooling()) + " (429)"
                    + earlier(e, e.unreportedFailures - policy.maxFailures());
            reported(e, now);
            return new Outcome(line, true);
        }
        if (e.everLogged && now - e.lastLogged < policy.logPeriod().toNanos()) {
            return new Outcome(null, false);
        }
        String line = (e.unreportedFailures == 1 ? "failed login from " + address
                : e.unreportedFailures + " failed logins from " + address + " since the last report")
                + (e.unreportedRefusals > 0 ? ", and " + e.unreportedRefusals + " refused requests" : "");
        reported(e, now);
        return new Outcome(line, false);
    }

    /** A successful login from {@code address} forgets its failures. */
    synchronized void succeeded(String address) {
        Entry e = entries.get(address);
        if (e != null) {
            e.failures.clear();
        }
    }

    private static String earlier(Entry e, int moreFailures) {
        String s = moreFailures > 0 ? moreFailures + " earlier failed logins" : "";
        if (e.unreportedRefusals > 0) {
            s += (s.isEmpty() ? "" : " and ") + e.unreportedRefusals + " refused requests";
        }
        return s.isEmpty() ? "" : "; also " + s + " since the last report";
    }

    private static void reported(Entry e, long now) {
        e.everLogged = true;
        e.lastLogged = now;
        e.unreportedFailures = 0;
        e.unreportedRefusals = 0;
    }

    private static String seconds(Duration d) {
        return d.toSeconds() + " s";
    }
}
