package dev.aether.arrange;

import java.util.ArrayList;
import java.util.List;

/**
 * A track of {@link AudioClip}s from the project's media pool. Immutable.
 *
 * @param frozen null, or what this track was frozen from: a frozen track is the bounce of {@link Frozen#original}
 *               (see {@link Edit.Freeze}) and {@link Edit.Unfreeze} puts that back; it is part of the model, so undo,
 *               redo, save and load keep it
 */
public record AudioTrack(String name, Strip strip, List<AudioClip> clips, Frozen frozen) implements Track {
    /**
     * Where a frozen track came from.
     *
     * @param fromSeconds where its bounce starts, on the project's absolute timeline (seconds): what plays before it
     *                    is not in the bounce
     * @param original    the track as it was before the freeze
     */
    public record Frozen(double fromSeconds, Track original) {
        public Frozen {
            java.util.Objects.requireNonNull(original, "original");
            if (!(fromSeconds >= 0)) throw new IllegalArgumentException("a freeze from " + fromSeconds + " s; give a start at or after 0");
        }
    }

    public AudioTrack {
        Track.checkName(name);
        java.util.Objects.requireNonNull(strip, "strip");
        clips = List.copyOf(clips);
    }

    /** A track that is not frozen. */
    public AudioTrack(String name, Strip strip, List<AudioClip> clips) { this(name, strip, clips, null); }

    /** An empty audio track with a default strip. */
    public static AudioTrack named(String name) { return new AudioTrack(name, Strip.DEFAULT, List.of()); }

    @Override public AudioTrack withName(String n) { return new AudioTrack(n, strip, clips, frozen); }
    @Override public AudioTrack withStrip(Strip s) { return new AudioTrack(name, s, clips, frozen); }
    @Override public String kind() { return "audio"; }
    public AudioTrack withClips(List<AudioClip> c) { return new AudioTrack(name, strip, c, frozen); }

    /** This track marked as frozen from {@code f} (null: not frozen). */
    public AudioTrack withFrozen(Frozen f) { return new AudioTrack(name, strip, clips, f); }

    /** This track with {@code clip} appended. */
    public AudioTrack with(AudioClip clip) {
        List<AudioClip> c = new ArrayList<>(clips);
        c.add(clip);
        return withClips(c);
    }
}
