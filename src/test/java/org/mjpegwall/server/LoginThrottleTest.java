package org.mjpegwall.server;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The login throttle on fake time: 10 failures within a minute refuse an address for a minute. */
class LoginThrottleTest {
    private static final String ATTACKER = "192.0.2.7";
    private final AtomicLong now = new AtomicLong(TimeUnit.DAYS.toNanos(3));
    private final LoginThrottle throttle = new LoginThrottle(LoginThrottle.Policy.DEFAULTS, now::get);

    private void advanceSeconds(double s) {
        now.addAndGet((long) (s * 1e9));
    }

    @Test
    void refusesAnAddressAfterTenFailuresWithinAMinuteUntilTheCoolingPeriodEnds() {
        // given nine failures: not refused yet
        for (int i = 0; i < 9; i++) {
            assertFalse(throttle.failed(ATTACKER).refusingNow());
            advanceSeconds(1);
        }
        assertEquals(0, throttle.refusal(ATTACKER));

        // when the tenth fails
        LoginThrottle.Outcome tenth = throttle.failed(ATTACKER);

        // then it is refused for 60 s, counting down
        assertTrue(tenth.refusingNow());
        assertEquals(60, throttle.refusal(ATTACKER));
        advanceSeconds(59.5);
        assertEquals(1, throttle.refusal(ATTACKER));
        advanceSeconds(0.5);
        assertEquals(0, throttle.refusal(ATTACKER));
    }

    @Test
    void failuresSpreadOverMoreThanAMinuteAreNotThrottled() {
        // when 30 failures come 7 s apart (at most 9 within any minute)
        for (int i = 0; i < 30; i++) {
            assertFalse(throttle.failed(ATTACKER).refusingNow(), "failure " + i);
            advanceSeconds(7);
        }

        // then
        assertEquals(0, throttle.refusal(ATTACKER));
    }

    @Test
    void otherAddressesAreNotRefused() {
        // given
        for (int i = 0; i < 10; i++) {
            throttle.failed(ATTACKER);
        }

        // then
        assertEquals(60, throttle.refusal(ATTACKER));
        assertEquals(0, throttle.refusal("192.0.2.8"));
    }

    @Test
    void aSuccessfulLoginForgetsEarlierFailures() {
        // given nine failures, then the right password
        for (int i = 0; i < 9; i++) {
            throttle.failed(ATTACKER);
        }
        throttle.succeeded(ATTACKER);

        // when one more fails
        LoginThrottle.Outcome o = throttle.failed(ATTACKER);

        // then
        assertFalse(o.refusingNow());
        assertEquals(0, throttle.refusal(ATTACKER));
    }

    @Test
    void logsOncePerAddressAndPeriodWithTheCount() {
        // given a first failure: logged
        LoginThrottle.Outcome first = throttle.failed(ATTACKER);
        assertEquals("failed login from " + ATTACKER, first.logLine());

        // when 5 more fail within the minute: not logged
        for (int i = 0; i < 5; i++) {
            advanceSeconds(5);
            assertNull(throttle.failed(ATTACKER).logLine());
        }

        // then the first failure after the minute reports them all
        advanceSeconds(40);
        assertEquals("6 failed logins from " + ATTACKER + " since the last report", throttle.failed(ATTACKER).logLine());
    }

    @Test
    void logsWhenRefusingStartsAndReportsRefusedRequestsLater() {
        // given ten failures within a minute
        String refusingLine = null;
        for (int i = 0; i < 10; i++) {
            LoginThrottle.Outcome o = throttle.failed(ATTACKER);
            if (o.refusingNow()) {
                refusingLine = o.logLine();
            }
        }
        assertNotNull(refusingLine);
        assertThat(refusingLine, containsString("10 failed logins from " + ATTACKER + " within 60 s"));
        assertThat(refusingLine, containsString("refusing its requests for 60 s"));

        // when 290 requests are refused, the cooling ends and it fails once more
        for (int i = 0; i < 290; i++) {
            throttle.refusal(ATTACKER);
        }
        advanceSeconds(61);
        assertEquals(0, throttle.refusal(ATTACKER));
        String after = throttle.failed(ATTACKER).logLine();

        // then
        assertEquals("failed login from " + ATTACKER + ", and 290 refused requests", after);
    }

    @Test
    void remembersABoundedNumberOfAddresses() {
        // given the attacker refused
        for (int i = 0; i < 10; i++) {
            throttle.failed(ATTACKER);
        }

        // when more other addresses fail than it remembers
        for (int i = 0; i < LoginThrottle.MAX_ADDRESSES; i++) {
            throttle.failed("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255));
        }

        // then the one seen least recently is forgotten (memory stays bounded)
        assertEquals(0, throttle.refusal(ATTACKER));
    }
}
