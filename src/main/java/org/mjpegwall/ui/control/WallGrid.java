package org.mjpegwall.ui.control;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/** Lays its tiles out in the grid that fits the area best (or a fixed column count). */
public final class WallGrid extends Region {
    private static final double GAP = 4;
    private final IntegerProperty fixedColumns = new SimpleIntegerProperty(this, "fixedColumns");
    private final DoubleProperty aspect = new SimpleDoubleProperty(this, "aspect", 4.0 / 3.0);
    private final ReadOnlyIntegerWrapper columns = new ReadOnlyIntegerWrapper(this, "columns", 1);
    private final IntegerProperty slots = new SimpleIntegerProperty(this, "slots");

    public WallGrid() {
        getStyleClass().add("wall-grid");
        fixedColumns.addListener(o -> requestLayout());
        aspect.addListener(o -> requestLayout());
        slots.addListener(o -> requestLayout());
    }

    /**
     * Places to lay out, at least the tiles shown: a part-filled last page keeps the grid (and tile size)
     * of a full page instead of jumping to bigger tiles.
     */
    public IntegerProperty slotsProperty() {
        return slots;
    }

    /** The tiles laid out, in order. */
    public javafx.collections.ObservableList<Node> tiles() {
        return getChildren();
    }

    /** Fixed column count, or 0 to fit. */
    public IntegerProperty fixedColumnsProperty() {
        return fixedColumns;
    }

    /** Width / height of the cameras' images, for choosing the best fit. */
    public DoubleProperty aspectProperty() {
        return aspect;
    }

    /** Columns of the last layout. */
    public ReadOnlyIntegerProperty columnsProperty() {
        return columns.getReadOnlyProperty();
    }

    @Override
    protected void layoutChildren() {
        var tiles = getManagedChildren();
        if (tiles.isEmpty()) {
            return;
        }
        int n = Math.max(tiles.size(), slots.get());
        double x0 = snappedLeftInset();
        double y0 = snappedTopInset();
        double w = getWidth() - x0 - snappedRightInset();
        double h = getHeight() - y0 - snappedBottomInset();
        int cols = fixedColumns.get() > 0 ? Math.min(fixedColumns.get(), n)
                : GridLayout.bestColumns(n, w, h, aspect.get());
        int rows = GridLayout.rows(n, cols);
        columns.set(cols);
        double tileW = Math.floor((w - GAP * (cols - 1)) / cols);
        double tileH = Math.floor((h - GAP * (rows - 1)) / rows);
        // Centre the whole grid so leftover pixels are shared evenly.
        double ox = x0 + Math.floor((w - (tileW * cols + GAP * (cols - 1))) / 2);
        double oy = y0 + Math.floor((h - (tileH * rows + GAP * (rows - 1))) / 2);
        for (int i = 0; i < tiles.size(); i++) {
            Node tile = tiles.get(i);
            int c = i % cols;
            int r = i / cols;
            tile.resizeRelocate(ox + c * (tileW + GAP), oy + r * (tileH + GAP), Math.max(0, tileW), Math.max(0, tileH));
        }
    }
}
