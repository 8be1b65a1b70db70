package dev.aether.repl.userapi;

import dev.aether.arrange.AudioClip;
import dev.aether.arrange.AudioTrack;
import dev.aether.arrange.Edit;
import dev.aether.arrange.Fade;
import dev.aether.arrange.Position;
import dev.aether.arrange.Project;
import dev.aether.arrange.Track;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Any thread: the clip {@code track(...).clip(...)} just placed, to shape it: {@code .gain(-3).fadeIn(beats(1))
 * .loop(bars(4))}. Each method is an edit of the project; {@code .clip(...)} places the next clip on the same track.
 */
public final class ClipRef {
    private final TrackRef track;
    private final int index;

    ClipRef(TrackRef track, int index) {
        this.track = track;
        this.index = index;
    }

    /** The track the clip is on. */
    public TrackRef track() { return track; }

    /** The clip as it is now. */
    public AudioClip get() { return clips(track.session().arrangementProject()).get(index); }

    /** Plays {@code length} of the source (cut short, or looped with {@link #loop()}). */
    public ClipRef length(Position length) { return change(c -> c.withLength(length)); }

    /** Clip gain in dB (at most +24). */
    public ClipRef gain(double db) { return change(c -> c.withGainDb(db)); }

    /** Fades in from silence over {@code length}, linearly. */
    public ClipRef fadeIn(Position length) { return fadeIn(length, "lin"); }

    /** Fades in over {@code length} shaped {@code "lin"}, {@code "exp"}, {@code "s"}. */
    public ClipRef fadeIn(Position length, String curve) { return change(c -> c.withFadeIn(new Fade(length, ArrangeVerbs.curve(curve)))); }

    /** Fades out to silence over {@code length}, linearly. */
    public ClipRef fadeOut(Position length) { return fadeOut(length, "lin"); }

    /** Fades out over {@code length} shaped {@code "lin"}, {@code "exp"}, {@code "s"}. */
    public ClipRef fadeOut(Position length, String curve) { return change(c -> c.withFadeOut(new Fade(length, ArrangeVerbs.curve(curve)))); }

    /** Starts {@code offset} into the source. */
    public ClipRef offset(Position offset) { return change(c -> c.withOffset(offset)); }

    /** Plays the region backwards. */
    public ClipRef reverse() { return change(c -> c.withReverse(true)); }

    /** Repeats the source when it runs out before the clip ends. */
    public ClipRef loop() { return change(c -> c.withLoop(true)); }

    /** Loops the source for {@code length}: {@code .loop(bars(4))}. */
    public ClipRef loop(Position length) { return change(c -> c.withLoop(true).withLength(length)); }

    /** Varispeed: reads the source {@code rate} times as fast (2: an octave up), by resampling. */
    public ClipRef rate(double rate) { return change(c -> c.withRate(rate)); }

    /** Places another clip on the same track. */
    public ClipRef clip(Chain sample, Position at) { return track.clip(sample, at); }

    /** Places another clip on the same track for {@code length}. */
    public ClipRef clip(Chain sample, Position at, Position length) { return track.clip(sample, at, length); }

    /** Places another clip of {@code file} on the same track. */
    public ClipRef clip(String file, Position at) { return track.clip(file, at); }

    private ClipRef change(UnaryOperator<AudioClip> f) {
        Project p = track.session().arrangementProject();
        List<AudioClip> clips = new ArrayList<>(clips(p));
        clips.set(index, f.apply(clips.get(index)));
        track.session().arrange(new Edit.SetAudioClips(track.name(), clips));
        return this;
    }

    private List<AudioClip> clips(Project p) {
        Track t = p.track(track.name());
        if (!(t instanceof AudioTrack a) || index >= a.clips().size())
            throw new IllegalArgumentException("clip " + (index + 1) + " of \"" + track.name() + "\" is gone (undone or removed); place it again with track(\""
                    + track.name() + "\").clip(...)");
        return a.clips();
    }

    @Override public String toString() {
        try {
            AudioClip c = get();
            int bpb = track.session().arrangementProject().tempo().beatsPerBar();
            return "clip " + (index + 1) + " of \"" + track.name() + "\": " + c.source() + " at " + c.start().text(bpb) + " for " + c.length()
                    + (c.gainDb() != 0 ? ", " + c.gainDb() + " dB" : "") + (c.loop() ? ", looped" : "") + (c.reverse() ? ", reversed" : "")
                    + (c.rate() != 1 ? ", rate " + c.rate() : "");
        } catch (RuntimeException e) {
            return "clip " + (index + 1) + " of \"" + track.name() + "\"";
        }
    }
}
