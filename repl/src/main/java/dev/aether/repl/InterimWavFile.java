package dev.aether.repl;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Stand-in until core's {@code WavWriter} is on main: writes interleaved floats as 16-bit PCM WAV (no dither). */
final class InterimWavFile {
    private InterimWavFile() {}

    static void write(Path file, float[] interleaved, int channels, int sampleRate) throws IOException {
        int dataBytes = interleaved.length * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
         .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
         .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
         .putShort((short) channels).putInt(sampleRate).putInt(sampleRate * channels * 2)
         .putShort((short) (channels * 2)).putShort((short) 16)
         .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataBytes);
        for (float v : interleaved) b.putShort((short) Math.round(Math.max(-1f, Math.min(1f, v)) * 32767f));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(b.array());
        }
    }
}
