package dev.aether.arrange.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The clip player's run of an in-memory source ({@link MemorySource#addRt}, where {@link SourcePath#forwardRunRt}
 * allows it) against adding one frame at a time as the player otherwise does ({@code atRt}, {@code frameAt}): the
 * same float sums, mono and stereo, at unity and other gains, onto signed zeros and noise; and no run where a frame
 * would fall outside the source, a reversed path or a loop's wrap.
 */
class MemorySourceAddTest {
    static float[] noise(SplittableRandom rnd, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (rnd.nextDouble() * 2 - 1);
        return x;
    }

    @Test
    void shouldAddARunWithTheSameSumsAsOneFrameAtATime() {
        SplittableRandom rnd = new SplittableRandom(2);
        MemorySource mono = MemorySource.of("mono", 48_000, noise(rnd, 5_000));
        MemorySource stereo = MemorySource.of("stereo", 48_000, noise(rnd, 5_000), noise(rnd, 5_000));
        for (MemorySource src : new MemorySource[] {mono, stereo}) {
            for (double gain : new double[] {1, 0.5011872336272722, 1.7, 0, -1}) {
                for (int trial = 0; trial < 200; trial++) {
                    int count = rnd.nextInt(0, 130), at = rnd.nextInt(0, 8);
                    long frame = rnd.nextLong(0, 5_000 - count + 1);
                    float[] l = noise(rnd, 140), r = noise(rnd, 140);
                    if (trial % 3 == 0) { java.util.Arrays.fill(l, -0f); java.util.Arrays.fill(r, -0f); }
                    float[] el = l.clone(), er = r.clone();
                    for (int j = 0; j < count; j++) {                  // ClipVoice's per-frame sums
                        float vl = src.atRt(0, frame + j), vr = src.channels() == 2 ? src.atRt(1, frame + j) : vl;
                        if (gain == 1) {
                            el[at + j] += vl;
                            er[at + j] += vr;
                        } else {
                            el[at + j] += (float) (vl * gain);
                            er[at + j] += (float) (vr * gain);
                        }
                    }
                    assertThat(src.addRt(frame, count, gain, l, r, at)).as("a run inside %s", src).isTrue();
                    for (int i = 0; i < l.length; i++) {
                        assertThat(Float.floatToRawIntBits(l[i])).as("%s gain %s left %d", src, gain, i)
                                .isEqualTo(Float.floatToRawIntBits(el[i]));
                        assertThat(Float.floatToRawIntBits(r[i])).as("%s gain %s right %d", src, gain, i)
                                .isEqualTo(Float.floatToRawIntBits(er[i]));
                    }
                }
            }
        }
    }

    @Test
    void shouldRefuseARunReachingOutsideTheSource() {
        MemorySource src = MemorySource.of("m", 48_000, new float[] {1, 2, 3, 4});
        float[] l = new float[8], r = new float[8];
        assertThat(src.addRt(-1, 2, 1, l, r, 0)).as("before the start").isFalse();
        assertThat(src.addRt(3, 2, 1, l, r, 0)).as("past the end").isFalse();
        assertThat(src.addRt(Long.MAX_VALUE - 1, 4, 1, l, r, 0)).as("far past the end").isFalse();
        assertThat(l).as("nothing added").containsOnly(0f);
        assertThat(src.addRt(0, 4, 1, l, r, 0)).as("the whole source").isTrue();
        assertThat(l).startsWith(1f, 2f, 3f, 4f);
    }

    @Test
    void shouldOfferRunsOnlyWhereTheFramesRiseOneByOne() {
        MemorySource src = MemorySource.of("m", 48_000, new float[100]);
        SourcePath forward = new SourcePath(src, 10, false, 0, 0, 90);
        assertThat(forward.forwardRunRt(5, 20)).isEqualTo(15);
        SourcePath reversed = new SourcePath(src, 50, true, 0, 0, 51);
        assertThat(reversed.forwardRunRt(0, 2)).as("reversed").isEqualTo(Long.MIN_VALUE);
        SourcePath loop = new SourcePath(src, 30, false, 20, 40, Long.MAX_VALUE);
        assertThat(loop.forwardRunRt(0, 30)).as("up to the loop's end").isEqualTo(30);
        assertThat(loop.forwardRunRt(0, 31)).as("across the wrap").isEqualTo(Long.MIN_VALUE);
        assertThat(loop.forwardRunRt(35, 10)).as("the next turn").isEqualTo(25);
        for (SourcePath p : new SourcePath[] {forward, loop}) {
            for (long k = 0; k < 200; k += 7) {
                long f = p.forwardRunRt(k, 9);
                if (f == Long.MIN_VALUE) continue;
                for (int j = 0; j < 9; j++) assertThat(p.frameAt(k + j)).as("frame %d of a run from %d", j, k).isEqualTo(f + j);
            }
        }
    }
}
