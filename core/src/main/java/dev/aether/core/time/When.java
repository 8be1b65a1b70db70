package dev.aether.core.time;

/**
 * When a command takes effect: now (next block start), at an exact engine sample, or quantised to the
 * next beat or bar of the transport. Immutable.
 */
public record When(Kind kind, long sample) {
    public enum Kind { NOW, AT_SAMPLE, NEXT_BEAT, NEXT_BAR }

    public static final When NOW = new When(Kind.NOW, 0);
    public static final When NEXT_BEAT = new When(Kind.NEXT_BEAT, 0);
    public static final When NEXT_BAR = new When(Kind.NEXT_BAR, 0);

    /** At engine sample {@code sample} (a past sample means the next block). */
    public static When atSample(long sample) { return new When(Kind.AT_SAMPLE, sample); }
}
