package dev.aether.arrange;

import java.util.ArrayList;
import java.util.List;

/** A track of {@link AudioClip}s from the project's media pool. Immutable. */
public record AudioTrack(String name, Strip strip, List<AudioClip> clips) implements Track {
    public AudioTrack {
        Track.checkName(name);
        java.util.Objects.requireNonNull(strip, "strip");
        clips = List.copyOf(clips);
    }

    /** An empty audio track with a default strip. */
    public static AudioTrack named(String name) { return new AudioTrack(name, Strip.DEFAULT, List.of()); }

    @Override public AudioTrack withName(String n) { return new AudioTrack(n, strip, clips); }
    @Override public AudioTrack withStrip(Strip s) { return new AudioTrack(name, s, clips); }
    @Override public String kind() { return "audio"; }
    public AudioTrack withClips(List<AudioClip> c) { return new AudioTrack(name, strip, c); }

    /** This track with {@code clip} appended. */
    public AudioTrack with(AudioClip clip) {
        List<AudioClip> c = new ArrayList<>(clips);
        c.add(clip);
        return withClips(c);
    }
}
