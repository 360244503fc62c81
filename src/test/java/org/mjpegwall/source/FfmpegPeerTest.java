package org.mjpegwall.source;

import org.mjpegwall.frame.Jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.testing.ExternalTools;

/** ffmpeg as a real MJPEG server (its mpjpeg muxer), read by MjpegClient and decoded. */
class FfmpegPeerTest {
    @TempDir
    Path dir;

    @Test
    void readsAndDecodesFfmpegMjpegStream() throws Exception {
        Path ffmpeg = ExternalTools.require("ffmpeg");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Process server = new ProcessBuilder(ffmpeg.toString(), "-hide_banner", "-loglevel", "error", "-re",
                "-f", "lavfi", "-i", "testsrc=size=320x240:rate=10", "-t", "30", "-f", "mpjpeg", "-listen", "1",
                "http://127.0.0.1:" + port + "/x")
                .redirectErrorStream(true).redirectOutput(dir.resolve("ffmpeg.log").toFile()).start();
        try (ClientHarness h = ClientHarness.start(ClientHarness.fast(URI.create("http://127.0.0.1:" + port + "/x"))
                .build())) {
            // when
            h.collect(5);
            // then
            for (byte[] jpeg : h.frames) {
                BufferedImage img = Jpeg.decode(jpeg, 0, jpeg.length);
                assertEquals(320, img.getWidth());
                assertEquals(240, img.getHeight());
            }
            assertTrue(h.sequences.get(4) >= 4);
            assertEquals(0, h.client.stats().discardedFrames());
        } finally {
            server.destroy();
            if (!server.waitFor(5, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
