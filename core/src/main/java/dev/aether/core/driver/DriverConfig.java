package dev.aether.core.driver;

import dev.aether.core.io.WavFormat;

/**
 * Settings for the real-time drivers. Immutable; each fluent setter returns a changed copy:
 * {@code DriverConfig.defaults().bufferFrames(1024).device("default")}.
 *
 * @param sampleRateHz       the engine rate the device is opened at; default 48 000
 * @param channels           output channels; default 2
 * @param bufferFrames       device buffer in frames (also the null driver's lateness budget); default 512
 * @param device             Java Sound device: null for the system default, a decimal index into
 *                           {@link JavaSoundDriver#devices()}, or a case-insensitive name substring
 * @param format             device sample encoding; default 16-bit PCM; others fall back to it when the
 *                           device refuses them
 * @param realtimeScheduling ask for {@code SCHED_FIFO} on the audio thread via {@code chrt}; default true
 * @param realtimePriority   the {@code SCHED_FIFO} priority, 1..99; default 80
 */
public record DriverConfig(int sampleRateHz, int channels, int bufferFrames, String device, WavFormat format,
                           boolean realtimeScheduling, int realtimePriority) {

    public DriverConfig {
        if (sampleRateHz < 1) throw new IllegalArgumentException("sampleRateHz must be positive, was " + sampleRateHz);
        if (channels < 1) throw new IllegalArgumentException("channels must be positive, was " + channels);
        if (bufferFrames < 1) throw new IllegalArgumentException("bufferFrames must be positive, was " + bufferFrames);
        if (format == null) throw new IllegalArgumentException("format must not be null");
        if (realtimePriority < 1 || realtimePriority > 99)
            throw new IllegalArgumentException("realtimePriority must be 1..99, was " + realtimePriority);
    }

    /** 48 kHz stereo, 512-frame buffer, default device, 16-bit, SCHED_FIFO 80 requested. */
    public static DriverConfig defaults() {
        return new DriverConfig(48_000, 2, 512, null, WavFormat.PCM_16, true, 80);
    }

    public DriverConfig sampleRateHz(int hz) {
        return new DriverConfig(hz, channels, bufferFrames, device, format, realtimeScheduling, realtimePriority);
    }

    public DriverConfig channels(int n) {
        return new DriverConfig(sampleRateHz, n, bufferFrames, device, format, realtimeScheduling, realtimePriority);
    }

    public DriverConfig bufferFrames(int frames) {
        return new DriverConfig(sampleRateHz, channels, frames, device, format, realtimeScheduling, realtimePriority);
    }

    public DriverConfig device(String selector) {
        return new DriverConfig(sampleRateHz, channels, bufferFrames, selector, format, realtimeScheduling, realtimePriority);
    }

    public DriverConfig format(WavFormat f) {
        return new DriverConfig(sampleRateHz, channels, bufferFrames, device, f, realtimeScheduling, realtimePriority);
    }

    public DriverConfig realtimeScheduling(boolean on) {
        return new DriverConfig(sampleRateHz, channels, bufferFrames, device, format, on, realtimePriority);
    }

    public DriverConfig realtimePriority(int priority) {
        return new DriverConfig(sampleRateHz, channels, bufferFrames, device, format, realtimeScheduling, priority);
    }

    /** The buffer's duration in nanoseconds at {@code sampleRate}. */
    long bufferNanos(double sampleRate) { return Math.round(bufferFrames * 1e9 / sampleRate); }
}
