package org.mjpegwall.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Finds external programs (ffmpeg, ffprobe, Xvfb) for integration tests. A test that needs a missing
 * tool is skipped on a developer's machine, but fails under CI (CI=true), where {@code .ci/run}
 * installs every tool, so a missing install step can never turn into a silent skip.
 */
public final class ExternalTools {
    private ExternalTools() {
    }

    /** Returns the tool's path, skipping the test if it is missing (failing under CI). */
    public static Path require(String name) {
        Path found = find(name);
        if (found == null && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(name + " is not installed, but CI must have it (see .ci/run)");
        }
        assumeTrue(found != null, name + " is not installed; skipping (bash .ci/run installs it)");
        return found;
    }

    /** The tool's path on PATH, or {@code null}. */
    public static Path find(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** Runs a command to completion, returning its exit status; output goes to the given file. */
    public static int run(Path log, long timeoutSeconds, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
        }
        return p.exitValue();
    }
}
