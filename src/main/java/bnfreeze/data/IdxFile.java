package bnfreeze.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reader of the IDX format used by MNIST and Fashion-MNIST: a big-endian magic number
 * ({@code 0x00 0x00 type rank}), one 32-bit size per dimension, then unsigned bytes. Files may be
 * gzip-compressed, as they are distributed.
 */
public final class IdxFile {

    private static final int UNSIGNED_BYTE = 0x08;

    private IdxFile() {}

    /** Images of {@code rows x cols} unsigned 8-bit pixels, row-major, one image after another. */
    public record Images(int count, int rows, int cols, byte[] pixels) {
        public int pixelsPerImage() {
            return rows * cols;
        }

        /** Pixel value 0..255 of image {@code i} at ({@code row}, {@code col}). */
        public int pixel(int i, int row, int col) {
            return pixels[i * pixelsPerImage() + row * cols + col] & 0xFF;
        }
    }

    public static Images readImages(Path file) {
        return parseImages(file, decompressedContent(file));
    }

    /** Parses decompressed IDX image content; {@code file} names it in errors. */
    public static Images parseImages(Path file, byte[] content) {
        ByteBuffer header = header(file, content, 3);
        int count = header.getInt(4);
        int rows = header.getInt(8);
        int cols = header.getInt(12);
        byte[] pixels = body(file, content, 16, (long) count * rows * cols);
        return new Images(count, rows, cols, pixels);
    }

    /** Parses decompressed IDX label content; {@code file} names it in errors. */
    public static byte[] parseLabels(Path file, byte[] content) {
        int count = header(file, content, 1).getInt(4);
        return body(file, content, 8, count);
    }

    /** Images and their labels as one set; the two files must agree on the number of images. */
    public static ImageSet imageSet(Path imagesFile, byte[] imagesContent, Path labelsFile, byte[] labelsContent) {
        Images images = parseImages(imagesFile, imagesContent);
        byte[] labels = parseLabels(labelsFile, labelsContent);
        if (labels.length != images.count()) {
            throw new DataFileException(labelsFile, labels.length + " labels for the " + images.count()
                    + " images of " + imagesFile.getFileName());
        }
        int[] intLabels = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            intLabels[i] = labels[i] & 0xFF;
        }
        return new ImageSet(images.count(), 1, images.rows(), images.cols(), images.pixels(), intLabels);
    }

    /** The file's bytes after gzip decompression (when it is gzip-compressed). */
    public static byte[] decompressedContent(Path file) {
        try (InputStream raw = Files.newInputStream(file)) {
            byte[] start = raw.readNBytes(2);
            boolean gzip = start.length == 2 && (start[0] & 0xFF) == 0x1f && (start[1] & 0xFF) == 0x8b;
            if (!gzip) {
                return Files.readAllBytes(file);
            }
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, "file not found");
        } catch (IOException e) {
            throw new DataFileException(file, "cannot read: " + e.getMessage());
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new DataFileException(file, "damaged gzip stream (" + e.getMessage() + ")");
        }
    }

    private static ByteBuffer header(Path file, byte[] content, int expectedRank) {
        int headerBytes = 4 + 4 * expectedRank;
        ByteBuffer header = ByteBuffer.wrap(content);
        int expectedMagic = (UNSIGNED_BYTE << 8) | expectedRank;
        if (content.length >= 4 && header.getInt(0) != expectedMagic) {
            throw new DataFileException(file, String.format(
                    "not an IDX file of rank %d (magic number 0x%08x, expected 0x%08x)",
                    expectedRank, header.getInt(0), expectedMagic));
        }
        if (content.length < headerBytes) {
            throw new DataFileException(file, "truncated: " + content.length
                    + " bytes, shorter than the " + headerBytes + "-byte IDX header");
        }
        for (int d = 0; d < expectedRank; d++) {
            if (header.getInt(4 + 4 * d) < 0) {
                throw new DataFileException(file, "corrupt IDX header: negative dimension " + d);
            }
        }
        return header;
    }

    private static byte[] body(Path file, byte[] content, int offset, long expectedBytes) {
        long actual = content.length - offset;
        if (actual < expectedBytes) {
            throw new DataFileException(file, "truncated: the header announces " + expectedBytes
                    + " data bytes but only " + actual + " follow");
        }
        if (actual > expectedBytes) {
            throw new DataFileException(file, "corrupt: " + (actual - expectedBytes)
                    + " unexpected bytes after the " + expectedBytes + " data bytes");
        }
        byte[] body = new byte[(int) expectedBytes];
        System.arraycopy(content, offset, body, 0, body.length);
        return body;
    }
}
