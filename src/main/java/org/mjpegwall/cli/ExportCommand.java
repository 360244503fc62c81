package org.mjpegwall.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mjpegwall.review.ClipExport;
import org.mjpegwall.review.IndexCache;
import org.mjpegwall.review.RecordingIndex;
import org.mjpegwall.review.Timeline;
import org.mjpegwall.review.Times;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code export}: a time range of one camera's recording (its segments in order) into a new AVI file with the
 * frames byte-identical and the timing kept, or the frame shown at one moment as its exact JPEG bytes. Reads its
 * inputs only; never overwrites a file.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Cut a time range out of a recording into a new AVI file (frames byte for byte, timing kept, "
                + "across segment files), or save the frame shown at a moment as a JPEG file.",
            "Times are seconds (75.5) or hh:mm:ss[.fff] from the start of the first file.",
            "Only recordings made by MJPEG Wall are read; the input files are never changed."})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "IN.avi", arity = "1..*",
            description = "The recording's files in play order (FILE.avi FILE-002.avi ...).")
    List<Path> inputs;

    @Option(names = "--from", paramLabel = "T", description = "Start of the clip.")
    String from;

    @Option(names = "--to", paramLabel = "T", description = "End of the clip (not included).")
    String to;

    @Option(names = "--frame", paramLabel = "T", description = "Save the frame shown at T as a JPEG instead.")
    String frame;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "The new file (OUT.avi for a clip, X.jpg for a frame); it must not exist.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        boolean clip = from != null || to != null;
        if (clip == (frame != null) || clip && (from == null || to == null)) {
            err.println("export: give either --from T --to T for a clip, or --frame T for one frame");
            return 2;
        }
        long fromNanos;
        long toNanos;
        try {
            fromNanos = Times.parse(clip ? from : frame);
            toNanos = clip ? Times.parse(to) : 0;
        } catch (IllegalArgumentException e) {
            err.println("export: " + (clip ? "--from/--to" : "--frame") + ": " + e.getMessage());
            return 2;
        }
        if (Files.exists(out)) {
            err.println("export: " + out + ": already exists; choose another name (export never overwrites a file)");
            return 1;
        }
        try {
            Timeline timeline = timeline(err);
            if (timeline == null) {
                return 1;
            }
            return clip ? clip(timeline, fromNanos, toNanos) : frame(timeline, fromNanos);
        } catch (FileAlreadyExistsException e) {
            err.println("export: " + out + ": already exists; choose another name (export never overwrites a file)");
        } catch (NoSuchFileException e) {
            err.println("export: " + e.getFile() + ": no such file or folder");
        } catch (AccessDeniedException e) {
            err.println("export: " + e.getFile() + ": permission denied");
        } catch (IOException e) {
            err.println("export: " + e.getMessage());
        }
        return 1;
    }

    private Timeline timeline(PrintWriter err) {
        List<RecordingIndex> segments = new ArrayList<>();
        for (Path in : inputs) {
            try {
                segments.add(IndexCache.SHARED.open(in));
            } catch (NoSuchFileException e) {
                err.println("export: " + in + ": no such file");
                return null;
            } catch (IOException e) {
                err.println("export: " + in + ": " + e.getMessage());
                return null;
            }
        }
        return Timeline.of(segments);
    }

    private int clip(Timeline timeline, long fromNanos, long toNanos) throws IOException {
        ClipExport.Result r = ClipExport.export(timeline, fromNanos, toNanos, out);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%s: %d frames, %s (%s to %s), %.1f MB%n", out, r.frames(),
                Times.format(r.ticks() * 1_000_000_000L / r.ticksPerSecond()), Times.format(fromNanos),
                Times.format(toNanos), r.bytes() / 1e6);
        o.flush();
        return 0;
    }

    private int frame(Timeline timeline, long atNanos) throws IOException {
        ClipExport.checkFiles(timeline);
        if (atNanos >= timeline.durationNanos()) {
            throw new IOException("--frame " + Times.format(atNanos) + " is past the end of the recording ("
                    + Times.format(timeline.durationNanos()) + ")");
        }
        int g = timeline.frameAt(atNanos);
        byte[] jpeg = timeline.readFrame(g);
        Files.write(out, jpeg, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%s: the frame shown at %s (it starts at %s), %d bytes%n", out, Times.format(atNanos),
                Times.format(timeline.frameNanos(g)), jpeg.length);
        o.flush();
        return 0;
    }
}
