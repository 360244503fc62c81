package org.mjpegwall.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.mjpegwall.config.RetentionConfig;

/** The retention form: whole days from 0 to 3650 and whole gigabytes; 0 means no limit; anything else in words. */
class RetentionSettingsTest {
    @Test
    void goodSettingsAreTaken() {
        assertEquals(new RetentionSettings(new RetentionConfig(14, 0), null), RetentionSettings.check(" 14 ", "0"));
        assertEquals(new RetentionConfig(0, 500_000_000_000L), RetentionSettings.check("0", "500").config());
        assertEquals(new RetentionConfig(3650, 1_000_000_000L), RetentionSettings.check("3650", "1").config());
    }

    @Test
    void badDaysOrQuotasAreRefusedInWords() {
        for (String days : new String[] {"-1", "3651", "two", "", "1.5"}) {
            RetentionSettings s = RetentionSettings.check(days, "0");
            assertNull(s.config(), days);
            assertEquals("Days must be a whole number from 0 (keep every day) to 3650.", s.problem());
        }
        for (String gb : new String[] {"-5", "1000001", "lots", "99999999999999999999"}) {
            RetentionSettings s = RetentionSettings.check("14", gb);
            assertNull(s.config(), gb);
            assertEquals("The quota must be a whole number of GB from 0 (no quota) to 1000000.", s.problem());
        }
    }

    @Test
    void aHandEditedQuotaIsShownRoundedUpNeverSmaller() {
        assertEquals(0, RetentionSettings.gigabytes(new RetentionConfig(14, 0)));
        assertEquals(1, RetentionSettings.gigabytes(new RetentionConfig(14, 100_000_000L)));
        assertEquals(200, RetentionSettings.gigabytes(new RetentionConfig(14, 200_000_000_000L)));
    }
}
