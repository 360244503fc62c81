package org.mjpegwall.server;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Counts the live instances of a class after a full GC, as {@code jcmd PID GC.class_histogram} does, through the
 * JVM's own DiagnosticCommand MBean: the only measure that sees objects held inside the JDK's HTTP server.
 */
final class LiveObjects {
    private LiveObjects() {
    }

    /** Live instances of {@code className} (for example {@code sun.net.httpserver.HttpConnection}) after a full GC. */
    static long count(String className) {
        try {
            String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            for (String line : histogram.split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 4 && f[0].endsWith(":") && f[3].equals(className)) {
                    return Long.parseLong(f[1]);
                }
            }
            return 0;
        } catch (JMException ex) {
            throw new IllegalStateException("this JVM has no class histogram: " + ex, ex);
        }
    }
}
