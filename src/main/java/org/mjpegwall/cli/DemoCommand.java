package org.mjpegwall.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.mjpegwall.demo.DemoServer;
import org.mjpegwall.demo.PhotoFrames;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code demo}: serves synthetic test-pattern cameras until Ctrl-C. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Serve N synthetic test-pattern cameras as MJPEG at /camera/{1..N}/stream.mjpg, until Ctrl-C.")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions serve;

    @Option(names = "--cameras", defaultValue = "4", description = "Number of cameras, 1 to 64. Default: ${DEFAULT-VALUE}.")
    int cameras;

    @Option(names = "--fps", defaultValue = "30", description = "Frames per second of each camera. Default: ${DEFAULT-VALUE}.")
    double fps;

    @Option(names = "--size", defaultValue = "640x480", converter = ServeSupport.SizeConverter.class,
            description = "Frame size WIDTHxHEIGHT. Default: ${DEFAULT-VALUE}.")
    ServeSupport.Size size;

    @Option(names = "--replay", description = "Serve 8 photo-like frames, made once at start, in a loop instead of "
            + "rendering the test pattern: next to no CPU, for benchmarking viewers (bench-wall --source replay).")
    boolean replay;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        DemoServer demo;
        try {
            DemoServer.Options options = new DemoServer.Options(cameras, fps, size.width(), size.height(), serve.bind,
                    serve.port, serve.maxViewers, serve.password);
            demo = replay ? DemoServer.replay(options, serve.maxFps, PhotoFrames.make(size.width(), size.height(), 8))
                    : DemoServer.start(options, serve.maxFps);
        } catch (IllegalArgumentException | IOException ex) {
            return CliErrors.fail(err, "demo", 1, ex.getMessage());
        }
        out.println("Serving " + cameras + " demo cameras (" + size + ", " + fps + " fps) at " + demo.baseUri());
        demo.cameraUris().forEach(u -> out.println("  " + u));
        out.println("Press Ctrl-C to stop.");
        out.flush();
        ServeSupport.runUntilShutdown(demo);
        return 0;
    }
}
