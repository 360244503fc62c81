package org.mjpegwall.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Everything the wall remembers: the cameras in tile order and the window and view choices.
 *
 * @param version file format version
 * @param cameras cameras in tile order
 * @param window last window geometry, or {@code null}
 * @param columns a fixed number of grid columns, or {@code null} for "fit the window"
 * @param showStats show fps, bitrate, latency and resolution on every tile
 * @param tilesPerPage the largest grid shown; more cameras go to further pages
 * @param autoCycleSeconds switch pages every N seconds, 0 for never
 * @param picturesFolder where snapshots go, or {@code null} for the default
 * @param recordingsFolder where recordings go, or {@code null} for the default
 * @param share settings of the embedded relay server
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
        ShareConfig share) {

    public static final int CURRENT_VERSION = 1;
    public static final int DEFAULT_TILES_PER_PAGE = 16;

    public WallConfig {
        version = version <= 0 ? CURRENT_VERSION : version;
        cameras = cameras == null ? List.of() : List.copyOf(cameras);
        columns = columns != null && columns <= 0 ? null : columns;
        tilesPerPage = tilesPerPage <= 0 ? DEFAULT_TILES_PER_PAGE : tilesPerPage;
        autoCycleSeconds = Math.max(0, autoCycleSeconds);
        share = share == null ? ShareConfig.DEFAULT : share;
    }

    /** An empty configuration with default choices. */
    public static WallConfig empty() {
        return new WallConfig(CURRENT_VERSION, List.of(), null, null, false, DEFAULT_TILES_PER_PAGE, 0, null, null, null);
    }

    public WallConfig withCameras(List<CameraConfig> value) {
        return new WallConfig(version, value, window, columns, showStats, tilesPerPage, autoCycleSeconds, picturesFolder, recordingsFolder, share);
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
        return new WallConfig(version, cameras, value, columns, showStats, tilesPerPage, autoCycleSeconds, picturesFolder, recordingsFolder, share);
    }

    public WallConfig withColumns(Integer value) {
        return new WallConfig(version, cameras, window, value, showStats, tilesPerPage, autoCycleSeconds, picturesFolder, recordingsFolder, share);
    }

    public WallConfig withShowStats(boolean value) {
        return new WallConfig(version, cameras, window, columns, value, tilesPerPage, autoCycleSeconds, picturesFolder, recordingsFolder, share);
    }

    public WallConfig withTilesPerPage(int value) {
        return new WallConfig(version, cameras, window, columns, showStats, value, autoCycleSeconds, picturesFolder, recordingsFolder, share);
    }

    public WallConfig withAutoCycleSeconds(int value) {
        return new WallConfig(version, cameras, window, columns, showStats, tilesPerPage, value, picturesFolder, recordingsFolder, share);
    }

    public WallConfig withPicturesFolder(String value) {
        return new WallConfig(version, cameras, window, columns, showStats, tilesPerPage, autoCycleSeconds, value, recordingsFolder, share);
    }

    public WallConfig withRecordingsFolder(String value) {
        return new WallConfig(version, cameras, window, columns, showStats, tilesPerPage, autoCycleSeconds, picturesFolder, value, share);
    }

    public WallConfig withShare(ShareConfig value) {
        return new WallConfig(version, cameras, window, columns, showStats, tilesPerPage, autoCycleSeconds, picturesFolder, recordingsFolder, value);
    }
}
