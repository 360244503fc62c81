package org.mjpegwall.ui.model;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.mjpegwall.config.ConfigException;
import org.mjpegwall.config.ConfigStore;
import org.mjpegwall.config.WallConfig;

/** File ▸ Export / Import configuration: the files are read and written off the UI thread, problems told in words. */
public final class ConfigTransfer {
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final ConfigStore store;
    private final Supplier<WallConfig> current;
    private final Consumer<Runnable> background;
    private final Consumer<WallConfig> adopt;

    /**
     * @param store the session's store, or {@code null} (then the default location's)
     * @param current the configuration to export, as it is now
     * @param background runs file work off the UI thread while the wall is open
     * @param adopt takes an imported configuration's cameras and view choices
     */
    ConfigTransfer(TaskExecutor tasks, DialogService dialogs, ConfigStore store, Supplier<WallConfig> current,
            Consumer<Runnable> background, Consumer<WallConfig> adopt) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.store = store;
        this.current = current;
        this.background = background;
        this.adopt = adopt;
    }

    /** Writes the configuration to a file the user chooses; it holds the cameras' passwords, which it says. */
    public void exportConfig() {
        Path home = Path.of(System.getProperty("user.home"));
        dialogs.chooseFileToSave("Export configuration", home, "mjpeg-wall.json").ifPresent(file -> {
            WallConfig snapshot = current.get();
            ConfigStore target = store != null ? store : ConfigStore.atDefaultLocation();
            background.accept(() -> {
                try {
                    target.exportTo(file, snapshot);
                    tasks.runOnUiThread(() -> dialogs.notifySaved("Configuration exported. It contains the cameras' "
                            + "passwords: keep it safe.", file));
                } catch (ConfigException e) {
                    tasks.runOnUiThread(() -> dialogs.notify(e.getMessage(), true));
                }
            });
        });
    }

    /** Asks for an exported file and imports it (see {@link #importConfig(Path)}). */
    public void importConfig() {
        dialogs.chooseFileToOpen("Import configuration", Path.of(System.getProperty("user.home")))
                .ifPresent(this::importConfig);
    }

    /**
     * Replaces the cameras and view choices with those of an exported file (read in the background). A
     * file with no usable camera changes nothing and says why; unusable cameras are left out and named.
     */
    public void importConfig(Path file) {
        background.accept(() -> {
            try {
                ConfigImport checked = ConfigImport.check(ConfigStore.importFrom(file));
                tasks.runOnUiThread(() -> apply(checked, file));
            } catch (ConfigException e) {
                tasks.runOnUiThread(() -> dialogs.notify(e.getMessage(), true));
            }
        });
    }

    private void apply(ConfigImport checked, Path file) {
        if (checked.config() == null) {
            dialogs.notify(checked.nothingMessage(file), true);
            return;
        }
        WallConfig imported = checked.config();
        adopt.accept(imported);
        dialogs.notify("Imported " + imported.cameras().size() + " cameras from " + file, false);
        if (checked.skippedMessage() != null) {
            dialogs.notify(checked.skippedMessage(), true);
        }
    }
}
