package org.mjpegwall.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.mjpegwall.cli.MainCommand;
import picocli.CommandLine;

/** Runs the command line in-process, as a user would type it, capturing its exit status and what it prints. */
public record CliRun(int status, String out, String err) {
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = new CommandLine(new MainCommand()).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute(args);
        return new CliRun(status, out.toString(), err.toString());
    }
}
