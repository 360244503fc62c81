package org.mjpegwall.record;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Opens a new segment file. A seam so tests can inject a channel that fails like a full disk. */
@FunctionalInterface
interface ChannelOpener {
    ChannelOpener FILES = path -> FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
            StandardOpenOption.WRITE);

    FileChannel open(Path path) throws IOException;
}
