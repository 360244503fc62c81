package org.mjpegwall.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SecretsLoginTest {
    @Test
    void plusStaysPlusAndPercentEscapesAreDecoded() {
        // given a password with a plus and an escaped space
        URI camera = URI.create("http://viewer:a+b%20c@camera.local/video.mjpg");
        // when
        Secrets.Login login = Secrets.login(camera);
        // then
        assertEquals("viewer", login.user());
        assertEquals("a+b c", login.password());
    }

    @Test
    void userWithoutPasswordHasAnEmptyPassword() {
        assertEquals(new Secrets.Login("viewer", ""), Secrets.login(URI.create("http://viewer@camera/")));
    }

    @Test
    void noUserInfoIsNoLogin() {
        assertNull(Secrets.login(URI.create("http://camera/")));
    }

    @Test
    void aLoginNeverShowsItsPassword() {
        assertFalse(Secrets.login(URI.create("http://u:hunter2@camera/")).toString().contains("hunter2"));
    }
}
