package dev.aether.arrange;

import java.util.Objects;

/**
 * How a {@link Metatrack} maps its inner timeline onto its parent's: a child at inner time {@code t} plays at
 * parent time {@code offset + t / speed}. Nested transforms compose: the speeds multiply (0.5 inside 2.0 plays at
 * normal speed), the transposes add, the varispeeds multiply. Immutable.
 *
 * <p>Audio under a speed other than 1 is resampled (its pitch follows its speed); pitch-preserving stretch of audio
 * is not part of the arrangement model.
 *
 * @param offset     where the inner timeline's zero lies on the parent's timeline
 * @param speed      how fast the children play, &gt; 0 (2 = twice as fast, half as long)
 * @param transpose  semitones added to every MIDI note inside, -127..127 (audio ignores it)
 * @param varispeed  extra resampling rate for audio inside, &gt; 0 (1 = none; {@code 2^(s/12)} raises by {@code s}
 *                   semitones); it changes pitch and how fast the source is read, not where clips lie
 */
public record TimeTransform(Position offset, double speed, int transpose, double varispeed) {
    /** Zero offset, speed 1, no transpose, no varispeed. */
    public static final TimeTransform IDENTITY = new TimeTransform(Position.ZERO, 1, 0, 1);

    public TimeTransform {
        Objects.requireNonNull(offset, "offset");
        if (!(speed > 0) || !Double.isFinite(speed) || speed > 1000 || speed < 0.001)
            throw new IllegalArgumentException("speed " + speed + "; give 0.001..1000 (2 = twice as fast, 0.5 = half speed)");
        if (transpose < -127 || transpose > 127)
            throw new IllegalArgumentException("transpose " + transpose + " semitones; give -127..127");
        if (!(varispeed > 0) || !Double.isFinite(varispeed) || varispeed > 1000 || varispeed < 0.001)
            throw new IllegalArgumentException("varispeed " + varispeed + "; give 0.001..1000 (1 = none)");
    }

    public TimeTransform withOffset(Position o) { return new TimeTransform(o, speed, transpose, varispeed); }
    public TimeTransform withSpeed(double s) { return new TimeTransform(offset, s, transpose, varispeed); }
    public TimeTransform withTranspose(int t) { return new TimeTransform(offset, speed, t, varispeed); }
    public TimeTransform withVarispeed(double v) { return new TimeTransform(offset, speed, transpose, v); }

    /** A varispeed that raises audio by {@code semitones} (lowers when negative): {@code 2^(semitones/12)}. */
    public static double varispeedOfSemitones(double semitones) { return Math.pow(2, semitones / 12); }
}
