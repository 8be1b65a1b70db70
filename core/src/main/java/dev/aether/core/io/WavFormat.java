package dev.aether.core.io;

/**
 * Sample encodings for WAV files and sound devices, all little-endian: 16-bit and 24-bit signed PCM
 * ({@code WAVE_FORMAT_PCM}) and 32-bit float ({@code WAVE_FORMAT_IEEE_FLOAT}, written with a {@code fact}
 * chunk). PCM quantises {@code x} in [-1, 1] to {@code round(x * 2^(bits-1))}, clamped to the integer
 * range (so +1.0 lands one LSB short); float stores the value unchanged.
 */
public enum WavFormat {
    /** 16-bit signed PCM. */
    PCM_16(16, 1),
    /** 24-bit signed PCM (packed, 3 bytes a sample). */
    PCM_24(24, 1),
    /** 32-bit IEEE float. */
    FLOAT_32(32, 3);

    private final int bitsPerSample;
    private final int formatTag;

    WavFormat(int bitsPerSample, int formatTag) {
        this.bitsPerSample = bitsPerSample;
        this.formatTag = formatTag;
    }

    /** Bits per sample: 16, 24 or 32. */
    public int bitsPerSample() { return bitsPerSample; }

    /** Bytes per sample: 2, 3 or 4. */
    public int bytesPerSample() { return bitsPerSample / 8; }

    /** The WAV {@code wFormatTag}: 1 (PCM) or 3 (IEEE float). */
    public int formatTag() { return formatTag; }

    /** Whether samples are IEEE floats rather than integers. */
    public boolean isFloat() { return formatTag == 3; }
}
