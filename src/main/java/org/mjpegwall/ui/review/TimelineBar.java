package org.mjpegwall.ui.review;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import javafx.scene.Node;
import javafx.geometry.VPos;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * The review's timeline: the day's recorded spans (one row per camera, the lead's tallest), its motion events
 * above them, hour ticks below, the marked range and the play head. A click plays from that moment; dragging
 * scrubs (the view shows the frame under the pointer) and plays from where it is let go; the wheel zooms
 * around the pointer. Looks are in wall.css ({@code .review-timeline …}).
 *
 * <p>Why nodes rather than a canvas: a day has at most a few hundred spans and events, and as nodes their colours
 * stay in the stylesheet with the rest of the wall's.
 */
public final class TimelineBar extends Region {
    static final double EVENT_TOP = 6;
    static final double EVENT_HEIGHT = 12;
    static final double LEAD_HEIGHT = 22;
    static final double EXTRA_HEIGHT = 10;
    static final double ROW_GAP = 4;
    static final double TICKS_HEIGHT = 26;

    private record Span(Node node, long from, long to, double top, double height) {
    }

    private final List<Span> spans = new ArrayList<>();
    private final List<Node> tickNodes = new ArrayList<>();
    private final Region head = new Region();
    private final Region marked = new Region();
    private final Region base = new Region();
    private TimeScale scale = new TimeScale(0, TimeScale.DAY, 0);
    private long position = -1;
    private long markIn = -1;
    private long markOut = -1;
    private boolean scrubbing;
    private LongConsumer onScrub = t -> { };
    private LongConsumer onPlayFrom = t -> { };
    private double rowsBottom = EVENT_TOP + EVENT_HEIGHT + ROW_GAP + LEAD_HEIGHT;

    public TimelineBar() {
        setId("review-timeline");
        getStyleClass().add("review-timeline");
        head.getStyleClass().add("review-playhead");
        head.setMouseTransparent(true);
        marked.getStyleClass().add("review-marked");
        marked.setMouseTransparent(true);
        base.getStyleClass().add("review-timeline-base");
        base.setMouseTransparent(true);
        getChildren().addAll(base, marked, head);
        setMinHeight(rowsBottom + TICKS_HEIGHT);
        setPrefHeight(rowsBottom + TICKS_HEIGHT);
        setOnMousePressed(this::press);
        setOnMouseDragged(this::drag);
        setOnMouseReleased(this::release);
        setOnScroll(this::scroll);
    }

    /** Called while dragging with the moment under the pointer. */
    public void setOnScrub(LongConsumer onScrub) {
        this.onScrub = onScrub;
    }

    /** Called with the moment clicked or let go at. */
    public void setOnPlayFrom(LongConsumer onPlayFrom) {
        this.onPlayFrom = onPlayFrom;
    }

    /** Whether the pointer is dragging over the timeline now. */
    public boolean scrubbing() {
        return scrubbing;
    }

    /** The stretch of the day shown. */
    public TimeScale scale() {
        return scale.withWidth(Math.max(1, getWidth() - snappedLeftInset() - snappedRightInset()));
    }

    /** The x (in this control) of a moment of the day: where a click seeks to it. */
    public double xOf(long nanos) {
        return snappedLeftInset() + scale().x(nanos);
    }

    /** Shows a day (or nothing, {@code null}); the stretch shown fits its recordings. */
    public void show(ReviewDay day) {
        getChildren().removeIf(n -> spans.stream().anyMatch(s -> s.node() == n));
        spans.clear();
        if (day == null) {
            scale = new TimeScale(0, TimeScale.DAY, 0);
            requestLayout();
            return;
        }
        scale = TimeScale.around(day.firstNanos(), day.lastNanos(), 0);

        List<Node> added = new ArrayList<>();
        double top = EVENT_TOP + EVENT_HEIGHT + ROW_GAP;
        for (int c = 0; c < day.cameras().size(); c++) {
            String camera = day.cameras().get(c);
            double h = c == 0 ? LEAD_HEIGHT : EXTRA_HEIGHT;
            for (ReviewDay.Placed p : day.placed(camera)) {
                Region r = new Region();
                r.getStyleClass().addAll("review-span", c == 0 ? "review-span-lead" : "review-span-extra");
                r.setMouseTransparent(true);
                spans.add(new Span(r, p.startNanos(), p.endNanos(), top, h));
                added.add(r);
            }
            top += h + ROW_GAP;
        }
        for (ReviewDay.DayEvent e : day.events()) {
            Region r = new Region();
            r.getStyleClass().add("review-event");
            Tooltip.install(r, new Tooltip(e.event().name() + " · motion at " + TimeScale.label(e.startNanos())));
            spans.add(new Span(r, e.startNanos(), Math.max(e.endNanos(), e.startNanos()), EVENT_TOP, EVENT_HEIGHT));
            added.add(r);
        }
        rowsBottom = top;
        setMinHeight(rowsBottom + TICKS_HEIGHT);
        setPrefHeight(rowsBottom + TICKS_HEIGHT);
        getChildren().addAll(1, added);
        requestLayout();
    }

    /** Shows the stretch from {@code from} to {@code to} of the day (at least {@link TimeScale#MIN_SPAN}). */
    public void zoomTo(long from, long to) {
        long f = Math.max(0, Math.min(from, TimeScale.DAY - TimeScale.MIN_SPAN));
        scale = new TimeScale(f, Math.min(TimeScale.DAY, Math.max(to, f + TimeScale.MIN_SPAN)), 0);
        requestLayout();
    }

    /** Moves the play head ({@code -1}: none). */
    public void setPosition(long nanos) {
        if (nanos != position) {
            position = nanos;
            placeHead();
        }
    }

    /** Shows the marked range ({@code -1} ends: not marked). */
    public void setMarks(long in, long out) {
        markIn = in;
        markOut = out;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double left = snappedLeftInset();
        double w = Math.max(1, getWidth() - left - snappedRightInset());
        TimeScale s = scale.withWidth(w);
        base.resizeRelocate(left, EVENT_TOP + EVENT_HEIGHT + ROW_GAP, w, rowsBottom - EVENT_TOP - EVENT_HEIGHT - ROW_GAP);
        for (Span sp : spans) {
            double x0 = Math.max(0, s.x(sp.from()));
            double x1 = Math.min(w, s.x(sp.to()));
            boolean inView = x1 >= 0 && x0 <= w;
            sp.node().setVisible(inView);
            // At least 2 px, so a clip of a few seconds on a day's timeline can still be seen (and clicked near).
            sp.node().resizeRelocate(left + x0, sp.top(), Math.max(2, x1 - x0), sp.height());
        }
        getChildren().removeAll(tickNodes);
        tickNodes.clear();
        for (TimeScale.Tick t : s.ticks()) {
            Region tick = new Region();
            tick.getStyleClass().add(t.label() != null ? "review-tick-major" : "review-tick");
            tick.setMouseTransparent(true);
            double x = left + s.x(t.nanos());
            tick.resizeRelocate(Math.round(x), rowsBottom, 1, t.label() != null ? 8 : 4);
            tickNodes.add(tick);
            if (t.label() != null) {
                // A Text, not a Label: its size is known at once (a Label has none until its skin is made).
                Text l = new Text(t.label());
                l.getStyleClass().add("review-tick-label");
                l.setMouseTransparent(true);
                l.setTextOrigin(VPos.TOP);
                double lw = l.getLayoutBounds().getWidth();
                l.relocate(Math.max(left, Math.min(left + w - lw, x - lw / 2)), rowsBottom + 9);
                tickNodes.add(l);
            }
        }
        getChildren().addAll(tickNodes);
        if (markIn >= 0 || markOut >= 0) {
            long from = markIn >= 0 ? markIn : scale.fromNanos();
            long to = markOut >= 0 ? markOut : (markIn >= 0 ? markIn : scale.toNanos());
            double x0 = Math.max(0, s.x(from));
            double x1 = Math.min(w, s.x(to));
            marked.setVisible(true);
            marked.resizeRelocate(left + x0, 0, Math.max(2, x1 - x0), rowsBottom);
        } else {
            marked.setVisible(false);
        }
        placeHead();
        head.toFront();
    }

    private void placeHead() {
        double left = snappedLeftInset();
        double w = Math.max(1, getWidth() - left - snappedRightInset());
        double x = scale.withWidth(w).x(position);
        head.setVisible(position >= 0 && x >= 0 && x <= w);
        head.resizeRelocate(Math.round(left + x) - 1, 0, 2, rowsBottom + 4);
    }

    private long at(MouseEvent e) {
        return scale().nanos(e.getX() - snappedLeftInset());
    }

    private void press(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY) {
            scrubbing = true;
            onScrub.accept(at(e));
        }
    }

    private void drag(MouseEvent e) {
        if (scrubbing) {
            onScrub.accept(at(e));
        }
    }

    private void release(MouseEvent e) {
        if (scrubbing) {
            scrubbing = false;
            onPlayFrom.accept(at(e));
        }
    }

    private void scroll(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            scale = scale().zoom(e.getDeltaY() > 0 ? 0.8 : 1.25, e.getX() - snappedLeftInset());
            requestLayout();
            e.consume();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 600;
    }
}
