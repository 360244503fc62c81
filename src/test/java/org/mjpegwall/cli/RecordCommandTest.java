package org.mjpegwall.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.testing.CliRun;

class RecordCommandTest {
    @TempDir
    Path dir;

    @Test
    void badUrlIsAClearErrorThatHidesThePassword() {
        // when
        CliRun run = CliRun.of("record", "ftp://bob:s3cret@camera/video", "--out", dir.resolve("a.avi").toString());

        // then
        assertEquals(2, run.status());
        assertThat(run.err(), containsString("record: not an http:// or https:// URL: ftp://camera/video"));
        assertThat(run.err(), not(containsString("s3cret")));
        assertThat(run.err(), not(containsString("\tat ")));
        assertFalse(Files.exists(dir.resolve("a.avi")));
    }

    @Test
    void badUrlHidesAPasswordInTheQuery() {
        // when
        CliRun run = CliRun.of("record", "ftp://camera/video.cgi?user=admin&pwd=s3cret", "--out", dir.resolve("a.avi").toString());

        // then
        assertEquals(2, run.status());
        assertThat(run.err(), containsString("record: not an http:// or https:// URL: ftp://camera/video.cgi?user="));
        assertThat(run.err(), not(containsString("s3cret")));
    }

    @Test
    void missingFolderIsAClearError() {
        // when
        Path missing = dir.resolve("no-such-folder");
        CliRun run = CliRun.of("record", "http://127.0.0.1:9/stream", "--out", missing.resolve("a.avi").toString());

        // then
        assertEquals(1, run.status());
        assertThat(run.err(), containsString("record: recordings folder does not exist: " + missing));
        assertThat(run.err(), not(containsString("\tat ")));
    }

    @Test
    void existingFileIsNotOverwritten() throws Exception {
        // given
        Path old = Files.writeString(dir.resolve("a.avi"), "old recording");

        // when
        CliRun run = CliRun.of("record", "http://127.0.0.1:9/stream", "--out", old.toString());

        // then
        assertEquals(1, run.status());
        assertThat(run.err(), containsString("already exists"));
        assertEquals("old recording", Files.readString(old));
    }

    @Test
    void outputMustBeAnAviFile() {
        CliRun run = CliRun.of("record", "http://127.0.0.1:9/stream", "--out", dir.resolve("a.mp4").toString());
        assertEquals(1, run.status());
        assertThat(run.err(), containsString("must end with .avi"));
    }

    @Test
    void secondsAndFramesCannotBeCombined() {
        CliRun run = CliRun.of("record", "http://127.0.0.1:9/stream", "--out", dir.resolve("a.avi").toString(),
                "--seconds", "3", "--frames", "10");
        assertEquals(2, run.status());
        assertThat(run.err(), containsString("mutually exclusive"));
    }
}
