package org.mjpegwall.config;

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
}
