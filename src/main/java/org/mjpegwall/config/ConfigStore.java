package org.mjpegwall.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and saves the wall's {@link WallConfig} as JSON in the user's configuration directory.
 *
 * <p>Writes are atomic (a temporary file in the same directory, then a move), so a crash or a full
 * disk never leaves half a file; the file is readable only by its owner (POSIX 600) because it holds
 * camera passwords.
 *
 * <pre>{@code
 * ConfigStore store = ConfigStore.atDefaultLocation();
 * WallConfig config = store.load().orElse(WallConfig.empty());
 * store.save(config.withShowStats(true));
 * }</pre>
 */
public final class ConfigStore {
    /** System property naming the configuration directory (tests point it at a temporary home). */
    public static final String DIR_PROPERTY = "mjpegwall.config.dir";
    /** Environment variable naming the configuration directory. */
    public static final String DIR_ENV = "MJPEG_WALL_CONFIG_DIR";
    public static final String FILE_NAME = "config.json";

    private static final Logger LOG = LoggerFactory.getLogger(ConfigStore.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A configuration is a few kB; a file far larger is not one, and is never read into memory whole. */
    static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    private static final DateTimeFormatter BACKUP_STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss");

    private final Path file;

    private ConfigStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    /** A store for the given file. */
    public static ConfigStore at(Path file) {
        return new ConfigStore(Objects.requireNonNull(file, "file"));
    }

    /** A store for {@code config.json} in {@link #defaultDirectory()}. */
    public static ConfigStore atDefaultLocation() {
        return at(defaultDirectory().resolve(FILE_NAME));
    }

    /**
     * The configuration directory: the {@value #DIR_PROPERTY} system property, else the
     * {@value #DIR_ENV} environment variable, else the platform's place ({@code %APPDATA%\mjpeg-wall},
     * {@code ~/Library/Application Support/mjpeg-wall}, or {@code $XDG_CONFIG_HOME/mjpeg-wall}
     * falling back to {@code ~/.config/mjpeg-wall}).
     */
    public static Path defaultDirectory() {
        String prop = System.getProperty(DIR_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv(DIR_ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "mjpeg-wall");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "mjpeg-wall");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "mjpeg-wall");
        }
        return Path.of(home, ".config", "mjpeg-wall");
    }

    public Path file() {
        return file;
    }

    /**
     * Reads the configuration.
     *
     * @return empty when there is no file yet (first start)
     * @throws ConfigException when the file exists but cannot be read or is not a valid configuration
     */
    public Optional<WallConfig> load() throws ConfigException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(read(file));
    }

    /**
     * Moves a configuration file that cannot be used out of the way, so the wall can start afresh without
     * losing it: it becomes {@code config.json.broken-<date>_<time>} next to the original (still readable
     * only by the user, since it may hold passwords).
     *
     * @return the backup file
     * @throws ConfigException when the file cannot be moved (then it must not be overwritten either)
     */
    public Path moveAside(Instant now) throws ConfigException {
        String stamp = BACKUP_STAMP.format(now.atZone(ZoneId.systemDefault()));
        for (int attempt = 0; attempt < 100; attempt++) {
            Path backup = file.resolveSibling(file.getFileName() + ".broken-" + stamp + (attempt == 0 ? "" : "-" + attempt));
            try {
                // A move keeps the owner-only permissions; no overwrite of an older backup.
                Files.move(file, backup);
                LOG.warn("moved the unusable configuration {} to {}", file, backup);
                return backup;
            } catch (FileAlreadyExistsException e) {
                // try the next name
            } catch (IOException e) {
                throw new ConfigException("Could not move " + file + " aside: " + e.getMessage(), e);
            }
        }
        throw new ConfigException("Could not move " + file + " aside: too many backups already.", null);
    }

    /** Writes the configuration atomically, readable only by the user. */
    public void save(WallConfig config) throws ConfigException {
        write(file, config);
    }

    /** Writes the configuration to another file, for example to carry it to another PC. */
    public void exportTo(Path target, WallConfig config) throws ConfigException {
        write(target.toAbsolutePath(), config);
    }

    /** Reads a configuration written by {@link #exportTo}. */
    public static WallConfig importFrom(Path source) throws ConfigException {
        return read(source.toAbsolutePath());
    }

    private static WallConfig read(Path path) throws ConfigException {
        try {
            if (Files.size(path) > MAX_FILE_BYTES) {
                throw new ConfigException("The configuration file " + path + " is " + Files.size(path)
                        + " bytes, too large to be a configuration of MJPEG Wall.", null, true);
            }
            WallConfig config = MAPPER.readValue(Files.readAllBytes(path), WallConfig.class);
            if (config == null) {
                throw new ConfigException("The configuration file " + path + " is empty.", null, true);
            }
            return config;
        } catch (ValueInstantiationException e) {
            if (e.getType() != null && e.getType().hasRawClass(RetentionConfig.class)
                    && e.getCause() instanceof IllegalArgumentException refused) {
                // Say which value and why, not only "not valid JSON" (Jackson's own message may quote the file:
                // passwords; this one names two numbers only).
                throw new ConfigException("The configuration file " + path + " has a retention setting out of range (line "
                        + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + "): " + refused.getMessage() + ".",
                        e, true);
            }
            throw new ConfigException("The configuration file " + path + " is not valid JSON for MJPEG Wall (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ").", e, true);
        } catch (JsonProcessingException e) {
            throw new ConfigException("The configuration file " + path + " is not valid JSON for MJPEG Wall (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ").", e, true);
        } catch (NoSuchFileException e) {
            throw new ConfigException("There is no file " + path + ".", e);
        } catch (AccessDeniedException e) {
            throw new ConfigException("Not allowed to read " + path + ".", e);
        } catch (IOException e) {
            throw new ConfigException("Could not read " + path + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path target, WallConfig config) throws ConfigException {
        Path dir = target.getParent();
        Path tmp = null;
        try {
            byte[] json = MAPPER.writeValueAsBytes(config);
            if (!Files.isDirectory(dir)) {
                if (isPosix(dir.getRoot())) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
                } else {
                    Files.createDirectories(dir);
                }
            }
            if (isPosix(dir)) {
                // Created with 600 from the start: the passwords are never readable by others, not even briefly.
                tmp = Files.createTempFile(dir, ".config-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                tmp = Files.createTempFile(dir, ".config-", ".tmp");
            }
            Files.write(tmp, json);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            LOG.debug("saved configuration with {} cameras to {}", config.cameras().size(), target);
        } catch (AccessDeniedException e) {
            throw new ConfigException("Not allowed to write " + target + ".", e);
        } catch (FileSystemException e) {
            throw new ConfigException("Could not save " + target + ": "
                    + (e.getReason() != null ? e.getReason() : e.getMessage()) + ".", e);
        } catch (IOException e) {
            throw new ConfigException("Could not save " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and harmless
                }
            }
        }
    }

    private static boolean isPosix(Path path) {
        return path != null && path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
