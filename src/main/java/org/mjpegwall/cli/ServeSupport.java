package org.mjpegwall.cli;

import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;

/** Shared bits of the serving commands: the size option and running until Ctrl-C. */
final class ServeSupport {
    private ServeSupport() {
    }

    /** A frame size such as {@code 640x480}. */
    record Size(int width, int height) {
        @Override
        public String toString() {
            return width + "x" + height;
        }
    }

    /** Parses {@code WIDTHxHEIGHT}; picocli turns the exception into a clear usage error. */
    static final class SizeConverter implements CommandLine.ITypeConverter<Size> {
        @Override
        public Size convert(String value) {
            String[] parts = value.trim().toLowerCase(java.util.Locale.ROOT).split("x", -1);
            try {
                if (parts.length == 2) {
                    int w = Integer.parseInt(parts[0]);
                    int h = Integer.parseInt(parts[1]);
                    if (w >= 64 && h >= 64 && w <= 4096 && h <= 4096) {
                        return new Size(w, h);
                    }
                }
            } catch (NumberFormatException ignored) {
                // falls through to the message below
            }
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a size; use WIDTHxHEIGHT between 64x64 and 4096x4096, for example 640x480");
        }
    }

    /** Blocks until the JVM shuts down (Ctrl-C), closing {@code resource} first. */
    static void runUntilShutdown(AutoCloseable resource) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            try {
                resource.close();
            } catch (Exception ignored) {
                // shutting down anyway
            } finally {
                done.countDown();
            }
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        done.await();
    }
}
