package org.mjpegwall.ui.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mjpegwall.ui.FxTesting.fx;
import static org.mjpegwall.ui.FxTesting.fxRun;
import static org.mjpegwall.ui.FxTesting.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.mjpegwall.config.ConfigStore;
import org.mjpegwall.config.RetentionConfig;
import org.mjpegwall.config.WallConfig;
import org.mjpegwall.config.WindowGeometry;
import org.mjpegwall.testing.TestRecordings;
import org.mjpegwall.ui.model.WallRetention;
import org.mjpegwall.ui.model.WallSession;

/** File ▸ Recordings & events: keep…: shows the folder's usage, refuses a bad value in words, saves and applies at once. */
class RetentionDialogTest extends WallWindowCase {
    private TextField days() {
        return lookup("#retention-days").queryAs(TextField.class);
    }

    @Test
    void anotherProgramsAviFilesAreSaidApartAsNeverCountedNorDeleted() {
        Path videos = home.resolve("videos");
        assertEquals(videos + " holds 12 recordings (3.2 GB) and 41 MB of motion events.",
                RetentionDialog.describe(new WallRetention.Usage(videos, 12, 3_200_000_000L, 41_000_000L, 0, 0)));
        assertEquals(videos + " holds 1 recording (5 MB) and 0 bytes of motion events. 2 other AVI files (1.1 GB) are"
                + " not MJPEG Wall's: never counted, never deleted.",
                RetentionDialog.describe(new WallRetention.Usage(videos, 1, 5_000_000L, 0, 2, 1_100_000_000L)));
    }

    @Test
    void theSettingIsShownCheckedSavedAndAppliedAtOnce() throws Exception {
        // given a wall keeping 14 days, whose folder holds a recording of 5 days ago
        Path videos = Files.createDirectories(home.resolve("videos"));
        Path fiveDays = TestRecordings.write(videos.resolve("Yard_2026-11-25_10-00-00.avi"), TestRecordings.frames(0, 3),
                12, 36);
        Files.setLastModifiedTime(fiveDays, FileTime.from(Instant.now().minus(Duration.ofDays(5))));
        ConfigStore store = ConfigStore.at(home.resolve("config.json"));
        WallConfig config = WallConfig.empty().withRecordingsFolder(videos.toString())
                .withWindow(new WindowGeometry(0, 0, 1000, 600, false));
        wall = fx(() -> new WallWindow(new Stage(), new WallSession(store, true, config, List.of(), false, c -> null, null)));
        // when File ▸ Recordings & events: keep… is chosen (it sits after "Recording folder…")
        MenuItem item = fx(() -> {
            List<MenuItem> file = lookup("#menu-bar").queryAs(MenuBar.class).getMenus().get(0).getItems();
            MenuItem keep = file.stream().filter(i -> "menu-retention".equals(i.getId())).findFirst().orElseThrow();
            assertEquals("Recording folder…", file.get(file.indexOf(keep) - 1).getText());
            return keep;
        });
        fxRun(item::fire);
        // then it shows the setting and what the folder holds
        waitUntil(10, "the dialog", () -> lookup("#retention-settings").tryQuery().isPresent());
        assertEquals("14", fx(() -> days().getText()));
        assertEquals("0", fx(() -> lookup("#retention-gb").queryAs(TextField.class).getText()));
        waitUntil(10, "the folder's usage", () -> lookup("#retention-usage").queryAs(Label.class).getText()
                .startsWith(videos + " holds 1 recording ("));
        // when a bad number is typed and saved
        fxRun(() -> days().setText("-2"));
        clickOn("#retention-save");
        // then it says why and nothing changes
        waitUntil(5, "the message", () -> lookup("#retention-message").queryAs(Label.class).getText()
                .equals("Days must be a whole number from 0 (keep every day) to 3650."));
        assertTrue(Files.exists(fiveDays));
        // when 3 days are saved
        fxRun(() -> days().setText("3"));
        clickOn("#retention-save");
        // then the dialog closes, the recording of 5 days ago is deleted at once, and the setting is saved
        waitUntil(5, "the dialog closes", () -> lookup("#retention-settings").tryQuery().isEmpty());
        waitUntil(10, "the old recording is deleted", () -> !Files.exists(fiveDays));
        waitUntil(10, "the setting is saved", () -> {
            try {
                return store.load().orElseThrow().retention().equals(new RetentionConfig(3, 0));
            } catch (Exception e) {
                return false;
            }
        });
    }
}
