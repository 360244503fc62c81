package org.mjpegwall.server;

import java.util.ArrayList;
import java.util.List;
import org.mjpegwall.frame.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code /status} serves: viewers now and at most, and per camera its paths, rates, the age of its newest
 * frame, its upstream and its viewers.
 */
public record ServerStatus(int viewers, int maxViewers, List<CameraStatus> cameras) {
    private static final Logger LOG = LoggerFactory.getLogger(ServerStatus.class);

    /** One camera; {@code frameAgeMillis} is {@code null} before its first frame, {@code upstream} when unknown. */
    public record CameraStatus(String id, String name, String stream, String snapshot, double fps, long frames,
            Long frameAgeMillis, UpstreamStatus upstream, List<FrameHub.ViewerInfo> viewers) {
    }

    /** The figures of {@code cameras} now; an upstream that fails to describe itself shows as {@code null}. */
    static ServerStatus of(List<ServedCamera> cameras, int viewers, int maxViewers, long nowMillis) {
        List<CameraStatus> list = new ArrayList<>();
        for (ServedCamera c : cameras) {
            Frame f = c.hub().latest();
            Long age = f == null ? null : Math.max(0, nowMillis - f.timestamp());
            UpstreamStatus up = null;
            if (c.upstream() != null) {
                try {
                    up = c.upstream().get();
                } catch (RuntimeException ex) {
                    LOG.warn("upstream status of camera {} failed", c.id(), ex);
                }
            }
            list.add(new CameraStatus(c.id(), c.name(), c.streamPath(), c.snapshotPath(), round(c.hub().fps()),
                    c.hub().published(), age, up, c.hub().viewerInfos().stream()
                            .map(v -> new FrameHub.ViewerInfo(v.remote(), v.since(), v.frames(), round(v.fps())))
                            .toList()));
        }
        return new ServerStatus(viewers, maxViewers, List.copyOf(list));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
