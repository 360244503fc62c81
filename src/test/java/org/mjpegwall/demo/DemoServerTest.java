package org.mjpegwall.demo;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.server.FrameHub;

class DemoServerTest {
    @Test
    void servesEachCameraAtItsOwnAddressWithLiveFrames() throws Exception {
        // given
        DemoServer.Options options = DemoServer.Options.defaults().withCameras(3).withSize(160, 120).withFps(50);
        try (DemoServer demo = DemoServer.start(options)) {
            // when
            List<URI> uris = demo.cameraUris();

            // then
            assertEquals(3, uris.size());
            int port = demo.baseUri().getPort();
            assertThat(port, greaterThan(0));
            for (int i = 0; i < 3; i++) {
                assertEquals(URI.create("http://127.0.0.1:" + port + "/camera/" + (i + 1) + "/stream.mjpg"), uris.get(i));
            }
            FrameHub hub = demo.hubs().get(1);
            Frame first = hub.awaitNewer(null, 5, TimeUnit.SECONDS);
            assertNotNull(first, "camera 2 produced a frame");
            Frame second = hub.awaitNewer(first, 5, TimeUnit.SECONDS);
            assertNotNull(second, "camera 2 produced another frame");
            assertFalse(Arrays.equals(first.jpeg(), second.jpeg()), "consecutive frames differ");
            assertThat(second.sequence(), greaterThan(first.sequence()));
        }
    }

    @Test
    void closeStopsTheGeneratorsAndServerThreads() throws Exception {
        // given
        DemoServer demo = DemoServer.start(DemoServer.Options.defaults().withCameras(2).withSize(160, 120));
        assertNotNull(demo.hubs().get(0).awaitNewer(null, 5, TimeUnit.SECONDS));

        // when
        demo.close();

        // then
        List<String> left = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("demo-camera-") || n.startsWith("mjpeg-server-")).toList();
        assertThat(left, is(empty()));
    }

    @Test
    void rejectsBadOptionsWithClearMessages() {
        assertThrows(IllegalArgumentException.class, () -> DemoServer.Options.defaults().withCameras(0));
        assertThrows(IllegalArgumentException.class, () -> DemoServer.Options.defaults().withFps(0));
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> DemoServer.start(DemoServer.Options.defaults().withBind("0.0.0.0")));
        assertThat(ex.getMessage(), org.hamcrest.Matchers.containsString("without a password"));
    }
}
