package org.mjpegwall.ui.render;

import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Small pictures of key frames for the event lists (beside the wall and in the review): each JPEG read and decoded
 * once, at thumbnail size, by {@link StillImages} (the wall's decoder) on a thread of its own, never on the FX
 * thread; the lists drop the ones whose rows are gone ({@link #retain}).
 *
 * <p>Threads: {@link #get}, {@link #retain} and the ready callback are the FX thread's.
 */
public final class Thumbnails<K> {
    private static final Logger LOG = LoggerFactory.getLogger(Thumbnails.class);

    private final double width;
    private final double height;
    private final ExecutorService decoder;
    /** FX thread only: the decoded thumbnails; a {@code null} value while decoding (or when it failed). */
    private final Map<K, Image> thumbs;
    private final BiConsumer<K, Image> onReady;

    /**
     * @param identity keys are told apart by identity (a frame's bytes are its equality, too costly to hash)
     * @param onReady told on the FX thread when a thumbnail is ready, to put it into the rows showing it
     */
    public Thumbnails(String threadName, double width, double height, boolean identity, BiConsumer<K, Image> onReady) {
        this.width = width;
        this.height = height;
        this.thumbs = identity ? new IdentityHashMap<>() : new HashMap<>();
        this.onReady = onReady;
        this.decoder = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
    }

    /** A view for a list row that shows these thumbnails: their size, ratio kept, styled {@code event-thumb}. */
    public ImageView newView() {
        ImageView v = new ImageView();
        v.setFitWidth(width);
        v.setFitHeight(height);
        v.setPreserveRatio(true);
        v.getStyleClass().add("event-thumb");
        return v;
    }

    /**
     * The thumbnail of {@code key}, or {@code null} while it is being made (then {@code onReady} is told) or when
     * it could not be (no file, not a JPEG).
     *
     * @param bytes reads the JPEG (on the thumbnail thread)
     */
    public Image get(K key, Callable<byte[]> bytes) {
        if (thumbs.containsKey(key)) {
            return thumbs.get(key);
        }
        thumbs.put(key, null);
        try {
            decoder.execute(() -> {
                Image img;
                try {
                    byte[] jpeg = bytes.call();
                    img = jpeg == null ? null : StillImages.decode(jpeg, (int) Math.ceil(width), (int) Math.ceil(height));
                } catch (Exception e) {
                    LOG.debug("no thumbnail for {}", key, e);
                    img = null;
                }
                Image done = img;
                if (done != null) {
                    Platform.runLater(() -> {
                        if (thumbs.containsKey(key)) {
                            thumbs.put(key, done);
                            onReady.accept(key, done);
                        }
                    });
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // the list is closing
        }
        return null;
    }

    /** Forgets the thumbnails of keys not in {@code kept}. */
    public void retain(Collection<K> kept) {
        Set<K> keep = thumbs instanceof IdentityHashMap
                ? java.util.Collections.newSetFromMap(new IdentityHashMap<>()) : new java.util.HashSet<>();
        keep.addAll(kept);
        thumbs.keySet().retainAll(keep);
    }

    /** Stops the thumbnail thread. */
    public void close() {
        decoder.shutdownNow();
    }
}
