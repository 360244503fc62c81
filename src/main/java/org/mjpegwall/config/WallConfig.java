package org.mjpegwall.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Everything the wall remembers: the cameras in tile order, what they were doing (recording, shared),
 * and the windows and view choices.
 *
 * @param version file format version; files of version 1 took "any free port" for sharing by default, and
 *     are read with the fixed default port instead
 * @param cameras cameras in tile order
 * @param window last window geometry, or {@code null}
 * @param columns a fixed number of grid columns, or {@code null} for "fit the window"
 * @param showStats show fps, bitrate, latency and resolution on every tile
 * @param tilesPerPage the largest grid shown; more cameras go to further pages
 * @param autoCycleSeconds switch pages every N seconds, 0 for never
 * @param picturesFolder where snapshots go, or {@code null} for the default
 * @param recordingsFolder where recordings go, or {@code null} for the default
 * @param share settings of the embedded relay server
 * @param recording ids of the cameras set to record: they record again after a restart
 * @param sharing ids of the cameras shared: they are shared again after a restart
 * @param kiosk start in kiosk mode (full screen, no menu, no cursor)
 * @param kioskScreen the screen (0 = primary) kiosk mode uses
 * @param page the page the main window shows
 * @param secondWindow the second window on another screen, or {@code null} for none
 * @param spotlight a camera where motion starts is shown large for a while (off by default)
 * @param retention how long recordings and motion events are kept; a file without it (written before the setting
 *     existed) keeps everything, as that wall did, while a new wall starts with {@link RetentionConfig#DEFAULT}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WallConfig(
        int version,
        List<CameraConfig> cameras,
        WindowGeometry window,
        Integer columns,
        boolean showStats,
        int tilesPerPage,
        int autoCycleSeconds,
        String picturesFolder,
        String recordingsFolder,
        ShareConfig share,
        List<String> recording,
        List<String> sharing,
        boolean kiosk,
        int kioskScreen,
        int page,
        SecondWindowConfig secondWindow,
        boolean spotlight,
        RetentionConfig retention) {

    public static final int CURRENT_VERSION = 2;
    public static final int DEFAULT_TILES_PER_PAGE = 16;

    public WallConfig {
        boolean oldShareDefault = version == 1 && share != null && share.port() == 0;
        version = CURRENT_VERSION;
        cameras = cameras == null ? List.of() : List.copyOf(cameras);
        columns = columns != null && columns <= 0 ? null : columns;
        tilesPerPage = tilesPerPage <= 0 ? DEFAULT_TILES_PER_PAGE : tilesPerPage;
        autoCycleSeconds = Math.max(0, autoCycleSeconds);
        share = share == null ? ShareConfig.DEFAULT : oldShareDefault ? share.withPort(ShareConfig.DEFAULT_PORT) : share;
        recording = recording == null ? List.of() : List.copyOf(recording.stream().filter(id -> id != null).distinct().toList());
        sharing = sharing == null ? List.of() : List.copyOf(sharing.stream().filter(id -> id != null).distinct().toList());
        kioskScreen = Math.max(0, kioskScreen);
        page = Math.max(0, page);
        retention = retention == null ? RetentionConfig.KEEP_ALL : retention;
    }

    /** The layout of files written before recording, sharing, kiosk and window choices were remembered. */
    public WallConfig(int version, List<CameraConfig> cameras, WindowGeometry window, Integer columns, boolean showStats,
            int tilesPerPage, int autoCycleSeconds, String picturesFolder, String recordingsFolder, ShareConfig share) {
        this(version, cameras, window, columns, showStats, tilesPerPage, autoCycleSeconds, picturesFolder,
                recordingsFolder, share, null, null, false, 0, 0, null, false, null);
    }

    /** An empty configuration with default choices. */
    public static WallConfig empty() {
        return new WallConfig(CURRENT_VERSION, List.of(), null, null, false, DEFAULT_TILES_PER_PAGE, 0, null, null, null)
                .withRetention(RetentionConfig.DEFAULT);
    }

    public WallConfig withCameras(List<CameraConfig> value) {
        return new WallConfig(version, value, window, columns, showStats, tilesPerPage, autoCycleSeconds, picturesFolder,
                recordingsFolder, share, recording, sharing, kiosk, kioskScreen, page, secondWindow, spotlight, retention);
    }

    /** Replaces the camera with the same id, or appends it. */
    public WallConfig withCamera(CameraConfig camera) {
        List<CameraConfig> list = new ArrayList<>(cameras);
        boolean replaced = false;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(camera.id())) {
                list.set(i, camera);
                replaced = true;
            }
        }
        if (!replaced) {
            list.add(camera);
        }
        return withCameras(list);
    }

    public WallConfig withoutCamera(String id) {
        return withCameras(cameras.stream().filter(c -> !c.id().equals(id)).toList());
    }

    public WallConfig mapCameras(UnaryOperator<List<CameraConfig>> f) {
        return withCameras(f.apply(new ArrayList<>(cameras)));
    }

    public WallConfig withWindow(WindowGeometry value) {
        return new WallConfig(version, cameras, value, columns, showStats, tilesPerPage, autoCycleSeconds, picturesFolder,
                recordingsFolder, share, recording, sharing, kiosk, kioskScreen, page, secondWindow, spotlight, retention);
    }

    public WallConfig withColumns(Integer value) {
        return new WallConfig(version, cameras, window, value, showStats, tilesPerPage, autoCycleSeconds, picturesFolder,
                recordingsFolder, share, recording, sharing, kiosk, kioskScreen, page, secondWindow, spotlight, retention);
    }

    public WallConfig withShowStats(boolean value) {
        return new WallConfig(version, cameras, window, columns, value, tilesPerPage, autoCycleSeconds, picturesFolder,
                recordingsFolder, share, recording, sharing, kiosk, kioskScreen, page, secondWindow, spotlight, retention);
    }

    public WallConfig withTilesPerPage(int value) {
        return new WallConfig(version, cameras, window, columns, showStats, value, autoCycleSeconds, picturesFolder,
                recordingsFolder, share, recording, sharing, kiosk, kioskScreen, page, secondWindow, spotlight, retention);
    }

    public WallConfig withAutoCycleSeconds(int value) {
        return new WallConfig(version, cameras, window, columns, showStats, tilesPerPage, value, picturesFolder,
                recordingsFolder, share, recording, sharing, kiosk, kioskScreen, page, secondWindow, spotlight, retention);
    }

    public WallConfig withPicturesFolder(String value) {
        return new WallConfig(version, cameras, window, columns, showStats, tilesPerPage, autoCycleSeconds, value,
                recordingsFolder, share, recording, sharing, kiosk, kioskScreen, page, secondWindow, spotlight, retention);
    }

    public WallConfig withRecordingsFolder(String value) {
        return new WallConfig(version, cameras, window, columns, showStats, tilesPerPage, autoCycleSeconds, picturesFolder,
                value, share, recording, sharing, kiosk, kioskScreen, page, secondWindow, spotlight, retention);
    }

    public WallConfig withShare(ShareConfig value) {
        return new WallConfig(version, cameras, window, columns, showStats, tilesPerPage, autoCycleSeconds, picturesFolder,
                recordingsFolder, value, recording, sharing, kiosk, kioskScreen, page, secondWindow, spotlight, retention);
    }

    /** The cameras set to record, by id. */
    public WallConfig withRecording(List<String> ids) {
        return new WallConfig(version, cameras, window, columns, showStats, tilesPerPage, autoCycleSeconds, picturesFolder,
                recordingsFolder, share, ids, sharing, kiosk, kioskScreen, page, secondWindow, spotlight, retention);
    }

    /** The cameras shared, by id. */
    public WallConfig withSharing(List<String> ids) {
        return new WallConfig(version, cameras, window, columns, showStats, tilesPerPage, autoCycleSeconds, picturesFolder,
                recordingsFolder, share, recording, ids, kiosk, kioskScreen, page, secondWindow, spotlight, retention);
    }

    public WallConfig withKiosk(boolean value, int screen) {
        return new WallConfig(version, cameras, window, columns, showStats, tilesPerPage, autoCycleSeconds, picturesFolder,
                recordingsFolder, share, recording, sharing, value, screen, page, secondWindow, spotlight, retention);
    }

    public WallConfig withPage(int value) {
        return new WallConfig(version, cameras, window, columns, showStats, tilesPerPage, autoCycleSeconds, picturesFolder,
                recordingsFolder, share, recording, sharing, kiosk, kioskScreen, value, secondWindow, spotlight, retention);
    }

    public WallConfig withSecondWindow(SecondWindowConfig value) {
        return new WallConfig(version, cameras, window, columns, showStats, tilesPerPage, autoCycleSeconds, picturesFolder,
                recordingsFolder, share, recording, sharing, kiosk, kioskScreen, page, value, spotlight, retention);
    }

    /** Whether a camera where motion starts is shown large for a while. */
    public WallConfig withSpotlight(boolean value) {
        return new WallConfig(version, cameras, window, columns, showStats, tilesPerPage, autoCycleSeconds, picturesFolder,
                recordingsFolder, share, recording, sharing, kiosk, kioskScreen, page, secondWindow, value, retention);
    }

    /** How long recordings and motion events are kept. */
    public WallConfig withRetention(RetentionConfig value) {
        return new WallConfig(version, cameras, window, columns, showStats, tilesPerPage, autoCycleSeconds, picturesFolder,
                recordingsFolder, share, recording, sharing, kiosk, kioskScreen, page, secondWindow, spotlight, value);
    }
}
