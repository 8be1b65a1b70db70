package dev.aether.arrange;

import java.util.Objects;

/**
 * A region of an audio file from the project's {@link MediaPool} placed on an audio track. Immutable; the
 * {@code with…} methods return changed copies.
 *
 * @param source  the pool id of the file
 * @param start   where the clip starts on its track's timeline
 * @param length  how long it plays (&gt; 0)
 * @param gainDb  clip gain in dB, finite, at most +24
 * @param fadeIn  fade from silence at the clip's start; fadeIn + fadeOut ≤ length
 * @param fadeOut fade to silence at the clip's end
 * @param offset  where in the source playback begins (≥ 0; a musical offset is converted with the project tempo)
 * @param reverse play the region backwards (from {@code offset + length} down to {@code offset}, before rate)
 * @param loop    repeat the source region from {@code offset} when it runs out before the clip ends
 * @param rate    the clip's own playback rate (varispeed by resampling; 1 = as recorded; 2 = an octave up and twice
 *                as fast through the source; the clip's place and length on the timeline do not change), &gt; 0
 */
public record AudioClip(String source, Position start, Position length, double gainDb, Fade fadeIn, Fade fadeOut,
                        Position offset, boolean reverse, boolean loop, double rate) {
    public AudioClip {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(fadeIn, "fadeIn");
        Objects.requireNonNull(fadeOut, "fadeOut");
        Objects.requireNonNull(offset, "offset");
        if (length.isNegative() || length.equals(Position.ZERO) || length.equals(Position.seconds(0)))
            throw new IllegalArgumentException("clip of \"" + source + "\" has length " + length + "; give a length > 0");
        if (!(gainDb <= 24) || Double.isNaN(gainDb))
            throw new IllegalArgumentException("clip gain " + gainDb + " dB; give a finite gain ≤ +24 dB");
        if (offset.isNegative())
            throw new IllegalArgumentException("clip offset " + offset + " lies before the source's start; give an offset ≥ 0");
        if (!(rate > 0) || !Double.isFinite(rate))
            throw new IllegalArgumentException("clip rate " + rate + "; give a finite rate > 0 (1 = as recorded)");
    }

    /** A clip of {@code source} at {@code start} for {@code length}, at 0 dB, no fades, from the source's start. */
    public static AudioClip of(String source, Position start, Position length) {
        return new AudioClip(source, start, length, 0, Fade.NONE, Fade.NONE, Position.ZERO, false, false, 1);
    }

    public AudioClip withStart(Position p) { return new AudioClip(source, p, length, gainDb, fadeIn, fadeOut, offset, reverse, loop, rate); }
    public AudioClip withLength(Position l) { return new AudioClip(source, start, l, gainDb, fadeIn, fadeOut, offset, reverse, loop, rate); }
    public AudioClip withGainDb(double g) { return new AudioClip(source, start, length, g, fadeIn, fadeOut, offset, reverse, loop, rate); }
    public AudioClip withFadeIn(Fade f) { return new AudioClip(source, start, length, gainDb, f, fadeOut, offset, reverse, loop, rate); }
    public AudioClip withFadeOut(Fade f) { return new AudioClip(source, start, length, gainDb, fadeIn, f, offset, reverse, loop, rate); }
    public AudioClip withOffset(Position o) { return new AudioClip(source, start, length, gainDb, fadeIn, fadeOut, o, reverse, loop, rate); }
    public AudioClip withReverse(boolean r) { return new AudioClip(source, start, length, gainDb, fadeIn, fadeOut, offset, r, loop, rate); }
    public AudioClip withLoop(boolean l) { return new AudioClip(source, start, length, gainDb, fadeIn, fadeOut, offset, reverse, l, rate); }
    public AudioClip withRate(double r) { return new AudioClip(source, start, length, gainDb, fadeIn, fadeOut, offset, reverse, loop, r); }
    public AudioClip withSource(String s) { return new AudioClip(s, start, length, gainDb, fadeIn, fadeOut, offset, reverse, loop, rate); }
}
