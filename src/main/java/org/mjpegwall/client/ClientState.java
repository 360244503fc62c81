package org.mjpegwall.client;

/** Lifecycle of an {@link MjpegClient}: NEW → CONNECTING → STREAMING → BACKOFF → CONNECTING … → STOPPED. */
public enum ClientState {
    NEW, CONNECTING, STREAMING, BACKOFF, STOPPED
}
