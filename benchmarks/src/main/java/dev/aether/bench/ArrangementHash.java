package dev.aether.bench;

import java.lang.reflect.Field;

/**
 * A fingerprint of what {@link ArrangementBenchmark} renders, to show that a faster path plays the same bits: sets the
 * benchmark up (its 2,000 warm-up blocks included), renders {@code blocks} more blocks and prints a 64-bit FNV-1a hash
 * of every output sample's float bits, with the peak. Args: [tracks=128] [blocks=20000] (20,000 blocks after the
 * warm-up reach 29 s: the volume lanes' ramp, their flat end and two clip boundaries).
 *
 * <p>It reads the benchmark's output buffer by reflection so that this one file, compiled against an older
 * benchmarks jar, hashes that build's output too:
 * {@code javac -cp old.jar -d /tmp/h ArrangementHash.java && java -cp /tmp/h:old.jar dev.aether.bench.ArrangementHash}.
 */
public final class ArrangementHash {
    private ArrangementHash() {}

    public static void main(String[] args) throws Exception {
        ArrangementBenchmark b = new ArrangementBenchmark();
        b.tracks = args.length > 0 ? Integer.parseInt(args[0]) : 128;
        int blocks = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        b.setUp();
        Field f = ArrangementBenchmark.class.getDeclaredField("interleaved");
        f.setAccessible(true);
        float[] out = (float[]) f.get(b);
        long h = 0xcbf29ce484222325L;
        float peak = 0;
        for (int k = 0; k < blocks; k++) {
            b.renderBlock();
            for (float v : out) {
                h = (h ^ Float.floatToRawIntBits(v)) * 0x100000001b3L;
                peak = Math.max(peak, Math.abs(v));
            }
        }
        System.out.printf("tracks=%d blocks=%d hash=%016x peak=%.6f%n", b.tracks, blocks, h, peak);
        b.tearDown();
    }
}
