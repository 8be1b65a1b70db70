package dev.aether.repl.userapi;

import dev.aether.arrange.Edit;
import dev.aether.arrange.Metatrack;
import dev.aether.arrange.Position;
import dev.aether.arrange.TimeTransform;
import dev.aether.arrange.Track;
import java.util.function.UnaryOperator;

/**
 * Any thread: a metatrack of the session's arrangement ({@code meta("verse", "drums", "bass")}): a group that
 * transforms time for everything inside it and mixes it through its own strip. Nested speeds multiply.
 */
public final class MetaRef extends TrackRef {
    MetaRef(String name) { super(name); }

    /**
     * Plays everything inside at {@code speed} times the speed (0.5: half speed, twice as long; 2: twice as fast).
     * MIDI keeps its pitch; audio is resampled (varispeed: its pitch follows the speed).
     */
    public MetaRef stretch(double speed) { return time(t -> t.withSpeed(speed)); }

    /** The same as {@link #stretch}. */
    public MetaRef speed(double speed) { return stretch(speed); }

    /** Where the metatrack's own timeline starts on its parent's: {@code .offset(bar(9))}. */
    public MetaRef offset(Position at) { return time(t -> t.withOffset(at)); }

    /** Transposes the MIDI notes inside by {@code semitones}. */
    public MetaRef transpose(int semitones) { return time(t -> t.withTranspose(semitones)); }

    /** Raises (lowers) the audio inside by {@code semitones} by resampling, which also speeds it up (slows it down). */
    public MetaRef varispeed(double semitones) { return time(t -> t.withVarispeed(TimeTransform.varispeedOfSemitones(semitones))); }

    /** Dissolves the metatrack: its children take its place, playing as before (its transform baked in). */
    public void ungroup() { edit(new Edit.Ungroup(name())); }

    /** Ungroups every metatrack inside this one, so it holds only tracks that play as before. */
    public MetaRef flatten() {
        edit(new Edit.Flatten(name()));
        return this;
    }

    private MetaRef time(UnaryOperator<TimeTransform> f) {
        Track t = get();
        if (!(t instanceof Metatrack m)) throw new IllegalArgumentException("\"" + name() + "\" is " + t.aKind() + "; only metatracks transform time");
        edit(new Edit.SetTime(name(), f.apply(m.time())));
        return this;
    }
}
