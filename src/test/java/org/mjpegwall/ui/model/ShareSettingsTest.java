package org.mjpegwall.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.mjpegwall.config.ShareConfig;

/** The share settings form: a port from 0 to 65535, and a password before other computers may watch. */
class ShareSettingsTest {
    @Test
    void goodSettingsAreTaken() {
        assertEquals(new ShareSettings(new ShareConfig(8765, true, "pw"), null), ShareSettings.check(" 8765 ", true, "pw"));
        assertEquals(new ShareConfig(0, false, null), ShareSettings.check("0", false, "").config());
    }

    @Test
    void aBadPortOrAnOpenShareWithoutPasswordIsRefusedInWords() {
        for (String port : new String[] {"-1", "65536", "eighty", ""}) {
            ShareSettings s = ShareSettings.check(port, false, "");
            assertNull(s.config(), port);
            assertEquals("The port must be a number from 0 to 65535.", s.problem());
        }
        assertEquals("Sharing with other computers needs a password.", ShareSettings.check("8765", true, "").problem());
    }
}
