package org.mjpegwall.ui.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mjpegwall.testing.TestCameras.cameras;

import java.awt.Color;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mjpegwall.config.CameraConfig;
import org.mjpegwall.config.ConfigStore;
import org.mjpegwall.config.ShareConfig;
import org.mjpegwall.config.WallConfig;
import org.mjpegwall.config.WindowGeometry;
import org.mjpegwall.frame.CameraFeed;
import org.mjpegwall.frame.Frame;
import org.mjpegwall.record.AviReader;
import org.mjpegwall.source.MjpegClient;
import org.mjpegwall.testing.FakeTime;
import org.mjpegwall.testing.ManualScheduler;
import org.mjpegwall.testing.TestJpegs;
import org.mjpegwall.ui.TestSource;

/**
 * The wall's controller without a toolkit: cameras started, edited and stopped, the settings flows
 * (import, export, folders, share settings), the tile actions, saving, quitting and shutdown. Background
 * and UI work run at once on the test's thread, and the dialogs answer as told.
 */
class WallControllerTest {
    @TempDir
    Path home;

    private final Map<String, TestSource> sources = new LinkedHashMap<>();
    private final List<TestSource> opened = new ArrayList<>();
    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final FakeTime time = new FakeTime(java.time.Instant.parse("2026-11-30T14:02:00Z"));
    private final AtomicBoolean onCloseRan = new AtomicBoolean();
    private WallController controller;

    @AfterEach
    void close() {
        if (controller != null) {
            controller.close(null);
        }
    }

    private ConfigStore store() {
        return ConfigStore.at(home.resolve("config.json"));
    }

    private WallConfig saved() throws Exception {
        return store().load().orElseThrow();
    }

    private WallController open(WallConfig config) {
        return open(new WallSession(store(), true, config, List.of(), false, this::connect, () -> onCloseRan.set(true)));
    }

    private WallController open(WallSession session) {
        controller = new WallController(session, tasks, dialogs, time, new ManualScheduler(time));
        controller.start();
        return controller;
    }

    private CameraStream connect(CameraConfig c) {
        TestSource s = new TestSource(time::nanoTime);
        sources.put(c.id(), s);
        opened.add(s);
        return s;
    }

    private CameraModel camera(int index) {
        return controller.model().cameras().get(index);
    }

    private List<String> names() {
        return controller.model().cameras().stream().map(c -> c.config().name()).toList();
    }

    @Test
    void enabledCamerasStartWhenTheWallOpensAndADisabledOneDoesNot() {
        // given
        List<CameraConfig> list = new ArrayList<>(cameras(2));
        list.set(1, list.get(1).withEnabled(false));
        // when
        open(WallConfig.empty().withCameras(list));
        // then
        assertTrue(sources.get("cam1").isStarted());
        assertNull(sources.get("cam2"));
        assertNull(camera(1).source());
        assertEquals(TileStatus.DISABLED, camera(1).statusProperty().get());
        assertEquals(0, controller.model().selectedProperty().get());
    }

    @Test
    void aCameraThatCannotStartSaysWhyWithoutItsPassword() {
        // given a hand-edited camera URL that does not parse, with a password in its query
        CameraConfig bad = new CameraConfig("bad", "Bad", "http://127.0.0.1:9/cgi?pwd=hunter2 x", null, null, true, null);
        // when the real connector opens it
        open(new WallSession(null, false, WallConfig.empty().withCameras(List.of(bad)), List.of(), false,
                CameraConnector::connect, null));
        // then the camera is on the wall, stopped, saying why, and the password is nowhere in it
        TileStatus status = camera(0).statusProperty().get();
        assertEquals(TileStatus.Kind.STOPPED, status.kind());
        assertTrue(status.text().contains("Illegal character"), status.text());
        assertFalse(status.text().contains("hunter2"), status.text());
        // and it stays so when refreshed
        camera(0).refresh(time.instant(), time.nanoTime(), time.zone());
        assertEquals(status, camera(0).statusProperty().get());
    }

    @Test
    void editingACameraReconnectsItKeepsTheOthersRunningAndRemovingOneStopsIt() throws Exception {
        // given three cameras
        open(WallConfig.empty().withCameras(cameras(3)));
        CameraModel second = camera(1);
        TestSource firstSource = sources.get("cam1");
        TestSource thirdSource = sources.get("cam3");
        // when the first is edited and the third removed
        CameraConfig edited = new CameraConfig("cam1", "Cam 1", "http://127.0.0.1:9/new", null, null, true, null);
        controller.applyCameras(List.of(edited, cameras(3).get(1)));
        // then the first reconnected, the second kept running untouched, the third stopped; saved at once
        assertTrue(firstSource.isClosed());
        assertNotSame(firstSource, camera(0).source());
        assertTrue(((TestSource) camera(0).source()).isStarted());
        assertSame(second, camera(1));
        assertFalse(sources.get("cam2").isClosed());
        assertTrue(thirdSource.isClosed());
        assertEquals(List.of("http://127.0.0.1:9/new", "http://127.0.0.1:9/2"),
                saved().cameras().stream().map(CameraConfig::url).toList());
    }

    @Test
    void disablingACameraStopsItsConnectionAndEnablingStartsANewOne() throws Exception {
        // given
        open(WallConfig.empty().withCameras(cameras(2)));
        TestSource first = sources.get("cam1");
        // when
        controller.toggleEnabled(camera(0));
        // then
        assertTrue(first.isClosed());
        assertNull(camera(0).source());
        assertFalse(saved().cameras().get(0).enabled());
        // when enabled again
        controller.toggleEnabled(camera(0));
        // then
        assertTrue(((TestSource) camera(0).source()).isStarted());
        assertTrue(saved().cameras().get(0).enabled());
    }

    @Test
    void theFirstRealCameraReplacesTheDemoCamerasWhichAreNeverSaved() throws Exception {
        // given a first start: demo cameras, saved changes
        List<CameraConfig> demos = List.of(new CameraConfig("demo-1", "Demo 1", "http://127.0.0.1:9/d1", null, null, true, null));
        open(new WallSession(store(), true, WallConfig.empty(), demos, true, this::connect, null));
        assertTrue(controller.demoModeProperty().get());
        // when a real camera is added (the manager keeps the list it shows, demo included)
        CameraConfig porch = CameraConfig.of("Porch", "http://127.0.0.1:9/porch");
        controller.cameraManager().save(porch);
        // then
        assertFalse(controller.demoModeProperty().get());
        assertEquals(List.of("Porch"), names());
        assertTrue(sources.get("demo-1").isClosed());
        assertEquals(List.of("Porch"), saved().cameras().stream().map(CameraConfig::name).toList());
    }

    @Test
    void importReplacesTheCamerasAndViewChoicesKeepsTheWindowAndSaves() throws Exception {
        // given a wall of three, and a file exported elsewhere with two other cameras, 9 a page and stats on
        WindowGeometry window = new WindowGeometry(10, 20, 1000, 700, false);
        open(WallConfig.empty().withCameras(cameras(3)).withWindow(window));
        Path file = home.resolve("export.json");
        store().exportTo(file, WallConfig.empty().withTilesPerPage(9).withShowStats(true).withAutoCycleSeconds(30)
                .withWindow(new WindowGeometry(0, 0, 640, 480, false))
                .withCameras(List.of(CameraConfig.of("Imported A", "http://127.0.0.1:9/a"),
                        CameraConfig.of("Imported B", "http://127.0.0.1:9/b"))));
        // when it is chosen in File ▸ Import
        dialogs.openAnswer = file;
        controller.transfer().importConfig();
        // then
        assertEquals(List.of("Imported A", "Imported B"), names());
        assertEquals(9, controller.model().tilesPerPageProperty().get());
        assertTrue(controller.model().showStatsProperty().get());
        assertEquals(30, controller.autoCycleSecondsProperty().get());
        assertTrue(sources.get("cam1").isClosed() && sources.get("cam2").isClosed() && sources.get("cam3").isClosed());
        assertEquals(List.of("Imported 2 cameras from " + file), dialogs.messages());
        WallConfig saved = saved();
        assertEquals(List.of("Imported A", "Imported B"), saved.cameras().stream().map(CameraConfig::name).toList());
        assertEquals(9, saved.tilesPerPage());
        assertEquals(window, saved.window());
    }

    @Test
    void importOfAFileWithoutUsableCamerasChangesNothingAndSaysWhy() throws Exception {
        // given a saved wall of three, and files that are not a configuration, or hold only bad cameras
        open(WallConfig.empty().withCameras(cameras(3)));
        controller.save();
        Path notJson = home.resolve("photo.jpg");
        Files.write(notJson, new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 1, 2});
        Path badCameras = home.resolve("bad.json");
        Files.writeString(badCameras, "{\"cameras\": [{\"name\": \"\", \"url\": \"ftp://x\"}]}");
        for (Path bad : List.of(notJson, badCameras)) {
            dialogs.notes.clear();
            // when
            controller.transfer().importConfig(bad);
            // then one error that names the file, and the cameras, shown and saved, are unchanged
            assertEquals(1, dialogs.errors().size(), dialogs.errors().toString());
            assertTrue(dialogs.errors().get(0).contains(bad.toString()), dialogs.errors().get(0));
            assertEquals(List.of("Cam 1", "Cam 2", "Cam 3"), names());
            assertEquals(3, saved().cameras().size());
            assertFalse(sources.get("cam1").isClosed());
        }
        assertEquals("Nothing imported from " + badCameras + ": none of its cameras can be used ((no name): "
                + "Give the camera a name.). Your cameras are unchanged.", dialogs.errors().get(0));
    }

    @Test
    void importSkipsUnusableCamerasNamesThemAndKeepsTwoCamerasWithTheSameId() throws Exception {
        // given a file with two good cameras sharing an id, and one with its password in the URL
        Path file = home.resolve("mixed.json");
        Files.writeString(file, "{\"cameras\": ["
                + "{\"id\": \"x\", \"name\": \"Good\", \"url\": \"http://127.0.0.1:9/a\", \"enabled\": true},"
                + "{\"id\": \"x\", \"name\": \"Twin\", \"url\": \"http://127.0.0.1:9/c\", \"enabled\": true},"
                + "{\"name\": \"Leaky\", \"url\": \"http://u:p@127.0.0.1:9/b\", \"enabled\": true}]}");
        open(WallConfig.empty().withCameras(cameras(2)));
        // when
        controller.transfer().importConfig(file);
        // then
        assertEquals(List.of("Good", "Twin"), names());
        assertNotEquals(camera(0).id(), camera(1).id());
        assertEquals(1, dialogs.errors().size());
        assertTrue(dialogs.errors().get(0).startsWith("Skipped 1 camera: Leaky: "), dialogs.errors().get(0));
        assertFalse(dialogs.errors().get(0).contains("u:p@"), dialogs.errors().get(0));
    }

    private static void assertNotEquals(String a, String b) {
        assertFalse(a.equals(b), a + " equals " + b);
    }

    @Test
    void exportWritesTheCamerasWithTheirPasswordsWhereTheUserChoseAndACancelWritesNothing() throws Exception {
        // given a camera with a password
        CameraConfig door = new CameraConfig("door", "Door", "http://127.0.0.1:9/d", "admin", "s3cret", true, null);
        open(WallConfig.empty().withCameras(List.of(door)));
        // when the chooser is cancelled
        controller.transfer().exportConfig();
        // then nothing is written or said
        assertTrue(dialogs.notes.isEmpty());
        // when a file is chosen
        Path file = home.resolve("exported/wall.json");
        Files.createDirectories(file.getParent());
        dialogs.saveAnswer = file;
        controller.transfer().exportConfig();
        // then it holds the camera, password and all, and the wall says so with the file's path
        assertEquals(List.of(door), ConfigStore.importFrom(file).cameras());
        assertEquals(List.of(new FakeDialogService.Note(
                "Configuration exported. It contains the cameras' passwords: keep it safe.", false, file)), dialogs.notes);
    }

    @Test
    void aChosenFolderIsSavedAndAnnouncedAndACancelKeepsTheOldOne() throws Exception {
        // given
        open(WallConfig.empty().withCameras(cameras(1)));
        Path before = controller.recordingsFolder();
        // when cancelled
        controller.chooseRecordingsFolder();
        // then
        assertEquals(before, controller.recordingsFolder());
        // when folders are chosen
        Path videos = Files.createDirectories(home.resolve("videos"));
        dialogs.folderAnswer = videos;
        controller.chooseRecordingsFolder();
        Path pictures = Files.createDirectories(home.resolve("pictures"));
        dialogs.folderAnswer = pictures;
        controller.choosePicturesFolder();
        // then
        assertEquals(videos, controller.recordingsFolder());
        assertEquals(pictures, controller.picturesFolder());
        assertEquals(videos.toString(), saved().recordingsFolder());
        assertEquals(pictures.toString(), saved().picturesFolder());
        assertEquals(List.of(new FakeDialogService.Note("Recordings now go to", false, videos),
                new FakeDialogService.Note("Snapshots now go to", false, pictures)), dialogs.notes);
        // and File ▸ Open snapshot folder opens it
        controller.openFolder(controller.picturesFolder());
        assertEquals(List.of(pictures), dialogs.openedFolders);
    }

    @Test
    void snapshotWritesTheNewestFrameNamedByTheClockOrSaysThereIsNone() throws Exception {
        // given a camera with no frame yet
        Path pictures = home.resolve("pictures");
        open(WallConfig.empty().withCameras(cameras(1)).withPicturesFolder(pictures.toString()));
        // when
        controller.run(TileAction.SNAPSHOT, camera(0));
        // then
        assertEquals(List.of("No frame from Cam 1 yet: nothing to save."), dialogs.errors());
        // when frames came and the snapshot key is pressed on the selected camera
        byte[] first = TestJpegs.solid(64, 48, Color.RED, 0);
        byte[] newest = TestJpegs.solid(64, 48, Color.BLUE, 1);
        sources.get("cam1").push(first);
        sources.get("cam1").push(newest);
        controller.runOnCurrent(TileAction.SNAPSHOT);
        // then the newest frame's exact bytes are saved, named after the camera and the (fake) time
        Path file = pictures.resolve("Cam_1_2026-11-30_14-02-00-000.jpg");
        assertArrayEquals(newest, Files.readAllBytes(file));
        assertEquals(new FakeDialogService.Note("Snapshot of Cam 1 saved:", false, file), dialogs.notes.get(1));
    }

    @Test
    void sharingServesTheCameraShowsItsAddressAndNewSettingsMoveIt() throws Exception {
        // given a live camera, shares on any free port of this computer
        open(WallConfig.empty().withCameras(cameras(2)).withShare(new ShareConfig(0, false, null)));
        sources.get("cam1").push(TestJpegs.solid(64, 48, Color.RED, 0));
        // when it is shared
        controller.run(TileAction.SHARE, camera(0));
        // then its address is shown, on this computer, with a path made from its name; it is saved as shared
        String url = camera(0).shareUrlProperty().get();
        assertNotNull(url);
        assertTrue(url.matches("http://127\\.0\\.0\\.1:\\d+/camera/cam-1/stream\\.mjpg"), url);
        assertEquals(List.of("Cam 1 " + url), dialogs.sharedAddresses);
        assertEquals(List.of("cam1"), saved().sharing());
        // and a viewer gets the camera's frames from it
        byte[] frame = TestJpegs.solid(64, 48, Color.GREEN, 1);
        try (CameraFeed viewer = new CameraFeed(MjpegClient.builder(URI.create(url)).build(), 1 << 16, 3)) {
            viewer.start();
            var next = viewer.nextFrame();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!next.isDone() && System.nanoTime() < deadline) {
                sources.get("cam1").push(frame); // the relay sends frames that come after the viewer joined
                Thread.sleep(20);
            }
            Frame f = next.get();
            assertArrayEquals(frame, f.jpeg());
        }
        // when the share settings change, the camera is shared again under the same path, and it is said
        controller.setShareConfig(new ShareConfig(0, false, null));
        assertTrue(camera(0).shareUrlProperty().get().endsWith("/camera/cam-1/stream.mjpg"));
        assertEquals("Shares are now for this computer only.", dialogs.messages().get(dialogs.messages().size() - 1));
        // when sharing stops, the address goes, and it is no longer saved as shared
        controller.run(TileAction.SHARE, camera(0));
        assertNull(camera(0).shareUrlProperty().get());
        assertEquals(List.of(), saved().sharing());
    }

    @Test
    void quitAsksOnlyWhileACameraRecordsAndClosingFinishesTheFile() throws Exception {
        // given
        Path videos = home.resolve("videos");
        open(WallConfig.empty().withCameras(cameras(2)).withRecordingsFolder(videos.toString()));
        // then with nothing recording, quitting asks nothing
        assertTrue(controller.mayQuit());
        assertTrue(dialogs.questions.isEmpty());
        // when the first camera records
        sources.get("cam1").push(TestJpegs.solid(64, 48, Color.RED, 0));
        controller.run(TileAction.RECORD, camera(0));
        assertTrue(camera(0).recordingProperty().get());
        for (int i = 1; i <= 5; i++) {
            time.advanceBy(java.time.Duration.ofMillis(100));
            sources.get("cam1").push(TestJpegs.solid(64, 48, Color.RED, i));
        }
        // then quitting asks, naming it; "Keep running" keeps it running
        assertFalse(controller.mayQuit());
        assertEquals("quit-dialog", dialogs.questions.get(0).id());
        assertTrue(dialogs.questions.get(0).text().startsWith("Recording of Cam 1 stops now"), dialogs.questions.get(0).text());
        assertTrue(camera(0).recordingProperty().get());
        dialogs.confirmAnswer = true;
        assertTrue(controller.mayQuit());
        // when the wall closes
        controller.close(null);
        // then the file holds the frames, the camera is still set to record, every stream is closed
        List<Path> avis;
        try (Stream<Path> s = Files.list(videos)) {
            avis = s.filter(p -> p.toString().endsWith(".avi")).toList();
        }
        assertEquals(1, avis.size());
        try (AviReader reader = AviReader.open(avis.get(0))) {
            assertEquals(5, reader.readFrames().size());
        }
        assertEquals(List.of("cam1"), saved().recording());
        assertTrue(opened.stream().allMatch(TestSource::isClosed));
    }

    @Test
    void closeSavesThePageAndTheWindowStopsEveryCameraOnceAndRunsTheSessionsEnd() throws Exception {
        // given two pages
        open(WallConfig.empty().withCameras(cameras(6)).withTilesPerPage(4));
        controller.model().nextPage();
        WindowGeometry window = new WindowGeometry(5, 6, 900, 600, false);
        // when
        controller.close(window);
        controller.close(new WindowGeometry(0, 0, 1, 1, false)); // closing again does nothing
        // then
        assertEquals(1, saved().page());
        assertEquals(window, saved().window());
        assertTrue(opened.stream().allMatch(TestSource::isClosed));
        assertTrue(onCloseRan.get());
        assertTrue(tasks.isShutdown());
        assertTrue(controller.awaitClosed(1, java.util.concurrent.TimeUnit.SECONDS));
        // and nothing is saved after closing
        Files.delete(store().file());
        controller.model().showStatsProperty().set(true);
        assertFalse(Files.exists(store().file()));
    }

    @Test
    void viewChoicesAreSavedAtOnce() throws Exception {
        // given
        open(WallConfig.empty().withCameras(cameras(1)));
        // when
        controller.model().showStatsProperty().set(true);
        controller.model().columnsProperty().set(3);
        controller.setTilesPerPage(25);
        controller.setAutoCycle(10);
        controller.rememberKiosk(true, 1);
        // then
        WallConfig saved = saved();
        assertTrue(saved.showStats());
        assertEquals(3, saved.columns());
        assertEquals(25, saved.tilesPerPage());
        assertEquals(10, saved.autoCycleSeconds());
        assertEquals(10, controller.autoCycleSecondsProperty().get());
        assertTrue(saved.kiosk());
        assertEquals(1, saved.kioskScreen());
        // when "fit the window" is chosen again, no column count is saved
        controller.model().columnsProperty().set(0);
        assertNull(saved().columns());
    }

    @Test
    void aDemoRunSavesNothing() throws Exception {
        // given --demo N: demo cameras, nothing saved
        List<CameraConfig> demos = List.of(new CameraConfig("demo-1", "Demo 1", "http://127.0.0.1:9/d1", null, null, true, null));
        open(new WallSession(store(), false, WallConfig.empty(), demos, false, this::connect, null));
        // when
        controller.model().showStatsProperty().set(true);
        controller.close(null);
        // then
        assertFalse(Files.exists(store().file()));
    }

    @Test
    void thePageCycleMovesOnOnlyWithSeveralPagesAndNoCameraFocused() {
        // given two pages
        open(WallConfig.empty().withCameras(cameras(6)).withTilesPerPage(4));
        WallModel m = controller.model();
        // when
        controller.cycleTick();
        // then
        assertEquals(1, m.pageProperty().get());
        controller.cycleTick();
        assertEquals(0, m.pageProperty().get());
        // when a camera is focused, the page stays
        m.focus(camera(1));
        controller.cycleTick();
        assertEquals(0, m.pageProperty().get());
        // when all fit on one page, it stays
        m.unfocus();
        controller.setTilesPerPage(9);
        controller.cycleTick();
        assertEquals(0, m.pageProperty().get());
    }

    @Test
    void theCurrentCameraIsTheFocusedOneElseTheSelectedOne() {
        // given
        open(WallConfig.empty().withCameras(cameras(3)));
        WallModel m = controller.model();
        // when / then
        m.select(camera(2));
        assertSame(camera(2), controller.current());
        m.focus(camera(1));
        assertSame(camera(1), controller.current());
        m.unfocus();
        assertSame(camera(1), controller.current());
    }
}
