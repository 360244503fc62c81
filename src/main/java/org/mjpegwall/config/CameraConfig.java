package org.mjpegwall.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/**
 * One camera of the wall, as saved in the configuration file.
 *
 * @param id stable identifier (survives renames and reordering)
 * @param name what the tile shows
 * @param url the MJPEG stream (or snapshot) URL, without credentials
 * @param user user name for HTTP authentication, or {@code null}
 * @param password password for HTTP authentication, or {@code null}; never shown or logged
 * @param enabled a disabled camera keeps its place in the list but is not connected
 * @param snapshotPollSeconds poll a still-image URL every N seconds instead of streaming, or {@code null}
 * @param recordMode when the camera records by itself; {@link RecordingMode#OFF} when missing (files written
 *     before the mode existed)
 * @param motion motion detection and alerts for this camera (defaults when missing from the file)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CameraConfig(
        String id,
        String name,
        String url,
        String user,
        String password,
        boolean enabled,
        Double snapshotPollSeconds,
        RecordingMode recordMode,
        MotionConfig motion) {

    public CameraConfig {
        recordMode = recordMode == null ? RecordingMode.OFF : recordMode;
        id = id == null || id.isBlank() ? UUID.randomUUID().toString() : id;
        name = name == null ? "" : name.strip();
        url = url == null ? "" : url.strip();
        user = user == null || user.isEmpty() ? null : user;
        password = password == null || password.isEmpty() ? null : password;
        motion = motion == null ? MotionConfig.DEFAULTS : motion;
    }

    /** A camera that records only when asked, with the default motion settings. */
    public CameraConfig(String id, String name, String url, String user, String password, boolean enabled,
            Double snapshotPollSeconds) {
        this(id, name, url, user, password, enabled, snapshotPollSeconds, RecordingMode.OFF, null);
    }

    /** A new enabled camera with a fresh id and no credentials. */
    public static CameraConfig of(String name, String url) {
        return new CameraConfig(null, name, url, null, null, true, null);
    }

    public CameraConfig withEnabled(boolean value) {
        return new CameraConfig(id, name, url, user, password, value, snapshotPollSeconds, recordMode, motion);
    }

    public CameraConfig withRecordMode(RecordingMode value) {
        return new CameraConfig(id, name, url, user, password, enabled, snapshotPollSeconds, value, motion);
    }

    public CameraConfig withMotion(MotionConfig value) {
        return new CameraConfig(id, name, url, user, password, enabled, snapshotPollSeconds, recordMode, value);
    }

    /** True if the two differ at most in their motion settings and recording mode (the connection stays as it is). */
    public boolean sameConnection(CameraConfig other) {
        return other != null && withMotion(other.motion).withRecordMode(other.recordMode).equals(other);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "CameraConfig[id=" + id + ", name=" + name + ", url=" + url + ", user=" + user
                + ", password=" + (password == null ? "none" : "***") + ", enabled=" + enabled
                + ", snapshotPollSeconds=" + snapshotPollSeconds + ", recordMode=" + recordMode
                + ", motion=" + motion + "]";
    }
}
