package org.mjpegwall.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The cameras a server serves, by id, in the order they were added. Thread-safe. */
final class CameraDirectory {
    private static final Pattern CAMERA_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Map<String, ServedCamera> cameras = new LinkedHashMap<>(); // guarded by itself

    /** @throws IllegalArgumentException if the id is malformed or already served */
    void add(ServedCamera camera) {
        if (!CAMERA_ID.matcher(camera.id()).matches()) {
            throw new IllegalArgumentException("camera id must be 1 to 64 letters, digits, '-' or '_': " + camera.id());
        }
        synchronized (cameras) {
            if (cameras.containsKey(camera.id())) {
                throw new IllegalArgumentException("camera id already served: " + camera.id());
            }
            cameras.put(camera.id(), camera);
        }
    }

    /** The removed camera, or {@code null} if none had that id. */
    ServedCamera remove(String id) {
        synchronized (cameras) {
            return cameras.remove(id);
        }
    }

    /** The camera served under {@code id}, or {@code null}. */
    ServedCamera get(String id) {
        synchronized (cameras) {
            return cameras.get(id);
        }
    }

    /** A copy of the list, in the order added. */
    List<ServedCamera> all() {
        synchronized (cameras) {
            return new ArrayList<>(cameras.values());
        }
    }
}
