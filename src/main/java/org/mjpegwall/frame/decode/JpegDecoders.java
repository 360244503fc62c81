package org.mjpegwall.frame.decode;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the best {@link JpegDecoder} this machine has: libjpeg-turbo when its library loads, ImageIO
 * otherwise. The first call decides, once per JVM, and a library that cannot be loaded is reported once, as one
 * WARN line. Callers with a faster fallback of their own (the wall's JavaFX decoder) ask {@link #turboAvailable()}.
 *
 * <p>{@code -Dmjpegwall.decoder=java} forces the fallback (tests run both paths); {@code -Dmjpegwall.turbojpeg=}
 * names the library to load instead of the system's (a path or a name).
 */
public final class JpegDecoders {
    /** System property: {@code java} forces the fallback; anything else (or nothing) tries libjpeg-turbo. */
    public static final String DECODER_PROPERTY = "mjpegwall.decoder";

    private JpegDecoders() {
    }

    /** True when decoders opened here use libjpeg-turbo. */
    public static boolean turboAvailable() {
        return Choice.UNAVAILABLE_REASON == null;
    }

    /** Why libjpeg-turbo is not used, in words, or {@code null} when it is. */
    public static String unavailableReason() {
        return Choice.UNAVAILABLE_REASON;
    }

    /** A new decoder for one thread: libjpeg-turbo when available, otherwise ImageIO. */
    public static JpegDecoder open() {
        return turboAvailable() ? new TurboJpegDecoder() : new JavaJpegDecoder();
    }

    /** A new ImageIO decoder, whatever is available (benchmarks and tests compare the two). */
    public static JpegDecoder openJava() {
        return new JavaJpegDecoder();
    }

    /** Decided on first use (class initialisation runs once), so the warning is logged once per JVM. */
    private static final class Choice {
        private static final Logger LOG = LoggerFactory.getLogger(JpegDecoders.class);
        static final String UNAVAILABLE_REASON = decide();

        private static String decide() {
            String forced = System.getProperty(DECODER_PROPERTY, "").strip().toLowerCase(Locale.ROOT);
            if (forced.equals("java")) {
                LOG.info("JPEG decoding with ImageIO: libjpeg-turbo is switched off by -D{}=java", DECODER_PROPERTY);
                return "switched off by -D" + DECODER_PROPERTY + "=java";
            }
            String error = TurboJpegNative.LOAD_ERROR;
            if (error == null) {
                try {
                    new TurboJpegDecoder().close(); // a library that loads but gives no handle is no use either
                } catch (IllegalStateException | LinkageError e) {
                    error = e.getMessage();
                }
            }
            if (error != null) {
                LOG.warn("JPEG decoding falls back to the slower Java decoder: {}", error);
            }
            return error;
        }
    }
}
