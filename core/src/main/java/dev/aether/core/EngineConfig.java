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
 * @param userCodeBudgetMillis how long user code may run in one block before it is stopped and its node bypassed,
 *                       in ms, 1..60000; 0 (the default) means {@link #AUTOMATIC_BUDGET_BLOCKS} blocks but at least
 *                       {@link #MIN_AUTOMATIC_BUDGET_MILLIS} ms ({@link #userCodeBudgetNanos()})
 */
public record EngineConfig(int sampleRate, int blockSize, int commandsPerBlock, int ringCapacity,
                           double limiterCeiling, double userCodeBudgetMillis) {
    /** The automatic budget of user code, in blocks. */
    public static final int AUTOMATIC_BUDGET_BLOCKS = 8;
    /** The automatic budget's floor in ms (GC pauses of ZGC and G1 stay well below it). */
    public static final double MIN_AUTOMATIC_BUDGET_MILLIS = 10;

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
        if (!(userCodeBudgetMillis == 0 || userCodeBudgetMillis >= 1 && userCodeBudgetMillis <= 60_000)) {
            throw new IllegalArgumentException("the user code budget must be 0 (automatic) or 1..60000 ms, was "
                    + userCodeBudgetMillis);
        }
    }

    public static EngineConfig defaults() { return new EngineConfig(48_000, 64, 32, 1024, 0.98, 0); }

    public EngineConfig sampleRate(int hz) { return new EngineConfig(hz, blockSize, commandsPerBlock, ringCapacity, limiterCeiling, userCodeBudgetMillis); }
    public EngineConfig blockSize(int n) { return new EngineConfig(sampleRate, n, commandsPerBlock, ringCapacity, limiterCeiling, userCodeBudgetMillis); }
    public EngineConfig commandsPerBlock(int n) { return new EngineConfig(sampleRate, blockSize, n, ringCapacity, limiterCeiling, userCodeBudgetMillis); }
    public EngineConfig ringCapacity(int n) { return new EngineConfig(sampleRate, blockSize, commandsPerBlock, n, limiterCeiling, userCodeBudgetMillis); }
    public EngineConfig limiterCeiling(double c) { return new EngineConfig(sampleRate, blockSize, commandsPerBlock, ringCapacity, c, userCodeBudgetMillis); }
    public EngineConfig userCodeBudgetMillis(double ms) { return new EngineConfig(sampleRate, blockSize, commandsPerBlock, ringCapacity, limiterCeiling, ms); }

    /**
     * The user code budget in nanoseconds: {@link #userCodeBudgetMillis}, or when that is 0,
     * max({@value #AUTOMATIC_BUDGET_BLOCKS} blocks, {@value #MIN_AUTOMATIC_BUDGET_MILLIS} ms): 10.67 ms at 64 frames,
     * 48 kHz.
     */
    public long userCodeBudgetNanos() {
        if (userCodeBudgetMillis > 0) return Math.round(userCodeBudgetMillis * 1e6);
        return Math.max(AUTOMATIC_BUDGET_BLOCKS * blockNanos(), Math.round(MIN_AUTOMATIC_BUDGET_MILLIS * 1e6));
    }

    /** Block duration in nanoseconds (the deadline). */
    public long blockNanos() { return Math.round(blockSize * 1e9 / sampleRate); }
}
