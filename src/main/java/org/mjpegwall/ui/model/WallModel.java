package org.mjpegwall.ui.model;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * View model of the wall: the cameras in tile order, the page shown, the selection, the focused
 * camera and the view choices. Pure state and rules; tested without a toolkit.
 */
public final class WallModel {
    private final ObservableList<CameraModel> cameras = FXCollections.observableArrayList();
    private final IntegerProperty page = new SimpleIntegerProperty(this, "page");
    private final IntegerProperty tilesPerPage = new SimpleIntegerProperty(this, "tilesPerPage", 16);
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", -1);
    private final ObjectProperty<CameraModel> focused = new SimpleObjectProperty<>(this, "focused");
    private final BooleanProperty showStats = new SimpleBooleanProperty(this, "showStats");
    /** Fixed column count, or 0 for "fit the window". */
    private final IntegerProperty columns = new SimpleIntegerProperty(this, "columns");

    public ObservableList<CameraModel> cameras() {
        return cameras;
    }

    public IntegerProperty pageProperty() {
        return page;
    }

    public IntegerProperty tilesPerPageProperty() {
        return tilesPerPage;
    }

    public IntegerProperty selectedProperty() {
        return selected;
    }

    public ObjectProperty<CameraModel> focusedProperty() {
        return focused;
    }

    public BooleanProperty showStatsProperty() {
        return showStats;
    }

    public IntegerProperty columnsProperty() {
        return columns;
    }

    public int pageCount() {
        return pageCount(cameras.size(), tilesPerPage.get());
    }

    /** Pages needed for {@code cameras} at {@code perPage} a page: at least one, also for none. */
    public static int pageCount(int cameras, int perPage) {
        return Math.max(1, (cameras + perPage - 1) / perPage);
    }

    /** The cameras on the page shown. */
    public List<CameraModel> pageCameras() {
        int per = tilesPerPage.get();
        int from = Math.min(cameras.size(), page.get() * per);
        int to = Math.min(cameras.size(), from + per);
        return List.copyOf(cameras.subList(from, to));
    }

    /** Moves to the next page, wrapping around after the last. */
    public void nextPage() {
        showPage((page.get() + 1) % pageCount());
    }

    public void previousPage() {
        showPage((page.get() - 1 + pageCount()) % pageCount());
    }

    public void showPage(int p) {
        int clamped = Math.max(0, Math.min(pageCount() - 1, p));
        page.set(clamped);
        int first = clamped * tilesPerPage.get();
        int sel = selected.get();
        if (sel < first || sel >= first + tilesPerPage.get()) {
            selected.set(cameras.isEmpty() ? -1 : first);
        }
        if (focused.get() != null) {
            focused.set(cameras.isEmpty() ? null : cameras.get(first));
        }
    }

    /** Keeps page and selection valid after cameras were added or removed. */
    public void clamp() {
        if (page.get() >= pageCount()) {
            page.set(pageCount() - 1);
        }
        if (selected.get() >= cameras.size()) {
            selected.set(cameras.size() - 1);
        }
        if (focused.get() != null && !cameras.contains(focused.get())) {
            focused.set(null);
        }
    }

    public CameraModel selectedCamera() {
        int i = selected.get();
        return i >= 0 && i < cameras.size() ? cameras.get(i) : null;
    }

    public void select(CameraModel camera) {
        int i = cameras.indexOf(camera);
        if (i >= 0) {
            selected.set(i);
            page.set(i / tilesPerPage.get());
        }
    }

    /**
     * Moves the selection like arrow keys in a grid of {@code gridColumns} columns, staying on the
     * page shown; in focus view it switches the focused camera instead.
     */
    public void moveSelection(int dx, int dy, int gridColumns) {
        if (cameras.isEmpty()) {
            return;
        }
        int per = tilesPerPage.get();
        int first = page.get() * per;
        int onPage = Math.min(per, cameras.size() - first);
        int cols = Math.max(1, gridColumns);
        int current = selected.get() < first || selected.get() >= first + onPage ? 0 : selected.get() - first;
        int next = current + dx + dy * cols;
        if (focused.get() != null) {
            next = Math.floorMod(current + dx + dy, onPage);
        } else if (next < 0 || next >= onPage) {
            return;
        }
        selected.set(first + next);
        if (focused.get() != null) {
            focused.set(cameras.get(first + next));
        }
    }

    /** Focuses the N-th camera (1-based) of the page shown; false if there is none. */
    public boolean focusNumber(int n) {
        int i = page.get() * tilesPerPage.get() + n - 1;
        if (n < 1 || i >= cameras.size()) {
            return false;
        }
        selected.set(i);
        focused.set(cameras.get(i));
        return true;
    }

    public void focus(CameraModel camera) {
        select(camera);
        focused.set(camera);
    }

    public void unfocus() {
        focused.set(null);
    }

    /** Moves a camera to a new index (drag and drop), keeping it selected. */
    public void move(CameraModel camera, int toIndex) {
        int from = cameras.indexOf(camera);
        if (from < 0) {
            return;
        }
        int to = Math.max(0, Math.min(cameras.size() - 1, toIndex));
        if (from == to) {
            return;
        }
        cameras.remove(from);
        cameras.add(to, camera);
        selected.set(to);
    }
}
