package org.mjpegwall.ui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Which name the review shows for the camera part of a recording's file name. */
class ReviewDayTest {
    @Test
    void aFileCameraIsShownByTheWallsNameForItAndOtherwiseAsItIs() {
        // given a wall with "Front door", "Yard" and two cameras that make the same file name
        UnaryOperator<String> names = ReviewDay.shownNames(List.of("Front door", "Yard", "Door 1", "Door_1"));
        // then
        assertEquals("Front door", names.apply("Front_door"));
        assertEquals("Yard", names.apply("Yard"));
        assertEquals("Door_1", names.apply("Door_1"), "two cameras make that file name: the file's own is shown");
        assertEquals("Old_camera", names.apply("Old_camera"), "a camera the wall no longer has");
    }
}
