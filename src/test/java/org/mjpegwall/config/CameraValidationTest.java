package org.mjpegwall.config;

import org.mjpegwall.util.Secrets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CameraValidationTest {
    @Test
    void acceptsAPlainHttpCamera() {
        assertEquals(List.of(), CameraValidation.problems(CameraConfig.of("Door", "http://192.168.1.20:8080/video")));
    }

    @Test
    void explainsEachBadInput() {
        assertTrue(CameraValidation.problems(CameraConfig.of("", "http://h/")).get(0).contains("name"));
        assertTrue(CameraValidation.problems(CameraConfig.of("A", "")).get(0).contains("URL"));
        assertTrue(CameraValidation.problems(CameraConfig.of("A", "rtsp://h/x")).get(0).contains("http://"));
        assertTrue(CameraValidation.problems(CameraConfig.of("A", "http://exa mple/")).get(0).contains("not valid"));
        assertTrue(CameraValidation.problems(CameraConfig.of("A", "http://u:p@h/")).get(0).contains("own fields"));
        assertTrue(CameraValidation.problems(new CameraConfig(null, "A", "http://h/", null, "p", true, null))
                .get(0).contains("user name"));
        assertTrue(CameraValidation.problems(new CameraConfig(null, "A", "http://h/", null, null, true, 0.0))
                .get(0).contains("interval"));
    }

    @Test
    void displayUrlHidesUserInfoAndSecretQueryValues() {
        // given / when
        String shown = CameraValidation.displayUrl("http://admin:hunter2@cam.local:81/cgi/mjpg?user=admin&pwd=hunter2&res=hi");
        // then
        assertEquals("http://cam.local:81/cgi/mjpg?user=***&pwd=***&res=hi", shown);
        assertEquals("http://cam/videostream.cgi?loginuse=***&loginpas=***",
                CameraValidation.displayUrl("http://cam/videostream.cgi?loginuse=a&loginpas=s3cret"));
        // a secret is masked up to the next '&', so a value that itself holds ';' is not half shown
        assertEquals("http://cam/x?token=***", CameraValidation.displayUrl("http://cam/x?token=abc;password=def"));
        assertEquals("http://cam/x?cam_password=***&res=hi", CameraValidation.displayUrl("http://cam/x?cam_password=abc&res=hi"));
        assertEquals("http://cam/video?action=stream", CameraValidation.displayUrl("http://cam/video?action=stream"));
    }

    @Test
    void redactReplacesTheUrlInsideAMessage() {
        // given a message as URI.create gives it for a URL with a space
        String url = "http://cam/x?pwd=hunter2 y";
        String message = "Illegal character in query at index 23: " + url;
        // when
        String safe = Secrets.redact(message, url);
        // then
        assertEquals("Illegal character in query at index 23: http://cam/x?pwd=***", safe);
        assertTrue(!safe.contains("hunter2"), safe);
    }
}
