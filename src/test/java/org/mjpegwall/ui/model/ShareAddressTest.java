package org.mjpegwall.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShareAddressTest {
    @Test
    void pathNamesAreReadableAndMadeFromTheCameraName() {
        assertEquals("front-door", ShareAddress.slug("Front door", Set.of()));
        assertEquals("garage-2-left", ShareAddress.slug("  Garage #2 (left) ", Set.of()));
        assertEquals("cafe-terrasse", ShareAddress.slug("Café Terrasse", Set.of()));
        assertEquals("camera", ShareAddress.slug("監視", Set.of()));
    }

    @Test
    void takenNamesGetANumberAndEveryNameIsAValidServerId() {
        // when
        String second = ShareAddress.slug("Door", Set.of("door"));
        String third = ShareAddress.slug("Door", Set.of("door", "door-2"));
        String longName = ShareAddress.slug("x".repeat(300), Set.of());
        // then
        assertEquals("door-2", second);
        assertEquals("door-3", third);
        for (String id : new String[] {second, third, longName}) {
            assertTrue(id.matches("[A-Za-z0-9_-]{1,64}"), id);
        }
    }

    @Test
    void exposedSharesAreGivenOutWithTheNetworkAddress() throws Exception {
        // given
        URI local = URI.create("http://127.0.0.1:8765/camera/door/stream.mjpg");
        InetAddress lan = InetAddress.getByName("192.168.1.20");
        // then
        assertEquals("http://192.168.1.20:8765/camera/door/stream.mjpg", ShareAddress.forViewers(local, true, lan));
        assertEquals(local.toString(), ShareAddress.forViewers(local, false, lan));
        assertEquals(local.toString(), ShareAddress.forViewers(local, true, null));
    }
}
