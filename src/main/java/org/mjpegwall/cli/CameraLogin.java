package org.mjpegwall.cli;

import java.net.URI;
import org.mjpegwall.source.MjpegClient;
import picocli.CommandLine.Option;

/** The camera credentials that {@code probe}, {@code snapshot} and {@code record} share (a picocli mixin). */
final class CameraLogin {
    @Option(names = "--user", paramLabel = "U", description = "User name for Basic or Digest authentication.")
    String user;

    @Option(names = "--password", paramLabel = "P", arity = "0..1", interactive = true,
            description = "Password (asked for when given without a value); never printed.")
    String password;

    /** A usage problem in words, or {@code null}. */
    String problem() {
        return password != null && user == null ? "--password needs --user" : null;
    }

    /**
     * A client of {@code url} with these credentials, not started.
     *
     * @throws IllegalArgumentException with the problem in words: the options ({@link #problem}) or the URL
     */
    MjpegClient client(String url) {
        if (problem() != null) {
            throw new IllegalArgumentException(problem());
        }
        try {
            return applyTo(MjpegClient.builder(new URI(url))).build();
        } catch (Exception e) {
            throw new IllegalArgumentException(CliErrors.badUrl(url, e), e);
        }
    }

    /** Gives the builder the credentials, when a user name was given. */
    MjpegClient.Builder applyTo(MjpegClient.Builder builder) {
        if (user != null) {
            builder.credentials(user, password == null ? "" : password);
        }
        return builder;
    }
}
