package dev.aether.core.time;

import dev.aether.core.AudioThread;
import dev.aether.core.RealtimeSafe;

/**
 * The engine's musical clock: tempo and metre anchored at a sample, so the beat at any sample and the sample
 * of the next beat or bar are exact. Confined to the audio thread; the control thread reads the published
 * copies ({@link #publishedSample()} etc.).
 */
public final class Transport {
    private final double sampleRate;
    private double bpm = 120;
    private int beatsPerBar = 4;
    private long anchorSample;
    private double anchorBeat;
    private volatile long publishedSample;
    private volatile double publishedBpm = 120;
    private volatile int publishedBeatsPerBar = 4;

    public Transport(double sampleRate) { this.sampleRate = sampleRate; }

    /** Beat position (0 at engine start) of engine sample {@code t}. */
    @AudioThread @RealtimeSafe
    public double beatAt(long t) { return anchorBeat + (t - anchorSample) * bpm / (60.0 * sampleRate); }

    /** First sample at or after {@code t} that starts a beat. */
    @AudioThread @RealtimeSafe
    public long nextBeatSample(long t) { return sampleOfBeat(Math.ceil(beatAt(t) - 1e-9), t); }

    /** First sample at or after {@code t} that starts a bar. */
    @AudioThread @RealtimeSafe
    public long nextBarSample(long t) {
        double bar = Math.ceil(beatAt(t) / beatsPerBar - 1e-9);
        return sampleOfBeat(bar * beatsPerBar, t);
    }

    private long sampleOfBeat(double beat, long notBefore) {
        double s = anchorSample + (beat - anchorBeat) * 60.0 * sampleRate / bpm;
        return Math.max(notBefore, (long) Math.ceil(s - 1e-6));
    }

    /** Changes tempo at sample {@code t} without moving the beat position there. */
    @AudioThread @RealtimeSafe
    public void tempoRt(long t, double newBpm, int newBeatsPerBar) {
        anchorBeat = beatAt(t);
        anchorSample = t;
        bpm = newBpm;
        beatsPerBar = newBeatsPerBar;
        publishedBpm = newBpm;
        publishedBeatsPerBar = newBeatsPerBar;
    }

    @AudioThread @RealtimeSafe
    public void publishRt(long t) { publishedSample = t; }

    @AudioThread public double bpmRt() { return bpm; }
    @AudioThread public int beatsPerBarRt() { return beatsPerBar; }

    /** Any thread: the sample position at the start of the last rendered block. */
    public long publishedSample() { return publishedSample; }
    /** Any thread: the current tempo. */
    public double publishedBpm() { return publishedBpm; }
    /** Any thread: beats per bar. */
    public int publishedBeatsPerBar() { return publishedBeatsPerBar; }
    public double sampleRate() { return sampleRate; }
}
