package org.mjpegwall.source;

import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import javax.net.ssl.SSLSocketFactory;
import org.mjpegwall.util.TimeSource;

/**
 * The settled options of a network source, as {@link MjpegClient.Builder} collects them.
 *
 * @param user and {@code password}: explicit credentials, or null to take them from the URL's userinfo
 * @param stallCheck how often a blocked read looks at the time for the stall timeout (tests); the stall timeout by default
 * @param pollIntervalSet the caller chose a snapshot poll interval (which makes the builder's source a poller)
 * @param threadName the reader thread's name, or null for one made of the source's kind and URL
 * @param sslFactory for https, or null for the JDK's default
 * @param random jitter for the backoff, in [0, 1)
 * @param listener hears every lifecycle transition (tests), or null
 */
record SourceOptions(URI uri, String user, String password, Duration connectTimeout, Duration stallTimeout,
        Duration stallCheck, Duration backoffInitial, Duration backoffMax, Duration pollInterval,
        boolean pollIntervalSet, Duration healthyAfter, Duration waitingAfter, int maxFrameSize, String threadName,
        SSLSocketFactory sslFactory, TimeSource time, DoubleSupplier random, Consumer<Lifecycle.Transition> listener) {
}
