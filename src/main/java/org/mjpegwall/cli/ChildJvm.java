package org.mjpegwall.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM on this program's class path that a benchmark drives by lines: commands on its standard input,
 * answers on its standard output, its errors on ours. Why a second JVM: what the benchmark measures in this one
 * (CPU, memory, threads) must not include the load it makes.
 */
final class ChildJvm implements AutoCloseable {
    private final String name;
    private final String ended;
    private final Process process;
    private final BufferedReader from;
    private final PrintWriter to;

    private ChildJvm(String name, String ended, Process process) {
        this.name = name;
        this.ended = ended;
        this.process = process;
        this.from = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.to = new PrintWriter(new BufferedWriter(new OutputStreamWriter(process.getOutputStream(),
                StandardCharsets.UTF_8)), true);
    }

    /**
     * Starts {@code main} with {@code args} in a JVM of this Java with {@code jvmOptions}.
     *
     * @param name what the child's "ERROR " lines are put down to, as "name: what went wrong"
     * @param ended the message when the child ends before it answers
     */
    static ChildJvm start(String name, String ended, List<String> jvmOptions, Class<?> main, String... args)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        return new ChildJvm(name, ended, new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    /** Sends one command line. */
    void send(String line) {
        to.println(line);
    }

    /** Reads up to the line that starts with {@code prefix} and returns the rest of it. */
    String expect(String prefix) throws IOException {
        String line;
        while ((line = from.readLine()) != null) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
            if (line.startsWith("ERROR ")) {
                throw new IOException(name + ": " + line.substring(6));
            }
        }
        throw new IOException(ended);
    }

    /** Closes the child's input, which tells it to end, and kills it if it has not ended 10 s later. */
    @Override
    public void close() throws IOException, InterruptedException {
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
