package dev.aether.arrange.play;

import dev.aether.arrange.stream.MemorySource;
import dev.aether.arrange.stream.SourcePath;
import dev.aether.arrange.stream.StreamedSource;
import dev.aether.core.ControlThread;
import dev.aether.core.RealtimeSafe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable, pre-built timeline for a {@link ClipPlayer}: the placements sorted by start, each with what the audio
 * thread needs precomputed (its read {@link SourcePath}, step, and for a streamed source the cached pre-roll). Built on
 * the control thread ({@link #build}), handed to the player in one volatile write ({@link ClipPlayer#schedule}).
 *
 * <p><b>Pre-roll.</b> For every placement of a streamed source the first {@link #prerollSeconds()} of playback (in the
 * clip's own read order, so a reversed or looping clip caches what it plays first) are read from disk here, so that
 * the clip starts, and a seek to its start plays, without waiting for the disk reader. Building a schedule from a
 * previous one reuses the pre-rolls of placements that did not change.
 */
public final class ClipSchedule {
    /** Seconds of playback cached per streamed clip unless told otherwise. */
    public static final double DEFAULT_PREROLL_SECONDS = 1.0;
    /** The most frames cached per clip (a fast clip's pre-roll is shorter than {@link #prerollSeconds()}). */
    public static final int MAX_PREROLL_FRAMES = 1 << 20;
    /** No clips. */
    public static final ClipSchedule EMPTY = new ClipSchedule(new Entry[0], 48_000, DEFAULT_PREROLL_SECONDS, 0);

    /** One placement and what the audio thread reads it with. Immutable. */
    static final class Entry {
        final ClipPlacement placement;
        final long start, end, length;
        final double step, frac0;                 // source frames per engine sample; fractional position at k = 0
        final SourcePath path;
        final MemorySource memory;                // null when streamed
        final float[][] preroll;                  // [channel][k + 1] for k in [-1, prerollFrames); null in memory
        final long prerollFrames;
        final double gain;
        final int channels;

        Entry(ClipPlacement p, double step, double frac0, SourcePath path, float[][] preroll, long prerollFrames) {
            this.placement = p;
            this.start = p.startSample();
            this.length = p.lengthSamples();
            this.end = start + length;
            this.step = step;
            this.frac0 = frac0;
            this.path = path;
            this.memory = p.source() instanceof MemorySource m ? m : null;
            this.preroll = preroll;
            this.prerollFrames = prerollFrames;
            this.gain = p.gain();
            this.channels = p.source().channels();
        }
    }

    final Entry[] entries;
    final long maxLength;
    private final double sampleRateHz, prerollSeconds;

    private ClipSchedule(Entry[] entries, double sampleRateHz, double prerollSeconds, long maxLength) {
        this.entries = entries;
        this.sampleRateHz = sampleRateHz;
        this.prerollSeconds = prerollSeconds;
        this.maxLength = maxLength;
    }

    /** A schedule of {@code placements} for an engine at {@code sampleRateHz}, with the default pre-roll. */
    @ControlThread
    public static ClipSchedule build(List<ClipPlacement> placements, double sampleRateHz) {
        return build(placements, sampleRateHz, DEFAULT_PREROLL_SECONDS, null);
    }

    /**
     * A schedule of {@code placements} for an engine at {@code sampleRateHz}, caching {@code prerollSeconds} of each
     * streamed clip (read from disk now, unless {@code previous} holds the same placement at the same rate).
     *
     * @throws UncheckedIOException naming the file when a pre-roll cannot be read
     */
    @ControlThread
    public static ClipSchedule build(List<ClipPlacement> placements, double sampleRateHz, double prerollSeconds,
                                     ClipSchedule previous) {
        if (!(sampleRateHz > 0)) throw new IllegalArgumentException("sample rate must be positive, was " + sampleRateHz);
        if (!(prerollSeconds >= 0)) throw new IllegalArgumentException("pre-roll must be >= 0 s, was " + prerollSeconds);
        Map<ClipPlacement, Entry> old = new HashMap<>();
        if (previous != null && previous.sampleRateHz == sampleRateHz && previous.prerollSeconds == prerollSeconds) {
            for (Entry e : previous.entries) old.put(e.placement, e);
        }
        List<ClipPlacement> sorted = new ArrayList<>(placements);
        sorted.sort(Comparator.comparingLong(ClipPlacement::startSample));
        Entry[] entries = new Entry[sorted.size()];
        long maxLength = 0;
        for (int i = 0; i < entries.length; i++) {
            ClipPlacement p = sorted.get(i);
            Entry reuse = old.get(p);
            entries[i] = reuse != null ? reuse : entry(p, sampleRateHz, prerollSeconds);
            maxLength = Math.max(maxLength, p.lengthSamples());
        }
        return new ClipSchedule(entries, sampleRateHz, prerollSeconds, maxLength);
    }

    private static Entry entry(ClipPlacement p, double sampleRateHz, double prerollSeconds) {
        double step = p.rate() * p.source().sampleRateHz() / sampleRateHz;
        double off = p.sourceOffsetFrames();
        long base = (long) Math.floor(off);
        long anchor, loopStart = 0, loop = p.loopFrames();
        double frac0;
        if (loop > 0) {
            loopStart = base;
            anchor = p.reverse() ? base + loop - 1 : base;
            frac0 = p.reverse() ? 0 : off - base;
        } else if (p.reverse()) {
            double p0 = off + (p.lengthSamples() - 1) * step;
            anchor = (long) Math.ceil(p0);
            frac0 = anchor - p0;
        } else {
            anchor = base;
            frac0 = off - base;
        }
        long endK = loop > 0 ? Long.MAX_VALUE : (long) Math.ceil(frac0 + p.lengthSamples() * step) + 3;
        SourcePath path = new SourcePath(p.source(), anchor, p.reverse(), loopStart, loop, endK);
        if (!(p.source() instanceof StreamedSource s)) return new Entry(p, step, frac0, path, null, 0);
        long want = (long) Math.ceil(prerollSeconds * s.sampleRateHz() * Math.max(1, p.rate())) + 4;
        int frames = (int) Math.min(Math.min(want, endK), MAX_PREROLL_FRAMES);
        int ch = s.channels();
        float[] inter = new float[(frames + 1) * ch], tmp = new float[(frames + 1) * ch];
        try {
            path.read(-1, frames + 1, inter, tmp, ByteBuffer.allocate((frames + 1) * s.frameBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(s.path() + ": cannot read the pre-roll of a clip (" + e.getMessage() + ")", e);
        }
        float[][] pre = new float[ch][frames + 1];
        for (int i = 0; i <= frames; i++) for (int c = 0; c < ch; c++) pre[c][i] = inter[i * ch + c];
        return new Entry(p, step, frac0, path, pre, frames);
    }

    /** Clips in the schedule. */
    public int size() { return entries.length; }

    /** The placements, sorted by start. */
    public List<ClipPlacement> placements() {
        List<ClipPlacement> l = new ArrayList<>(entries.length);
        for (Entry e : entries) l.add(e.placement);
        return l;
    }

    /** The engine rate the schedule was built for, Hz. */
    public double sampleRateHz() { return sampleRateHz; }

    /** Seconds of playback cached per streamed clip. */
    public double prerollSeconds() { return prerollSeconds; }

    /** Bytes held by pre-roll caches (floats). */
    public long prerollBytes() {
        long b = 0;
        for (Entry e : entries) if (e.preroll != null) b += 4L * e.preroll.length * e.preroll[0].length;
        return b;
    }

    /** Index of the first entry whose start is {@code >= t}. */
    @RealtimeSafe
    int firstStartingAtOrAfter(long t) {
        int lo = 0, hi = entries.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (entries[mid].start < t) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
