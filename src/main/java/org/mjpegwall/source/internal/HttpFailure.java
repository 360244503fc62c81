package org.mjpegwall.source.internal;

import java.io.IOException;

/** A failure of an HTTP exchange whose message is already in plain words ("wrong password"). */
public final class HttpFailure extends IOException {
    public HttpFailure(String message) {
        super(message);
    }
}
