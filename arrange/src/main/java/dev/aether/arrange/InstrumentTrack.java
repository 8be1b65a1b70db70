package dev.aether.arrange;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A track of {@link MidiClip}s played into an instrument. The instrument is a recipe the console resolves into a
 * node, e.g. {@code "synth(8)"} (an 8-voice synth) or the name of a user node class. Immutable.
 */
public record InstrumentTrack(String name, Strip strip, String instrument, List<MidiClip> clips) implements Track {
    public InstrumentTrack {
        Track.checkName(name);
        Objects.requireNonNull(strip, "strip");
        if (instrument == null || instrument.isBlank())
            throw new IllegalArgumentException("instrument track \"" + name + "\" has no instrument; give a recipe like \"synth(8)\"");
        clips = List.copyOf(clips);
    }

    /** An empty instrument track with a default strip. */
    public static InstrumentTrack named(String name, String instrument) { return new InstrumentTrack(name, Strip.DEFAULT, instrument, List.of()); }

    @Override public InstrumentTrack withName(String n) { return new InstrumentTrack(n, strip, instrument, clips); }
    @Override public InstrumentTrack withStrip(Strip s) { return new InstrumentTrack(name, s, instrument, clips); }
    @Override public String kind() { return "instrument"; }
    public InstrumentTrack withInstrument(String i) { return new InstrumentTrack(name, strip, i, clips); }
    public InstrumentTrack withClips(List<MidiClip> c) { return new InstrumentTrack(name, strip, instrument, c); }

    /** This track with {@code clip} appended. */
    public InstrumentTrack with(MidiClip clip) {
        List<MidiClip> c = new ArrayList<>(clips);
        c.add(clip);
        return withClips(c);
    }
}
