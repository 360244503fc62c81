package org.mjpegwall.ui.window;

import java.time.Instant;
import java.time.ZoneId;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.mjpegwall.review.IndexCache;
import org.mjpegwall.ui.model.FolderOpener;
import org.mjpegwall.ui.model.WallController;
import org.mjpegwall.ui.review.ReviewDay;
import org.mjpegwall.ui.review.ReviewModel;
import org.mjpegwall.ui.review.ReviewView;
import org.mjpegwall.ui.render.TileDecoding;
import org.mjpegwall.util.TimeSource;

/**
 * The review window (File ▸ Review recordings…, Ctrl+R, or Review on a motion event): one at a time, brought to
 * the front when asked again. It has its own notifications, file choosers and background thread for indexing, so
 * that indexing an hour of recordings never delays the wall's saving.
 */
final class ReviewWindows {
    private final WallController controller;
    private Stage stage;
    private ReviewView view;

    ReviewWindows(WallController controller) {
        this.controller = controller;
    }

    /** Opens the review (or brings it to the front) over the recordings folder. */
    ReviewView show(Window owner) {
        if (stage != null && stage.isShowing()) {
            stage.toFront();
            return view;
        }
        stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Review recordings");
        Notifier notifier = new Notifier();
        FxTaskExecutor tasks = new FxTaskExecutor();
        FileLinks files = new FileLinks(notifier, tasks::runInBackground, FolderOpener.forThisSystem());
        ReviewModel model = new ReviewModel(controller.recordingsFolder(), controller.picturesFolder(),
                ZoneId.systemDefault(), tasks, new FxDialogService(stage, notifier, files), TimeSource.SYSTEM,
                IndexCache.SHARED);
        TileDecoding decoding = TileDecoding.best();
        ReviewView v = new ReviewView(model, decoding, ReviewDay.shownNames(
                controller.model().cameras().stream().map(c -> c.config().name()).toList()));
        StackPane root = new StackPane(v, notifier);
        StackPane.setAlignment(notifier, Pos.BOTTOM_RIGHT);
        Scene scene = new Scene(root);
        Theme.apply(scene);
        stage.setScene(scene);
        if (owner instanceof Stage o && !o.getIcons().isEmpty()) {
            stage.getIcons().setAll(o.getIcons());
        }
        stage.setOnHidden(e -> {
            v.close();
            decoding.close();
            tasks.shutdown();
        });
        view = v;
        WindowFit.showDialog(stage, WindowSizing.REVIEW);
        v.start();
        return v;
    }

    /** Opens the review at a camera's moment (a motion event), playing from just before it. */
    ReviewView showAt(Window owner, String cameraName, Instant start) {
        ReviewView v = show(owner);
        v.model().openAtEvent(cameraName, start);
        return v;
    }

    /** The review shown, or {@code null}. */
    ReviewView view() {
        return stage != null && stage.isShowing() ? view : null;
    }
}
