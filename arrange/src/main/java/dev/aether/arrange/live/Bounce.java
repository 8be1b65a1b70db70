package dev.aether.arrange.live;

import dev.aether.arrange.Edit;
import dev.aether.arrange.Position;
import dev.aether.arrange.Project;
import dev.aether.arrange.stream.AudioPool;
import dev.aether.core.ControlThread;
import dev.aether.core.EngineConfig;
import dev.aether.core.engine.Engine;
import dev.aether.core.io.WavFormat;
import dev.aether.core.io.WavWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Offline render of a whole project, or of one track (by name, a metatrack included: its output after its effects
 * and fader, alone), to a 32-bit float WAV file: the same nodes a {@link LiveArrangement} plays, on an offline engine
 * of the same configuration, from {@code from} for {@code to - from}, so the result is bit-identical to what the
 * live engine plays from the same position with the same fresh nodes (the master's limiter included). Control
 * thread; runs faster than real time on the calling thread.
 *
 * <p>A track bounced alone is heard whatever the project's solo; its own mute, and mutes inside it, still hold.
 * Streamed clips are read by the shared disk reader while the render runs; a frame it had not read in time would
 * play as silence, so {@link #render} fails, naming the count, rather than write a file that differs from a live
 * play.
 */
public final class Bounce {
    private Bounce() {}

    /**
     * Renders {@code p} (or only {@code trackOrNull}) from {@code from} to {@code to} into {@code wav}, written to a
     * temporary file and renamed into place. Returns {@code wav}.
     *
     * @throws IllegalArgumentException for an empty range or an unknown track
     * @throws UncheckedIOException     naming the file when it cannot be written
     */
    @ControlThread
    public static Path render(Project p, String trackOrNull, Position from, Position to, Path wav, AudioPool pool,
                              RecipeResolver recipes, EngineConfig cfg) {
        float[] audio = renderToArray(p, trackOrNull, from, to, pool, recipes, cfg);
        Path tmp = wav.resolveSibling(wav.getFileName() + ".tmp");
        try {
            Path dir = wav.toAbsolutePath().getParent();
            if (dir != null) Files.createDirectories(dir);
            try (WavWriter w = WavWriter.open(tmp, WavFormat.FLOAT_32, 2, cfg.sampleRate())) {
                w.write(audio, audio.length / 2);
            }
            Files.move(tmp, wav, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bounce to " + wav + " (" + e.getMessage() + ")", e);
        }
        return wav;
    }

    /**
     * Bounces track {@code track} from {@code from} to {@code to} into {@code wav} and returns the edit that freezes
     * it (replaces it by an audio track playing that file as {@code mediaId}); apply it through a
     * {@link dev.aether.arrange.History} to make it undoable, and {@link Edit.Unfreeze} with the edit's original to
     * thaw it.
     */
    @ControlThread
    public static Edit.Freeze freeze(Project p, String track, Position from, Position to, Path wav, String mediaId,
                                     AudioPool pool, RecipeResolver recipes, EngineConfig cfg) {
        render(p, track, from, to, wav, pool, recipes, cfg);
        double a = from.seconds(p.tempo()), b = to.seconds(p.tempo());
        long first = Math.round(a * cfg.sampleRate()), last = Math.round(b * cfg.sampleRate());
        return Edit.Freeze.of(p, track, mediaId, wav, first / (double) cfg.sampleRate(), (last - first) / (double) cfg.sampleRate());
    }

    /** As {@link #render}, into interleaved stereo samples instead of a file. */
    @ControlThread
    public static float[] renderToArray(Project p, String trackOrNull, Position from, Position to, AudioPool pool,
                                        RecipeResolver recipes, EngineConfig cfg) {
        double a = from.seconds(p.tempo()), b = to.seconds(p.tempo());
        long first = Math.round(a * cfg.sampleRate()), frames = Math.round(b * cfg.sampleRate()) - first;
        if (!(a >= 0) || frames <= 0)
            throw new IllegalArgumentException("bounce from " + from + " to " + to + "; give 0 ≤ from < to");
        if (frames > Integer.MAX_VALUE / 2)
            throw new IllegalArgumentException("bounce of " + frames + " frames is too long for one array; bounce shorter ranges");
        if (trackOrNull != null) p.track(trackOrNull);
        Engine engine = Engine.create(cfg);
        LiveArrangement arr = trackOrNull == null ? LiveArrangement.attach(engine, pool, recipes)
                : LiveArrangement.attachTrack(engine, pool, recipes, p.track(trackOrNull).name());
        try {
            arr.apply(p);
            arr.seek(from);
            arr.play();
            float[] out = new float[(int) frames * 2];
            float[] block = new float[cfg.blockSize() * 2];
            for (int done = 0; done < frames; ) {
                int n = (int) Math.min(cfg.blockSize(), frames - done);
                engine.render(block, n);
                System.arraycopy(block, 0, out, done * 2, n * 2);
                done += n;
            }
            long missed = arr.missedFrames();
            if (missed > 0)
                throw new IllegalStateException("the bounce missed " + missed + " frames of streamed audio (the disk fell behind); bounce again");
            return out;
        } finally {
            arr.close();
            engine.close();
        }
    }
}
