package org.mjpegwall.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mjpegwall.ui.model.WallStart;
import org.mjpegwall.ui.window.WallLauncher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
            BenchWallCommand.class,
            BenchDecodeCommand.class,
            BenchSoakCommand.class,
            MotionCommand.class,
            BenchMotionCommand.class,
            ExportCommand.class,
            BenchReviewCommand.class,
        })
public final class MainCommand implements Callable<Integer> {

    @Option(names = "--demo", paramLabel = "N",
            description = "Open N built-in demo cameras instead of the saved ones; the saved configuration is not touched.")
    int demo;

    @Option(names = "--demo-size", paramLabel = "WxH", defaultValue = "640x480",
            description = "Image size of the demo cameras (default: ${DEFAULT-VALUE}).")
    String demoSize;

    @Option(names = "--demo-fps", paramLabel = "FPS", defaultValue = "15",
            description = "Frame rate of the demo cameras (default: ${DEFAULT-VALUE}).")
    int demoFps;

    @Option(names = "--kiosk",
            description = "Start in kiosk mode: full screen, no menu, no pointer (remembered; Esc asks before leaving).")
    boolean kiosk;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Use this configuration file instead of the one in the user's configuration directory.")
    Path config;

    @Override
    public Integer call() {
        if (demo < 0 || demo > 64 || demoFps < 1 || demoFps > 120) {
            System.err.println("--demo must be between 0 and 64, and --demo-fps between 1 and 120");
            return 2;
        }
        int[] size = BenchWallCommand.parseSize(demoSize, "--demo-size");
        try {
            return WallLauncher.launch(new WallStart.Options(config, demo, size[0], size[1], demoFps, kiosk));
        } catch (UnsupportedOperationException | IllegalStateException e) {
            System.err.println("The camera wall needs a display: " + e.getMessage());
            return 1;
        }
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
