package dev.aether.arrange;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A measurement, not a test: how long applying an edit through {@link History} and flattening with
 * {@link Schedule#of} take on a 128-track project (8 metatracks of 16 audio tracks, 8 effects and 32 clips each).
 * Run after {@code mvn -pl arrange test-compile}:
 * {@code java -cp arrange/target/classes:arrange/target/test-classes:$(ls ~/.m2/repository/dev/aether/aether-core/0.1.0-SNAPSHOT/aether-core-0.1.0-SNAPSHOT.jar) dev.aether.arrange.EditRate}
 */
public final class EditRate {
    private EditRate() {}

    public static void main(String[] args) {
        Project p = Project.empty(Tempo.DEFAULT).withPool(MediaPool.EMPTY.with("loop", Path.of("/m/loop.wav")));
        List<String> fx = List.of("eq(100)", "eq(1000)", "eq(5000)", "eq(9000)", "comp(-18,4)", "delay(0.25)", "lowpass(9000)", "pan(0)");
        List<Track> metas = new ArrayList<>();
        for (int m = 0; m < 8; m++) {
            List<Track> kids = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                AudioTrack t = new AudioTrack("t" + m + "_" + i, Strip.DEFAULT.withEffects(fx), List.of());
                for (int c = 0; c < 32; c++) t = t.with(AudioClip.of("loop", Position.beats(c * 4), Position.beats(4)));
                kids.add(t);
            }
            metas.add(Metatrack.of("m" + m, kids).withTime(TimeTransform.IDENTITY.withSpeed(m % 2 == 0 ? 0.5 : 2)));
        }
        p = p.withTracks(metas);
        Random r = new Random(1);
        for (int round = 0; round < 5; round++) {
            History h = new History(p);
            int n = 2000;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++)
                h.apply(new Edit.SetVolume("t" + r.nextInt(8) + "_" + r.nextInt(16), -1 - r.nextInt(40) - 0.5 * (i % 2)));
            long t1 = System.nanoTime();
            for (int i = 0; i < 200; i++) Schedule.of(h.current());
            long t2 = System.nanoTime();
            System.out.printf("round %d: %.1f µs per edit (History.apply), %.2f ms per Schedule.of, %d steps ≈ %d KiB estimated%n",
                    round, (t1 - t0) / 1e3 / n, (t2 - t1) / 1e6 / 200, h.undoDepth(), h.estimatedBytes() >> 10);
        }
    }
}
