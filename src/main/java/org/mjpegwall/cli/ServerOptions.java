package org.mjpegwall.cli;

import picocli.CommandLine.Option;

/** The serving options that {@code demo} and {@code relay} share (a picocli mixin). */
final class ServerOptions {
    @Option(names = "--port", defaultValue = "8080", description = "TCP port (0 = any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address to listen on. Default: ${DEFAULT-VALUE} (this machine only); any other needs --password.")
    String bind;

    @Option(names = "--max-viewers", defaultValue = "100", description = "Most stream viewers at once; more get a 503. Default: ${DEFAULT-VALUE}.")
    int maxViewers;

    @Option(names = "--max-fps", defaultValue = "0", description = "Most frames per second sent to each viewer (0 = no cap). Default: ${DEFAULT-VALUE}.")
    double maxFps;

    @Option(names = "--password", defaultValue = "${env:MJPEG_WALL_PASSWORD}",
            description = "Require HTTP Basic with any user name and this password from viewers (or set MJPEG_WALL_PASSWORD, which keeps it out of the process list).")
    String password;
}
