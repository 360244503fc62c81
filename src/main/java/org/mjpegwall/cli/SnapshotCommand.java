package org.mjpegwall.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.mjpegwall.frame.SourceState;
import org.mjpegwall.frame.SourceStats;
import org.mjpegwall.frame.FrameBuffer;
import org.mjpegwall.source.MjpegClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code snapshot URL --out FILE.jpg}: saves the next complete frame, byte for byte. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Saves the next complete frame of an MJPEG stream (or snapshot URL) to a file, byte for byte.")
public final class SnapshotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CameraLogin login;

    @Parameters(index = "0", paramLabel = "URL", description = "http:// or https:// URL of the stream")
    String url;

    @Option(names = "--out", paramLabel = "FILE.jpg", required = true, description = "where to save the frame")
    Path out;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "10",
            description = "give up after S seconds (default ${DEFAULT-VALUE})")
    double timeout;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return fail(err, "cannot write " + out + ": folder " + dir + " does not exist");
        }
        if (!Files.isWritable(dir) || (Files.exists(target) && !Files.isWritable(target))
                || Files.isDirectory(target)) {
            return fail(err, "cannot write " + out + ": permission denied or not a file");
        }
        LibraryLog.quietClient();
        MjpegClient client;
        try {
            client = login.client(url);
        } catch (IllegalArgumentException e) {
            return fail(err, e.getMessage());
        }
        try (client) {
            // One buffer as large as the largest frame the client accepts: whatever arrives fits.
            FrameBuffer only = client.requestBuffers(32 * 1024 * 1024, 1).get(0);
            client.enqueueBuffer(only);
            client.start();
            long deadline = System.nanoTime() + (long) (timeout * 1e9);
            while (System.nanoTime() < deadline) {
                FrameBuffer buf = client.dequeueBuffer(50, TimeUnit.MILLISECONDS);
                if (buf != null) {
                    return save(buf, target, stdout, err);
                }
                SourceStats s = client.stats();
                if (s.state() == SourceState.BACKOFF && s.lastError() != null) {
                    // A one-shot command: the first failure is the answer, with no retries.
                    return fail(err, s.url() + ": " + s.lastError());
                }
            }
            SourceStats s = client.stats();
            return fail(err, CliErrors.noFrameWithin(s, timeout));
        }
    }

    private int save(FrameBuffer buf, Path target, PrintWriter stdout, PrintWriter err) {
        try {
            Path tmp = Files.createTempFile(target.getParent(), ".snapshot", ".tmp");
            try {
                Files.write(tmp, buf.toByteArray());
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            return fail(err, "cannot write " + out + ": " + e.getMessage());
        }
        stdout.println("saved " + buf.used() + " bytes to " + out);
        stdout.flush();
        return 0;
    }

    private static int fail(PrintWriter err, String message) {
        return CliErrors.fail(err, "snapshot", 1, message);
    }
}
