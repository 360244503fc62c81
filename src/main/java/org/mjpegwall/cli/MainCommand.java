package org.mjpegwall.cli;

import java.util.concurrent.Callable;
import org.mjpegwall.ui.WallLauncher;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: with no subcommand it opens the camera wall. */
@Command(
        name = "mjpeg-wall",
        mixinStandardHelpOptions = true,
        versionProvider = MainCommand.Version.class,
        description = "Watch many MJPEG cameras at once, and probe, record, relay and serve MJPEG streams.",
        subcommands = {
            CommandLine.HelpCommand.class,
            ProbeCommand.class,
            SnapshotCommand.class,
            BenchParseCommand.class,
            DemoCommand.class,
            RelayCommand.class,
            BenchRelayCommand.class,
            BenchDemoCommand.class,
            RecordCommand.class,
            BenchRecordCommand.class,
            RepairCommand.class,
        })
public final class MainCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        return WallLauncher.launch(new String[0]);
    }

    /** Runs the command line and returns the exit status. */
    public static int execute(String... args) {
        return new CommandLine(new MainCommand()).execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = MainCommand.class.getPackage().getImplementationVersion();
            return new String[] {"mjpeg-wall " + (v == null ? "dev" : v)};
        }
    }
}
