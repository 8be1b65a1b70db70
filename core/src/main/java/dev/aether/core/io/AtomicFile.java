package dev.aether.core.io;

import dev.aether.core.ControlThread;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Crash-safe replacement of a whole file: the bytes go to a temporary file beside the target, reach the disk, and
 * are renamed over the target atomically. After {@code kill -9} or a power cut the target holds either the old or
 * the new content, never a mix or nothing. Control thread (blocks on the disk).
 */
@ControlThread
public final class AtomicFile {
    private AtomicFile() {}

    /** Replaces {@code file} by {@code text} in UTF-8, crash-safe. */
    public static void writeString(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Replaces {@code file} by {@code bytes}, crash-safe.
     *
     * @throws IOException naming the file when it cannot be written or its file system cannot rename atomically
     */
    public static void write(Path file, byte[] bytes) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) ch.write(b);
                ch.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot save " + abs + ": its file system cannot rename atomically; save to a local disk", e);
            }
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);                                   // the rename itself reaches the disk
            } catch (IOException notSupported) {
                // some platforms cannot open a directory; the rename is still atomic
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
