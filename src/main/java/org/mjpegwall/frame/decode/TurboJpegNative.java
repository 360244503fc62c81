package org.mjpegwall.frame.decode;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;

/**
 * The few TurboJPEG functions the decoder calls (turbojpeg.h of libjpeg-turbo 2.x), bound once per JVM by
 * JNA's direct mapping: {@code Native.register} binds these {@code native} methods straight to the C
 * functions, which costs about a tenth of an interface-mapped call (no proxy, no argument arrays).
 *
 * <p>Why {@link NativeLong} for {@code unsigned long}: it is 64 bits on Linux and macOS but 32 bits on
 * Windows. Pointers to native memory stay {@link Pointer}s made once per buffer, so a call allocates nothing.
 */
final class TurboJpegNative {
    /** Set to a library name or path to load that libturbojpeg instead of the usual ones. */
    static final String LIBRARY_PROPERTY = "mjpegwall.turbojpeg";

    /** Why the library could not be bound, or {@code null} when it was. */
    static final String LOAD_ERROR = load();

    private TurboJpegNative() {
    }

    static native Pointer tjInitDecompress();

    static native int tjDestroy(Pointer handle);

    static native int tjDecompressHeader3(Pointer handle, Pointer jpegBuf, NativeLong jpegSize, Pointer width,
            Pointer height, Pointer jpegSubsamp, Pointer jpegColorspace);

    static native int tjDecompress2(Pointer handle, Pointer jpegBuf, NativeLong jpegSize, Pointer dstBuf, int width,
            int pitch, int height, int pixelFormat, int flags);

    static native Pointer tjGetScalingFactors(Pointer numScalingFactors);

    static native String tjGetErrorStr2(Pointer handle);

    static native int tjGetErrorCode(Pointer handle);

    /**
     * The names tried, in order. JNA looks in {@code jna.library.path} first (a library bundled next to the
     * app), then in the system's places; Debian's runtime package has only the versioned
     * {@code libturbojpeg.so.0} (the unversioned name comes with the -dev package).
     */
    static List<String> candidates() {
        List<String> names = new ArrayList<>();
        String forced = System.getProperty(LIBRARY_PROPERTY);
        if (forced != null && !forced.isBlank()) {
            names.add(forced.strip());
            return names;
        }
        names.add("turbojpeg");
        if (Platform.isLinux()) {
            names.add("libturbojpeg.so.0");
        }
        return names;
    }

    private static String load() {
        List<String> tried = new ArrayList<>();
        for (String name : candidates()) {
            try {
                Native.register(TurboJpegNative.class, NativeLibrary.getInstance(name));
                return null;
            } catch (LinkageError | IllegalArgumentException e) {
                // LinkageError: the library or one of its functions is missing, or JNA's own stub cannot load.
                unregisterQuietly();
                tried.add(name + " (" + firstLine(e.getMessage()) + ")");
            }
        }
        return "cannot load libturbojpeg: tried " + String.join("; ", tried);
    }

    /** Drops a half-done registration (a library that lacked one of the functions) before the next try. */
    private static void unregisterQuietly() {
        try {
            Native.unregister(TurboJpegNative.class);
        } catch (LinkageError ignored) {
            // JNA itself did not load: nothing was registered
        }
    }

    /** JNA's reason on one line: its first line ends with ':' and the dynamic linker's reason follows. */
    private static String firstLine(String s) {
        if (s == null || s.isBlank()) {
            return "not found";
        }
        String[] lines = s.strip().split("\\R");
        return lines[0].endsWith(":") && lines.length > 1 ? lines[0] + " " + lines[1].strip() : lines[0];
    }
}
