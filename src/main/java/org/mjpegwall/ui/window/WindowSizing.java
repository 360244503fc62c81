package org.mjpegwall.ui.window;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.mjpegwall.config.WindowGeometry;

/**
 * The size rules of the wall's windows, as pure arithmetic on screen rectangles: each window has a
 * minimum and a default size, both shrunk to fit a small screen, and a saved size is used only when it
 * is at least the minimum and fits a screen.
 *
 * @param minWidth smallest width the window may take (outer size, decorations included)
 * @param minHeight smallest height
 * @param defaultWidth width on first show
 * @param defaultHeight height on first show
 */
public record WindowSizing(double minWidth, double minHeight, double defaultWidth, double defaultHeight) {
    /** The wall: room for a 2×2 grid of readable tiles and the menu. */
    public static final WindowSizing WALL = new WindowSizing(800, 500, 1280, 720);
    /** The camera manager: the list beside a form whose fields and buttons all show. */
    public static final WindowSizing CAMERA_MANAGER = new WindowSizing(500, 350, 880, 640);
    /** The "camera shared" window: the whole address in one line. */
    public static final WindowSizing SHARE = new WindowSizing(480, 180, 640, 200);
    public static final WindowSizing SHARE_SETTINGS = new WindowSizing(420, 240, 480, 280);
    public static final WindowSizing KEYS = new WindowSizing(420, 300, 560, 400);
    /** File ▸ Recordings & events: keep…: two fields, the folder's usage and a note. */
    public static final WindowSizing RETENTION = new WindowSizing(460, 340, 560, 400);
    /** The motion mask editor: the camera's picture at 640×480 and its buttons. */
    public static final WindowSizing MASK_EDITOR = new WindowSizing(560, 460, 700, 620);
    /** The review: two cameras' pictures side by side, the timeline, the transport and the event list. */
    public static final WindowSizing REVIEW = new WindowSizing(900, 560, 1280, 800);

    /** Share of the screen a default size may take at most, so the window's edges and title stay visible. */
    static final double MAX_SCREEN_SHARE = 0.9;

    /** The minimum size on a screen of this size: never larger than the screen. */
    public double[] min(Rectangle2D screen) {
        return new double[] {Math.min(minWidth, screen.getWidth()), Math.min(minHeight, screen.getHeight())};
    }

    /** The default size on a screen: as asked, but at most 90 % of the screen, and at least the minimum. */
    public double[] defaults(Rectangle2D screen) {
        double[] min = min(screen);
        return new double[] {
            Math.max(min[0], Math.min(defaultWidth, Math.floor(screen.getWidth() * MAX_SCREEN_SHARE))),
            Math.max(min[1], Math.min(defaultHeight, Math.floor(screen.getHeight() * MAX_SCREEN_SHARE)))
        };
    }

    /**
     * The saved geometry if it can be used as it is on these screens: finite, at least the minimum size,
     * no larger than the screen it is on, and with its title bar on a screen. Otherwise {@code null}: the
     * window then opens at its default size where the system puts it.
     */
    public WindowGeometry usable(WindowGeometry g, List<Rectangle2D> screens) {
        if (g == null || !Double.isFinite(g.x()) || !Double.isFinite(g.y()) || !Double.isFinite(g.width())
                || !Double.isFinite(g.height())) {
            return null;
        }
        Rectangle2D screen = screenOf(g, screens);
        if (screen == null) {
            return null;
        }
        double[] min = min(screen);
        if (g.width() < min[0] || g.height() < min[1] || g.width() > screen.getWidth() || g.height() > screen.getHeight()) {
            return null;
        }
        return g;
    }

    /**
     * The size to open at on a screen: the saved one when it is at least the minimum and fits the screen
     * (also when the monitor it was on is gone), else the default.
     */
    public double[] size(WindowGeometry g, Rectangle2D screen) {
        double[] min = min(screen);
        if (g != null && Double.isFinite(g.width()) && Double.isFinite(g.height()) && g.width() >= min[0]
                && g.height() >= min[1] && g.width() <= screen.getWidth() && g.height() <= screen.getHeight()) {
            return new double[] {g.width(), g.height()};
        }
        return defaults(screen);
    }

    /** Whether a window of this size may be remembered: below the minimum it is a glitch, not a choice. */
    public boolean worthSaving(double width, double height) {
        return Double.isFinite(width) && Double.isFinite(height) && width >= minWidth && height >= minHeight;
    }

    /**
     * The screen holding the title bar's top-left area (the part needed to move the window), or
     * {@code null} when no screen does, as when the monitor it was on is unplugged.
     */
    static Rectangle2D screenOf(WindowGeometry g, List<Rectangle2D> screens) {
        Rectangle2D titleBar = new Rectangle2D(g.x(), g.y(), Math.max(1, Math.min(g.width(), 200)), 40);
        for (Rectangle2D s : screens) {
            if (s.intersects(titleBar) && s.contains(g.x() + Math.min(g.width(), 200) / 2, g.y() + 1)) {
                return s;
            }
        }
        return null;
    }

    /**
     * Where to put a window of {@code w}×{@code h} centred on its owner's area, moved so that it lies on
     * the screen (title bar first, when the screen is too small for all of it).
     */
    static double[] centreOn(Rectangle2D owner, Rectangle2D screen, double w, double h) {
        double x = owner.getMinX() + (owner.getWidth() - w) / 2;
        double y = owner.getMinY() + (owner.getHeight() - h) / 3;
        x = Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - w));
        y = Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - h));
        return new double[] {Math.floor(x), Math.floor(y)};
    }
}
