package org.mjpegwall.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mjpegwall.record.AviRepair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code repair}: finishes recordings that a crash or a kill left without an index. */
@Command(name = "repair", mixinStandardHelpOptions = true,
        description = {"Finish AVI recordings that a crash, kill or power loss left unfinished.",
            "Cuts off a partly written last frame, fixes the headers and adds the index. Empty files are deleted;"
                    + " finished files are left as they are."})
public final class RepairCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.avi", arity = "1..*", description = "Recordings to check and repair.")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failures = 0;
        for (Path f : files) {
            try {
                if (!Files.isRegularFile(f)) {
                    throw new IOException("no such file");
                }
                AviRepair.Result r = AviRepair.repair(f);
                out.println(f + ": " + switch (r.outcome()) {
                    case ALREADY_COMPLETE -> "complete, " + r.frames() + " frames";
                    case REPAIRED -> "repaired, " + r.frames() + " frames";
                    case DELETED_EMPTY -> "deleted (no complete frame)";
                });
            } catch (IOException e) {
                failures++;
                err.println("repair: " + f + ": " + e.getMessage());
            }
        }
        out.flush();
        err.flush();
        return failures == 0 ? 0 : 1;
    }
}
