package org.mjpegwall.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.record.AviRepair;
import picocli.CommandLine;

class RepairCommandTest {
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
    void repairsUnfinishedRecordingAndRefusesOtherFiles() throws Exception {
        // given a recording whose index is missing (as after a kill), and a text file
        Path rec = dir.resolve("rec.avi");
        byte[] jpeg = BenchRecordCommand.makeFrames(64, 64, 1).get(0);
        var w = org.mjpegwall.record.AviWriter.create(rec, 30);
        w.writeFrame(jpeg, 0);
        w.writeFrame(jpeg, 1);
        w.sync(false);
        w.close();
        Path notes = Files.writeString(dir.resolve("notes.txt"), "not a video");

        // when
        int exit = run("repair", rec.toString(), notes.toString());

        // then
        assertEquals(1, exit);
        assertThat(out.toString(), containsString(rec + ": repaired, 2 frames"));
        assertThat(err.toString(), containsString("repair: " + notes + ": not an AVI file"));
        assertTrue(AviRepair.isComplete(rec));
        assertEquals("not a video", Files.readString(notes));

        // and a second run finds it complete
        out.getBuffer().setLength(0);
        assertEquals(0, run("repair", rec.toString()));
        assertEquals(List.of(rec + ": complete, 2 frames"), out.toString().lines().toList());
    }

    @Test
    void aFileThatCrashedTheParserNoLongerStopsTheBatch() throws Exception {
        // given a recording whose hdrl LIST says 0 bytes, an unfinished good recording, and a text file
        byte[] jpeg = BenchRecordCommand.makeFrames(64, 64, 1).get(0);
        Path bad = unfinished("bad.avi", jpeg);
        try (var f = new java.io.RandomAccessFile(bad.toFile(), "rw")) {
            f.seek(16);
            f.writeInt(0);
        }
        Path good = unfinished("good.avi", jpeg);
        Path notes = Files.writeString(dir.resolve("notes.avi"), "not a video");

        // when
        int exit = run("repair", bad.toString(), good.toString(), notes.toString());

        // then every file got its one line, without a stack trace, and the good one is repaired
        assertEquals(1, exit, "one file could not be repaired");
        String all = out.toString() + err.toString();
        assertFalse(all.contains("\tat ") || all.contains("Exception"), all);
        assertEquals(3, all.lines().count(), all);
        assertThat(out.toString(), containsString(good + ": repaired, 2 frames"));
        assertThat(err.toString(), containsString("repair: " + notes + ": "));
        assertTrue(AviRepair.isComplete(good));
        assertEquals("not a video", Files.readString(notes));
    }

    private Path unfinished(String name, byte[] jpeg) throws Exception {
        Path rec = dir.resolve(name);
        var w = org.mjpegwall.record.AviWriter.create(rec, 30);
        w.writeFrame(jpeg, 0);
        w.writeFrame(jpeg, 1);
        w.sync(false);
        w.close();
        return rec;
    }
}
