package org.mjpegwall.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mjpegwall.record.AviRepair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code repair}: finishes recordings that a crash or a kill left without an index. One line per
 * file, and a problem with one file never stops the others; the exit status is 0 only when every
 * file is complete afterwards (or was an empty recording of ours and is gone).
 */
@Command(name = "repair", mixinStandardHelpOptions = true,
        description = {"Finish AVI recordings that a crash, kill or power loss left unfinished.",
            "Checks the index against the data, cuts off a partly written last frame, fixes the headers and adds"
                    + " the index, through a temporary file that replaces the original only if no frame is lost.",
            "Only files MJPEG Wall wrote are ever changed; any other file is left exactly as it is. A recording of"
                    + " ours with no complete frame is deleted.",
            "Exit status: 0 if every file is complete afterwards, 1 otherwise."})
public final class RepairCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.avi", arity = "1..*", description = "Recordings to check and repair.")
    List<Path> files;

    @Override
    public Integer call() {
        // Each file gets its one line here; the repair's own INFO log would repeat it.
        String level = "org.slf4j.simpleLogger.log.org.mjpegwall.record.AviRepair";
        if (System.getProperty(level) == null) {
            System.setProperty(level, "warn");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failures = 0;
        for (Path f : files) {
            String problem;
            try {
                AviRepair.Result r = AviRepair.repair(f);
                problem = switch (r.outcome()) {
                    case ALREADY_COMPLETE -> done(out, f, "complete, " + r.frames() + " frames");
                    case REPAIRED -> done(out, f, "repaired, " + r.frames() + " frames");
                    case DELETED_EMPTY -> done(out, f, "deleted (no complete frame)");
                    case UNCHANGED -> r.message() + "; left unchanged";
                };
            } catch (NoSuchFileException e) {
                problem = "no such file";
            } catch (IOException e) {
                problem = e.getMessage();
            } catch (RuntimeException e) {
                // A bug, not the file's fault; the rest of the batch still runs.
                problem = "could not repair (internal error: " + e + "); left unchanged";
            }
            if (problem != null) {
                failures++;
                err.println("repair: " + f + ": " + problem);
            }
        }
        out.flush();
        err.flush();
        return failures == 0 ? 0 : 1;
    }

    private static String done(PrintWriter out, Path f, String what) {
        out.println(f + ": " + what);
        return null;
    }
}
