package org.mjpegwall.ui.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PrismTuningTest {
    private final String before = System.getProperty(PrismTuning.DIRTY_REGIONS);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(PrismTuning.DIRTY_REGIONS);
        } else {
            System.setProperty(PrismTuning.DIRTY_REGIONS, before);
        }
    }

    /** In a JVM of its own (JavaFX reads its settings once): what JavaFX's renderer took, after {@link PrismTuning}. */
    public static void main(String[] args) throws Exception {
        PrismTuning.apply();
        Class<?> settings = Class.forName("com.sun.prism.impl.PrismSettings");
        System.out.println(settings.getField("dirtyRegionCount").getInt(null));
    }

    private static String dirtyRegionsJavaFxTakes(String... jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PrismTuningTest.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the child JVM did not finish");
        }
        assertEquals(0, p.exitValue(), out);
        String[] lines = out.strip().split("\\R");
        return lines[lines.length - 1];
    }

    @Test
    void javaFxTakesAsManyDirtyRegionsAsItCanUnlessTheCommandLineSaidOtherwise() throws Exception {
        // given nothing on the command line / when / then JavaFX's renderer takes 15 (its default is 6)
        assertEquals("15", dirtyRegionsJavaFxTakes());
        // given -Dprism.dirtyregioncount=4 / when / then it stays
        assertEquals("4", dirtyRegionsJavaFxTakes("-D" + PrismTuning.DIRTY_REGIONS + "=4"));
    }

    @Test
    void setsThePropertyOnlyWhenTheCommandLineDidNot() {
        // given nothing on the command line / when / then
        System.clearProperty(PrismTuning.DIRTY_REGIONS);
        PrismTuning.apply();
        assertEquals("15", System.getProperty(PrismTuning.DIRTY_REGIONS));
        // given a value / when / then it stays
        System.setProperty(PrismTuning.DIRTY_REGIONS, "6");
        PrismTuning.apply();
        assertEquals("6", System.getProperty(PrismTuning.DIRTY_REGIONS));
    }
}
