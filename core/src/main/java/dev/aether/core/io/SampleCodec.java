package dev.aether.core.io;

import dev.aether.core.RealtimeSafe;

/** Float samples to little-endian bytes in a {@link WavFormat}, and back. Stateless; real-time safe. */
public final class SampleCodec {
    private SampleCodec() {}

    /**
     * Encodes {@code count} samples from {@code src[srcOff..]} into {@code dst[dstOff..]} and returns the
     * number of bytes written. {@code dither} may be null (no dither); it is ignored for float.
     */
    @RealtimeSafe
    public static int encodeRt(float[] src, int srcOff, int count, WavFormat format, byte[] dst, int dstOff,
                        TpdfDither dither) {
        int p = dstOff;
        // an if chain, not a switch on the enum: javac compiles that to a synthetic class (SampleCodec$1) which
        // the JVM would load on the audio thread at the first block (RealtimeBytecodeTest)
        if (format == WavFormat.PCM_16) {
            for (int i = 0; i < count; i++) {
                int q = quantise(src[srcOff + i], 32768.0, dither);
                dst[p] = (byte) q;
                dst[p + 1] = (byte) (q >> 8);
                p += 2;
            }
        } else if (format == WavFormat.PCM_24) {
            for (int i = 0; i < count; i++) {
                int q = quantise(src[srcOff + i], 8388608.0, dither);
                dst[p] = (byte) q;
                dst[p + 1] = (byte) (q >> 8);
                dst[p + 2] = (byte) (q >> 16);
                p += 3;
            }
        } else if (format == WavFormat.FLOAT_32) {
            for (int i = 0; i < count; i++) {
                int b = Float.floatToRawIntBits(src[srcOff + i]);
                dst[p] = (byte) b;
                dst[p + 1] = (byte) (b >> 8);
                dst[p + 2] = (byte) (b >> 16);
                dst[p + 3] = (byte) (b >> 24);
                p += 4;
            }
        }
        return p - dstOff;
    }

    /** {@code round(x * scale + dither)} clamped to [-scale, scale - 1]; NaN becomes 0. */
    @RealtimeSafe
    static int quantise(float x, double scale, TpdfDither dither) {
        double v = x * scale;
        if (dither != null) v += dither.nextRt();
        long q = Math.round(v);
        long max = (long) scale - 1;
        if (q > max) q = max;
        else if (q < -(long) scale) q = -(long) scale;
        return (int) q;
    }

    /** Decodes one sample at {@code src[off]} to a float in [-1, 1). */
    public static float decode(byte[] src, int off, WavFormat format) {
        return switch (format) {
            case PCM_16 -> (short) ((src[off] & 0xFF) | (src[off + 1] << 8)) / 32768f;
            case PCM_24 -> ((src[off] & 0xFF) | ((src[off + 1] & 0xFF) << 8) | (src[off + 2] << 16)) / 8388608f;
            case FLOAT_32 -> Float.intBitsToFloat((src[off] & 0xFF) | ((src[off + 1] & 0xFF) << 8)
                    | ((src[off + 2] & 0xFF) << 16) | (src[off + 3] << 24));
        };
    }
}
