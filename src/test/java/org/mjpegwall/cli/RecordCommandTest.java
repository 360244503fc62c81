package org.mjpegwall.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RecordCommandTest {
    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... args) {
        CommandLine cl = new CommandLine(new MainCommand());
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(out, true));
        return cl.execute(args);
    }

    @Test
    void badUrlIsAClearErrorThatHidesThePassword() {
        // when
        int exit = run("record", "ftp://bob:s3cret@camera/video", "--out", dir.resolve("a.avi").toString());

        // then
        assertEquals(2, exit);
        assertThat(err.toString(), containsString("record: not an http:// or https:// URL: ftp://camera/video"));
        assertThat(err.toString(), not(containsString("s3cret")));
        assertThat(err.toString(), not(containsString("\tat ")));
        assertFalse(Files.exists(dir.resolve("a.avi")));
    }

    @Test
    void badUrlHidesAPasswordInTheQuery() {
        // when
        int exit = run("record", "ftp://camera/video.cgi?user=admin&pwd=s3cret", "--out", dir.resolve("a.avi").toString());

        // then
        assertEquals(2, exit);
        assertThat(err.toString(), containsString("record: not an http:// or https:// URL: ftp://camera/video.cgi?user="));
        assertThat(err.toString(), not(containsString("s3cret")));
    }

    @Test
    void missingFolderIsAClearError() {
        // when
        Path missing = dir.resolve("no-such-folder");
        int exit = run("record", "http://127.0.0.1:9/stream", "--out", missing.resolve("a.avi").toString());

        // then
        assertEquals(1, exit);
        assertThat(err.toString(), containsString("record: recordings folder does not exist: " + missing));
        assertThat(err.toString(), not(containsString("\tat ")));
    }

    @Test
    void existingFileIsNotOverwritten() throws Exception {
        // given
        Path old = Files.writeString(dir.resolve("a.avi"), "old recording");

        // when
        int exit = run("record", "http://127.0.0.1:9/stream", "--out", old.toString());

        // then
        assertEquals(1, exit);
        assertThat(err.toString(), containsString("already exists"));
        assertEquals("old recording", Files.readString(old));
    }

    @Test
    void outputMustBeAnAviFile() {
        int exit = run("record", "http://127.0.0.1:9/stream", "--out", dir.resolve("a.mp4").toString());
        assertEquals(1, exit);
        assertThat(err.toString(), containsString("must end with .avi"));
    }

    @Test
    void secondsAndFramesCannotBeCombined() {
        int exit = run("record", "http://127.0.0.1:9/stream", "--out", dir.resolve("a.avi").toString(),
                "--seconds", "3", "--frames", "10");
        assertEquals(2, exit);
        assertThat(err.toString(), containsString("mutually exclusive"));
    }
}
