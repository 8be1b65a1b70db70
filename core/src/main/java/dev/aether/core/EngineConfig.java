package dev.aether.core;

/**
 * Engine settings fixed at start. Immutable; use the withers:
 * {@code EngineConfig.defaults().sampleRate(44_100).blockSize(128)}.
 *
 * @param sampleRate     44_100, 48_000, 88_200 or 96_000 Hz
 * @param blockSize      frames per block, a power of two in 32..1024 (default 64)
 * @param commandsPerBlock commands applied per block at most (default 32); the rest wait, none is lost
 * @param ringCapacity   command ring capacity (default 1024)
 * @param limiterCeiling master soft-clip ceiling as linear amplitude (default 0.98); 0 turns the limiter off
 */
public record EngineConfig(int sampleRate, int blockSize, int commandsPerBlock, int ringCapacity,
                           double limiterCeiling) {

    public EngineConfig {
        if (sampleRate != 44_100 && sampleRate != 48_000 && sampleRate != 88_200 && sampleRate != 96_000) {
            throw new IllegalArgumentException("sample rate must be 44100, 48000, 88200 or 96000 Hz, was " + sampleRate);
        }
        if (blockSize < 32 || blockSize > 1024 || Integer.bitCount(blockSize) != 1) {
            throw new IllegalArgumentException("block size must be a power of two in 32..1024, was " + blockSize);
        }
        if (commandsPerBlock < 1) throw new IllegalArgumentException("commandsPerBlock must be >= 1");
        if (ringCapacity < 16) throw new IllegalArgumentException("ringCapacity must be >= 16");
        if (!(limiterCeiling >= 0 && limiterCeiling <= 4)) {
            throw new IllegalArgumentException("limiter ceiling must be 0 (off) .. 4.0, was " + limiterCeiling);
        }
    }

    public static EngineConfig defaults() { return new EngineConfig(48_000, 64, 32, 1024, 0.98); }

    public EngineConfig sampleRate(int hz) { return new EngineConfig(hz, blockSize, commandsPerBlock, ringCapacity, limiterCeiling); }
    public EngineConfig blockSize(int n) { return new EngineConfig(sampleRate, n, commandsPerBlock, ringCapacity, limiterCeiling); }
    public EngineConfig commandsPerBlock(int n) { return new EngineConfig(sampleRate, blockSize, n, ringCapacity, limiterCeiling); }
    public EngineConfig ringCapacity(int n) { return new EngineConfig(sampleRate, blockSize, commandsPerBlock, n, limiterCeiling); }
    public EngineConfig limiterCeiling(double c) { return new EngineConfig(sampleRate, blockSize, commandsPerBlock, ringCapacity, c); }

    /** Block duration in nanoseconds (the deadline). */
    public long blockNanos() { return Math.round(blockSize * 1e9 / sampleRate); }
}
