package org.mjpegwall.ui.render;

/**
 * JavaFX rendering settings the wall needs, set before the toolkit starts (its settings are read once then); a
 * value given on the command line ({@code -Dprism.…}) is left as it is.
 *
 * <p>Why {@code prism.dirtyregioncount=15}: JavaFX repaints only the regions that changed, but merges them into
 * their common bounds once there are more than 6 (its default). A wall of 16 cameras changes 8 or more tiles a
 * pulse, so every pulse repainted the whole window: every tile's picture, edge and labels, changed or not. With 15
 * regions (the most JavaFX takes) a pulse repaints the pictures that changed and little else; seen with
 * {@code -Dprism.showdirty=true}, which tints what is repainted, and counted by {@code -Djavafx.pulseLogger=true}
 * ("6 different dirty regions to render" at most without this; a merged region is repainted from the window's root,
 * every background on the way down).
 */
public final class PrismTuning {
    /** All in lower case, as JavaFX reads it ({@code PrismSettings}; a camel-case spelling is silently ignored). */
    static final String DIRTY_REGIONS = "prism.dirtyregioncount";

    private PrismTuning() {
    }

    /** Sets the wall's defaults that the command line did not set. */
    public static void apply() {
        if (System.getProperty(DIRTY_REGIONS) == null) {
            System.setProperty(DIRTY_REGIONS, "15");
        }
    }
}
