package org.mjpegwall.server;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.demo.DemoCamera;
import org.mjpegwall.testing.ExternalTools;

class FfmpegReadsStreamTest {
    @TempDir
    Path dir;

    @Test
    void ffmpegCopiesFramesByteEqualToThoseSent() throws Exception {
        // given a server fed real JPEGs from a demo camera
        Path ffmpeg = ExternalTools.require("ffmpeg");
        DemoCamera camera = new DemoCamera("ffmpeg test", 320, 240);
        List<byte[]> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        FrameHub hub = new FrameHub();
        try (MjpegServer server = MjpegServer.builder().build()) {
            server.addCamera("1", "ffmpeg test", hub);
            server.start();
            Thread feeder = new Thread(() -> {
                for (int i = 0; i < 600 && !Thread.currentThread().isInterrupted(); i++) {
                    byte[] jpeg = camera.render(i);
                    sent.add(jpeg);
                    hub.publish(new Frame(jpeg, i, System.currentTimeMillis(), System.nanoTime()));
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException ex) {
                        return;
                    }
                }
            }, "test-feeder");
            feeder.start();
            try {
                // when ffmpeg copies 10 frames out of the stream without re-encoding
                int exit = ExternalTools.run(dir.resolve("ffmpeg.log"), 60, ffmpeg.toString(), "-nostdin", "-loglevel", "error",
                        "-i", server.streamUri("1").toString(), "-frames:v", "10", "-c", "copy", "-f", "image2",
                        dir.resolve("out%03d.jpg").toString());
                assertEquals(0, exit, () -> "ffmpeg failed: " + readLog());
            } finally {
                feeder.interrupt();
                feeder.join(5000);
            }
        }

        // then every file ffmpeg wrote is exactly one of the frames sent, and they are distinct
        Set<String> sentKeys = new HashSet<>();
        for (byte[] s : sent) {
            sentKeys.add(Arrays.toString(s));
        }
        List<Path> outputs;
        try (Stream<Path> files = Files.list(dir)) {
            outputs = files.filter(p -> p.getFileName().toString().startsWith("out")).sorted().toList();
        }
        assertEquals(10, outputs.size());
        Set<String> seen = new HashSet<>();
        for (Path p : outputs) {
            String key = Arrays.toString(Files.readAllBytes(p));
            assertTrue(sentKeys.contains(key), p + " is byte-equal to a frame sent");
            seen.add(key);
        }
        assertThat(seen.size(), greaterThan(1));
    }

    private String readLog() {
        try {
            return Files.readString(dir.resolve("ffmpeg.log"));
        } catch (java.io.IOException ex) {
            return "(no log)";
        }
    }
}
