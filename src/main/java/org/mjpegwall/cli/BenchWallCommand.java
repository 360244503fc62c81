package org.mjpegwall.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.Callable;
import org.mjpegwall.ui.window.WallBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench-wall}: runs the real wall window with demo cameras and prints one JSON line of figures. */
@Command(name = "bench-wall", mixinStandardHelpOptions = true,
        description = "Run the camera wall with N in-process demo (or replayed) cameras and print one JSON line: per-tile "
                + "received/displayed/displayedFps/stale, decodeMs, pulseMs, latencyMs (p50, p99) and cpuCores.")
final class BenchWallCommand implements Callable<Integer> {
    @Option(names = "--cameras", defaultValue = "16", description = "Demo cameras (default: ${DEFAULT-VALUE}).")
    int cameras;

    @Option(names = "--fps", defaultValue = "30", description = "Frames per second of each camera (default: ${DEFAULT-VALUE}).")
    int fps;

    @Option(names = "--size", defaultValue = "640x480", description = "Camera image size (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--seconds", defaultValue = "20", description = "Measured seconds (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--window", defaultValue = "1280x720", description = "Window size (default: ${DEFAULT-VALUE}).")
    String window;

    @Option(names = "--source", defaultValue = "demo", converter = SourceConverter.class,
            description = "demo: demo cameras render every frame (their CPU is reported as demoCpuCores); replay: "
                    + "photo-like frames made once are replayed, so only the wall is measured (default: ${DEFAULT-VALUE}).")
    WallBench.Source source;

    @Override
    public Integer call() throws Exception {
        if (cameras < 1 || cameras > 64 || fps < 1 || fps > 120 || seconds < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                    "--cameras must be 1..64, --fps 1..120 and --seconds at least 1");
        }
        int[] s = parseSize(size, "--size");
        int[] w = parseSize(window, "--window");
        WallBench.Result r;
        try {
            r = WallBench.run(new WallBench.Options(cameras, fps, s[0], s[1], seconds, w[0], w[1], source));
        } catch (UnsupportedOperationException | IllegalStateException e) {
            System.err.println("bench-wall needs a display (on a server run it under xvfb-run -a): " + e.getMessage());
            return 1;
        }
        System.out.println(new ObjectMapper().writeValueAsString(r));
        return 0;
    }

    /** "demo" or "replay", in any case. */
    static final class SourceConverter implements CommandLine.ITypeConverter<WallBench.Source> {
        @Override
        public WallBench.Source convert(String value) {
            for (WallBench.Source s : WallBench.Source.values()) {
                if (s.name().equalsIgnoreCase(value.strip())) {
                    return s;
                }
            }
            throw new CommandLine.TypeConversionException("--source must be demo or replay, not '" + value + "'");
        }
    }

    /** Parses "640x480". */
    static int[] parseSize(String text, String option) {
        String[] parts = text.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (parts.length == 2) {
                int w = Integer.parseInt(parts[0].strip());
                int h = Integer.parseInt(parts[1].strip());
                if (w >= 16 && h >= 16 && w <= 8192 && h <= 8192) {
                    return new int[] {w, h};
                }
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new CommandLine.ParameterException(new CommandLine(new MainCommand()),
                option + " must look like 640x480 (16..8192 each), not '" + text + "'");
    }
}
