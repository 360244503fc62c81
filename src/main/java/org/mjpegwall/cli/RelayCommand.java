package org.mjpegwall.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.mjpegwall.server.MjpegRelay;
import org.mjpegwall.server.MjpegServer;
import org.mjpegwall.util.Secrets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code relay}: re-serves one camera to many viewers over a single upstream connection, until Ctrl-C. */
@Command(name = "relay", mixinStandardHelpOptions = true,
        description = {"Relay one MJPEG camera as /camera/1/stream.mjpg to any number of viewers, over one upstream "
                + "connection that opens on the first viewer and closes a few seconds after the last.",
            "The relayed stream is always standard multipart/x-mixed-replace, whatever the camera sends."})
public final class RelayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions serve;

    @Parameters(index = "0", paramLabel = "URL", description = "The camera's MJPEG stream URL (http:// or https://).")
    String url;

    @Option(names = "--camera-user", description = "User name for the camera.")
    String cameraUser;

    @Option(names = "--camera-password", defaultValue = "${env:MJPEG_WALL_CAMERA_PASSWORD}",
            description = "Password for the camera (or set MJPEG_WALL_CAMERA_PASSWORD).")
    String cameraPassword;

    @Option(names = "--linger", defaultValue = "5", description = "Seconds the camera connection stays open after the last viewer leaves. Default: ${DEFAULT-VALUE}.")
    int lingerSeconds;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        URI camera;
        try {
            camera = new URI(url.trim());
        } catch (URISyntaxException ex) {
            return CliErrors.fail(err, "relay", 2, "not a URL: " + ex.getReason());
        }
        if (cameraPassword != null && cameraUser == null) {
            cameraUser = "";
        }
        if (lingerSeconds < 0) {
            return CliErrors.fail(err, "relay", 2, "--linger must be 0 or more seconds");
        }
        MjpegRelay relay;
        MjpegServer server;
        try {
            relay = MjpegRelay.forCamera(camera, cameraUser, cameraPassword, Duration.ofSeconds(lingerSeconds));
            server = MjpegServer.builder().bind(serve.bind).port(serve.port).maxViewers(serve.maxViewers)
                    .maxFpsPerViewer(serve.maxFps).password(serve.password).title("MJPEG Wall relay").build();
        } catch (IllegalArgumentException ex) {
            return CliErrors.fail(err, "relay", 2, ex.getMessage());
        }
        String shown = Secrets.redact(camera);
        server.addCamera("1", "Relay of " + shown, relay.hub(), relay::status);
        try {
            server.start();
        } catch (IOException ex) {
            err.println("relay: " + ex.getMessage());
            err.flush();
            relay.close();
            return 1;
        }
        relay.start();
        out.println("Relaying " + shown + " at " + server.streamUri("1"));
        out.println("Index: " + server.baseUri() + "  Status: " + server.baseUri().resolve("status"));
        out.println("The camera connection opens on the first viewer. Press Ctrl-C to stop.");
        out.flush();
        ServeSupport.runUntilShutdown(() -> {
            server.close();
            relay.close();
        });
        return 0;
    }
}
