package org.mjpegwall.record;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds the fixed-size head of an AVI 1.0 file with one MJPG video stream: the RIFF header, the
 * {@code hdrl} list, an {@code INFO} list naming the software, a JUNK filler and the {@code movi}
 * list header. The head always has the same length, so the writer can rewrite it in place while the
 * file grows.
 *
 * <p>Why the INFO list: its {@code ISFT} ("software") entry is the marker that tells the repair a file
 * is a recording of ours, which it may rewrite; it never shortens or deletes a file without it.
 * Players show it as the encoder and otherwise ignore it.
 */
final class AviHeader {
    /** Absolute position of the {@code LIST} header of the movi list. */
    static final int MOVI_LIST_POS = 2036;
    /** Absolute position of the {@code movi} FOURCC; idx1 offsets are relative to it. */
    static final int MOVI_FOURCC_POS = MOVI_LIST_POS + 8;
    /** Absolute position of the first data chunk. */
    static final int DATA_START = MOVI_FOURCC_POS + 4;

    static final int AVIF_HASINDEX = 0x10;
    static final int AVIF_ISINTERLEAVED = 0x100;
    static final int AVIIF_KEYFRAME = 0x10;
    /** The {@code ISFT} value of every file we write; a file whose ISFT starts with it is ours. */
    static final String SOFTWARE = "MJPEG Wall";

    private AviHeader() {
    }

    /**
     * The values that change as the file grows.
     *
     * @param ticks number of chunks in the stream (frames plus empty repeat chunks)
     * @param moviEnd absolute end of the last complete chunk
     * @param fileEnd absolute end of the file (after idx1 when there is one)
     */
    record Values(int width, int height, int rate, int scale, long ticks, int maxChunkSize, long moviEnd,
            long fileEnd, boolean indexed) {
        /** The writer's timebase: {@code ticksPerSecond} chunks a second. */
        Values(int width, int height, int ticksPerSecond, long ticks, int maxChunkSize, long moviEnd, long fileEnd,
                boolean indexed) {
            this(width, height, ticksPerSecond, 1, ticks, maxChunkSize, moviEnd, fileEnd, indexed);
        }
    }

    static ByteBuffer build(Values v) {
        ByteBuffer b = ByteBuffer.allocate(DATA_START).order(ByteOrder.LITTLE_ENDIAN);
        fourcc(b, "RIFF");
        b.putInt((int) (v.fileEnd() - 8));
        fourcc(b, "AVI ");

        fourcc(b, "LIST");
        b.putInt(192);
        fourcc(b, "hdrl");
        fourcc(b, "avih");
        b.putInt(56);
        b.putInt((int) Math.min(Integer.MAX_VALUE, 1_000_000L * v.scale() / v.rate())); // dwMicroSecPerFrame
        long seconds = Math.max(1, (long) ((double) v.ticks() * v.scale() / v.rate()));
        b.putInt((int) Math.min(Integer.MAX_VALUE, (v.moviEnd() - DATA_START) / seconds)); // dwMaxBytesPerSec
        b.putInt(0); // dwPaddingGranularity
        b.putInt(AVIF_ISINTERLEAVED | (v.indexed() ? AVIF_HASINDEX : 0));
        b.putInt((int) v.ticks()); // dwTotalFrames
        b.putInt(0); // dwInitialFrames
        b.putInt(1); // dwStreams
        b.putInt(suggestedBuffer(v));
        b.putInt(v.width());
        b.putInt(v.height());
        b.putInt(0).putInt(0).putInt(0).putInt(0);

        fourcc(b, "LIST");
        b.putInt(116);
        fourcc(b, "strl");
        fourcc(b, "strh");
        b.putInt(56);
        fourcc(b, "vids");
        fourcc(b, "MJPG");
        b.putInt(0); // dwFlags
        b.putShort((short) 0); // wPriority
        b.putShort((short) 0); // wLanguage
        b.putInt(0); // dwInitialFrames
        b.putInt(v.scale()); // dwScale
        b.putInt(v.rate()); // dwRate
        b.putInt(0); // dwStart
        b.putInt((int) v.ticks()); // dwLength
        b.putInt(suggestedBuffer(v));
        b.putInt(-1); // dwQuality: default
        b.putInt(0); // dwSampleSize: variable-size chunks
        b.putShort((short) 0).putShort((short) 0).putShort((short) v.width()).putShort((short) v.height());

        fourcc(b, "strf");
        b.putInt(40);
        b.putInt(40); // biSize
        b.putInt(v.width());
        b.putInt(v.height());
        b.putShort((short) 1); // biPlanes
        b.putShort((short) 24); // biBitCount
        fourcc(b, "MJPG");
        b.putInt(v.width() * v.height() * 3); // biSizeImage
        b.putInt(0).putInt(0).putInt(0).putInt(0);

        fourcc(b, "LIST");
        b.putInt(4 + 8 + 12);
        fourcc(b, "INFO");
        fourcc(b, "ISFT");
        b.putInt(SOFTWARE.length() + 1);
        b.put(SOFTWARE.getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) 0); // NUL, pad to even

        // Room between the headers and the data, as other writers leave, so movi data starts aligned.
        fourcc(b, "JUNK");
        b.putInt(MOVI_LIST_POS - b.position() - 4);
        b.position(MOVI_LIST_POS);

        fourcc(b, "LIST");
        b.putInt((int) (v.moviEnd() - MOVI_FOURCC_POS));
        fourcc(b, "movi");
        return b.flip();
    }

    private static int suggestedBuffer(Values v) {
        // Rounded up so players allocate once even if later frames grow a little.
        return (v.maxChunkSize() + 8 + 4095) & ~4095;
    }

    static void fourcc(ByteBuffer b, String code) {
        b.put(code.getBytes(StandardCharsets.US_ASCII));
    }
}
