package dev.aether.link;

/**
 * A Link timeline: a tempo and a line through (time, beat) = ({@code timeOriginMicros}, {@code beatOrigin}). Beats are
 * counted in micro-beats ({@code long}, 10^-6 beat) as on the wire; time in microseconds of whatever clock the
 * timeline is expressed in (the session's ghost time, or a client's host time). Immutable; any thread.
 *
 * <p>Tempo travels on the wire as whole microseconds per beat; {@link #microsPerBeat()} is that value and every
 * conversion uses it, so two peers holding the same wire timeline compute the same beats. Beats are rounded to the
 * nearest micro-beat and times to the nearest microsecond (half away from zero).
 *
 * <p>The static methods are Link's phase arithmetic: {@link #phase} of a beat within a quantum (a bar of
 * {@code quantum} beats, counted from beat 0), and the phase-encoded beats apps see, which keep the phase of the
 * session but let an app's beat count differ by whole quanta.
 */
public record Timeline(double bpm, long beatOrigin, long timeOriginMicros) {
    /** Micro-beats in one beat. */
    public static final long MICROBEATS = 1_000_000L;
    /** Link's tempo range, BPM. */
    public static final double MIN_BPM = 20, MAX_BPM = 999;

    public Timeline {
        if (!(bpm > 0) || Double.isInfinite(bpm)) throw new IllegalArgumentException("a timeline's tempo must be a positive BPM, was " + bpm);
    }

    /** A timeline of {@code bpm} whose beat {@code beat} (fractional) falls at {@code timeMicros}. */
    public static Timeline of(double bpm, double beat, long timeMicros) { return new Timeline(bpm, toMicroBeats(beat), timeMicros); }

    /** The tempo as sent on the wire: whole microseconds per beat (at least 1). */
    public long microsPerBeat() { return Math.max(1, Math.round(60e6 / bpm)); }

    /** This timeline as it reads back from the wire: the tempo becomes {@code 60e6 / microsPerBeat}. */
    public Timeline quantised() { return new Timeline(60e6 / microsPerBeat(), beatOrigin, timeOriginMicros); }

    /** This timeline with its tempo clamped to Link's range (20..999 BPM). */
    public Timeline clamped() { return bpm < MIN_BPM || bpm > MAX_BPM ? new Timeline(Math.min(MAX_BPM, Math.max(MIN_BPM, bpm)), beatOrigin, timeOriginMicros) : this; }

    /** Micro-beats at {@code timeMicros}. */
    public long beatsAt(long timeMicros) {
        return beatOrigin + toMicroBeats((double) (timeMicros - timeOriginMicros) / microsPerBeat());
    }

    /** Beats (fractional) at {@code timeMicros}. */
    public double beatAt(long timeMicros) { return beatsAt(timeMicros) / (double) MICROBEATS; }

    /** The time (microseconds) at which this timeline reaches {@code microBeats}. */
    public long timeAt(long microBeats) {
        return timeOriginMicros + Math.round((microBeats - beatOrigin) / (double) MICROBEATS * microsPerBeat());
    }

    /** The same line at a new tempo, pivoting about {@code timeMicros} (the beat there does not move). */
    public Timeline withTempoAt(double newBpm, long timeMicros) { return new Timeline(newBpm, beatsAt(timeMicros), timeMicros); }

    /**
     * The same line at a new tempo, pivoting about {@code timeMicros}, keeping the beat origin (its time moves): what
     * an app's tempo change does to a client timeline, whose origin is the session's phase reference.
     */
    public Timeline withTempoKeepingOrigin(double newBpm, long timeMicros) {
        Timeline pivot = withTempoAt(newBpm, timeMicros);
        return new Timeline(newBpm, beatOrigin, pivot.timeAt(beatOrigin));
    }

    /** This timeline moved by {@code shiftMicroBeats}: every time now reads that many more beats. */
    public Timeline shifted(long shiftMicroBeats) {
        return new Timeline(bpm, beatOrigin, timeOriginMicros - Math.round(shiftMicroBeats / (double) MICROBEATS * microsPerBeat()));
    }

    /** Rounds a fractional beat to micro-beats. */
    public static long toMicroBeats(double beats) { return Math.round(beats * MICROBEATS); }

    // ------------------------------------------------------------------ phase arithmetic (micro-beats)

    /** The phase of {@code beat} in a quantum: {@code beat mod quantum} in {@code [0, quantum)}; 0 when quantum is 0. */
    public static long phase(long beat, long quantum) { return quantum == 0 ? 0 : Math.floorMod(beat, quantum); }

    /** The first beat at or after {@code x} with the same phase as {@code target}. */
    public static long nextPhaseMatch(long x, long target, long quantum) {
        return quantum == 0 ? x : x + Math.floorMod(phase(target, quantum) - phase(x, quantum), quantum);
    }

    /** The beat nearest {@code x} (a tie goes to the earlier one) with the same phase as {@code target}. */
    public static long closestPhaseMatch(long x, long target, long quantum) {
        return nextPhaseMatch(x - Math.round(quantum / 2.0), target, quantum);
    }

    /**
     * The beat an app sees at {@code timeMicros} on {@code tl} for {@code quantum}: its phase is the phase of the beats
     * elapsed since the timeline's origin, its magnitude the nearest to the timeline's own beat.
     */
    public static long phaseEncodedBeatsAt(Timeline tl, long timeMicros, long quantum) {
        long beat = tl.beatsAt(timeMicros);
        return closestPhaseMatch(beat, beat - tl.beatOrigin(), quantum);
    }

    /** The inverse of {@link #phaseEncodedBeatsAt}: the time at which an app's {@code beat} falls on {@code tl}. */
    public static long timeAtPhaseEncodedBeats(Timeline tl, long beat, long quantum) {
        long fromOrigin = beat - tl.beatOrigin();
        long originOffset = fromOrigin - phase(fromOrigin, quantum);
        long inversePhaseOffset = closestPhaseMatch(quantum - phase(fromOrigin, quantum), quantum - phase(beat, quantum), quantum);
        return tl.timeAt(tl.beatOrigin() + originOffset + quantum - inversePhaseOffset);
    }

    /**
     * Makes {@code tl} read {@code beat} at {@code timeMicros} for {@code quantum}: the phase moves to the nearest match,
     * then the beat count by whole quanta (Link's "force beat at time").
     */
    public static Timeline forceBeatAt(Timeline tl, long beat, long timeMicros, long quantum) {
        long current = phaseEncodedBeatsAt(tl, timeMicros, quantum);
        long closest = closestPhaseMatch(current, beat, quantum);
        Timeline shifted = tl.shifted(closest - current);
        return new Timeline(shifted.bpm, shifted.beatOrigin + (beat - closest), shifted.timeOriginMicros);
    }

    @Override public String toString() {
        return String.format(java.util.Locale.ROOT, "Timeline{%.3f BPM, beat %.6f at %d us}", bpm, beatOrigin / (double) MICROBEATS, timeOriginMicros);
    }
}
