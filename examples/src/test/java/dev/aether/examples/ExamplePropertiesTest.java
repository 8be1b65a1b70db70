package dev.aether.examples;

import static dev.aether.examples.ExampleRenders.RATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aether.examples.ExampleRenders.Rendered;
import dev.aether.nodes.drum.DrumKit;
import dev.aether.testkit.NodeHarness;
import dev.aether.testkit.signals.Signals;
import org.junit.jupiter.api.Test;

/**
 * What each example is about, measured on its render ({@link ExampleRenders}) against analytic truth: the number
 * the example's header states, computed here from the formula, not read back from the code that makes the sound.
 * Each test prints what it measured.
 */
class ExamplePropertiesTest {

    static Rendered render(String prefix) throws Exception { return ExampleRenders.of(ExampleRenders.script(prefix)); }

    // ------------------------------------------------------------------ 01 first sine

    /**
     * 440 Hz, and the master limiter's bend of a full-scale sine: linear to 0.8 c, then 0.8 c + 0.2 c tanh((a - 0.8 c)
     * / 0.2 c) (MasterLimiter's curve, c the ceiling), so the tops of sin = 1.0 come out at 0.9411.
     */
    @Test
    void firstSineIsA440RoundedByTheLimiterToItsAnalyticPeak() throws Exception {
        Rendered r = render("01-");
        double c = ExamplesRenderTest.CEILING, knee = 0.8 * c, span = 0.2 * c;
        double expectedPeak = knee + span * Math.tanh((1 - knee) / span);
        double hz = Spectra.peakHz(r.left(), 24_000, 65_536, 400, 480, RATE);
        double peak = Signals.peak(r.left(), 24_000, RATE);
        double third = Spectra.db(Spectra.amplitude(r.left(), 24_000, RATE, 1_320, RATE)
                / Spectra.amplitude(r.left(), 24_000, RATE, 440, RATE));
        System.out.printf("01: %.5f Hz, peak %.5f (analytic %.5f), third harmonic %.1f dB%n", hz, peak, expectedPeak, third);
        assertThat(hz).as("01: the sine's frequency, Hz").isCloseTo(440, within(0.01));
        assertThat(peak).as("01: the limited sine's peak vs the limiter's curve at 1.0").isCloseTo(expectedPeak, within(2e-4));
        float[] bent = new float[RATE];                  // one second of sin through the same curve, computed here
        for (int i = 0; i < RATE; i++) {
            double x = Math.sin(2 * Math.PI * 440 * i / RATE), ax = Math.abs(x);
            bent[i] = (float) (ax <= knee ? x : Math.copySign(knee + span * Math.tanh((ax - knee) / span), x));
        }
        double thirdAnalytic = Spectra.db(Spectra.amplitude(bent, 0, RATE, 1_320, RATE) / Spectra.amplitude(bent, 0, RATE, 440, RATE));
        assertThat(third).as("01: third harmonic the limiter adds, dB re the fundamental (analytic %.2f)", thirdAnalytic)
                .isCloseTo(thirdAnalytic, within(0.1));
    }

    // ------------------------------------------------------------------ 02 subtractive synth

    /** |H| of the RBJ cookbook low-pass at {@code hz}: the stdlib BiquadFilter's LOW_PASS, from the formula. */
    static double rbjLowPassGain(double hz, double cutoffHz, double q) {
        double w0 = 2 * Math.PI * cutoffHz / RATE, cw = Math.cos(w0), alpha = Math.sin(w0) / (2 * q);
        double b0 = (1 - cw) / 2, b1 = 1 - cw, b2 = b0, a0 = 1 + alpha, a1 = -2 * cw, a2 = 1 - alpha;
        double w = 2 * Math.PI * hz / RATE;
        double nr = b0 + b1 * Math.cos(w) + b2 * Math.cos(2 * w), ni = -b1 * Math.sin(w) - b2 * Math.sin(2 * w);
        double dr = a0 + a1 * Math.cos(w) + a2 * Math.cos(2 * w), di = -a1 * Math.sin(w) - a2 * Math.sin(2 * w);
        return Math.hypot(nr, ni) / Math.hypot(dr, di);
    }

    /**
     * Each harmonic k of the 55 Hz saw sits at (2 / pi k) |H(55 k)| gain, H the low-pass at 400 Hz (Q 4) for the
     * first 1.5 s and at 2 kHz after: the spectrum's tilt follows the cutoff.
     */
    @Test
    void subtractiveBassHarmonicsFollowTheFilterCurveAtEachCutoff() throws Exception {
        Rendered r = render("02-");
        double gain = Math.pow(10, -12 / 20.0);
        double[][] windows = {{0.3, 400}, {1.8, 2000}};
        double[] tilt = new double[2];
        for (int w = 0; w < 2; w++) {
            int off = (int) (windows[w][0] * RATE), n = RATE;
            double cutoff = windows[w][1], worst = 0;
            for (int k = 1; k <= 60; k++) {
                double expected = gain * 2 / (Math.PI * k) * rbjLowPassGain(55 * k, cutoff, 4);
                if (Spectra.db(expected) < -70) continue;
                double measured = Spectra.amplitude(r.left(), off, n, 55 * k, RATE);
                double err = Spectra.db(measured / expected);
                if (Math.abs(err) > Math.abs(worst)) worst = err;
                assertThat(err).as("02: harmonic %d (%d Hz) at cutoff %.0f Hz, measured %.2f dBFS vs analytic %.2f, dB",
                        k, 55 * k, cutoff, Spectra.db(measured), Spectra.db(expected)).isCloseTo(0, within(0.5));
            }
            tilt[w] = Spectra.db(Spectra.amplitude(r.left(), off, n, 55 * 20, RATE)
                    / Spectra.amplitude(r.left(), off, n, 55 * 2, RATE));
            System.out.printf("02: cutoff %.0f Hz: harmonics 1..60 within %.3f dB of the analytic curve; "
                    + "harmonic 20 vs 2: %.1f dB%n", cutoff, worst, tilt[w]);
        }
        double analytic = Spectra.db(rbjLowPassGain(1_100, 2_000, 4) / rbjLowPassGain(110, 2_000, 4))
                - Spectra.db(rbjLowPassGain(1_100, 400, 4) / rbjLowPassGain(110, 400, 4));
        System.out.printf("02: the tilt opens by %.2f dB (analytic %.2f dB)%n", tilt[1] - tilt[0], analytic);
        assertThat(tilt[1] - tilt[0]).as("02: how much the tilt (harmonic 20 vs harmonic 2) opens with the cutoff, dB")
                .isCloseTo(analytic, within(0.2)).isGreaterThan(15);
    }

    // ------------------------------------------------------------------ 03 your own node

    /** 0.5 tanh(6 sin): odd-symmetric, so no even harmonics; its peak 0.5 tanh(6). */
    @Test
    void fuzzAddsOddHarmonicsOnly() throws Exception {
        Rendered r = render("03-");
        int off = 24_000, n = RATE;
        double fund = Spectra.amplitude(r.left(), off, n, 110, RATE), worstEven = -999;
        for (int k = 2; k <= 40; k += 2) {
            worstEven = Math.max(worstEven, Spectra.db(Spectra.amplitude(r.left(), off, n, 110 * k, RATE) / fund));
        }
        double third = Spectra.db(Spectra.amplitude(r.left(), off, n, 330, RATE) / fund);
        double peak = Signals.peak(r.left(), off, n);
        System.out.printf("03: third harmonic %.1f dB, strongest even one %.1f dB, peak %.6f%n", third, worstEven, peak);
        assertThat(third).as("03: third harmonic re the fundamental, dB").isGreaterThan(-20);
        assertThat(worstEven).as("03: strongest even harmonic re the fundamental, dB").isLessThan(-90);
        assertThat(peak).as("03: peak vs 0.5 tanh(6)").isCloseTo(0.5 * Math.tanh(6), within(1e-5));
    }

    // ------------------------------------------------------------------ 04 dub echo

    /**
     * Echo n+1 is echo n through the loop once more: delayed by exactly 375 ms (18,000 samples) and multiplied by
     * feedback 0.6 and the loop's one-pole low-pass at 6 kHz. So in windows of 18,000 samples starting at the snare,
     * the DTFT of window n+1 over that of window n is 0.6 H(f), phase included (a delay off by one sample turns the
     * phase by 2 pi f / rate), at every frequency.
     */
    @Test
    void dubEchoRepeatsEveryDelayTimesTheLoopGain() throws Exception {
        Rendered r = render("04-");
        int start = 4_800, d = 18_000;
        double a = 1 - Math.exp(-2 * Math.PI * 6_000 / RATE);
        for (double hz : new double[] {200, 1_000, 3_000, 8_000}) {
            double w = 2 * Math.PI * hz / RATE;
            double hr = a * (1 - (1 - a) * Math.cos(w)), hi = -a * (1 - a) * Math.sin(w);   // a / (1 - (1-a) e^-iw)
            double den = 1 - 2 * (1 - a) * Math.cos(w) + (1 - a) * (1 - a);
            double er = 0.6 * hr / den, ei = 0.6 * hi / den;
            for (int rep = 1; rep <= 5; rep++) {
                double[] p = Spectra.dtft(r.left(), start + rep * d, d, hz, RATE);
                double[] q = Spectra.dtft(r.left(), start + (rep + 1) * d, d, hz, RATE);
                double m = p[0] * p[0] + p[1] * p[1];
                double rr = (q[0] * p[0] + q[1] * p[1]) / m, ri = (q[1] * p[0] - q[0] * p[1]) / m;
                if (rep == 1) {
                    System.out.printf("04: %5.0f Hz: repeat 2/1 = %.5f %+.5fi, analytic 0.6 H = %.5f %+.5fi (%.2f dB a repeat)%n",
                            hz, rr, ri, er, ei, Spectra.db(Math.hypot(er, ei)));
                }
                assertThat(Math.hypot(rr - er, ri - ei) / Math.hypot(er, ei))
                        .as("04: repeat %d -> %d at %.0f Hz: relative error of the complex ratio vs 0.6 H(f)", rep, rep + 1, hz)
                        .isLessThan(1e-3);
            }
        }
    }

    // ------------------------------------------------------------------ 05 MIDI keyboard synth

    /** A3 and 330 Hz from the start; C4 and E4 join at 0.5 s; before that they are absent. */
    @Test
    void keyboardSynthPlaysTheNotesOfTheScriptAtTheirTimes() throws Exception {
        Rendered r = render("05-");
        int n = 16_384;
        double a3 = 220, fifth = 330, c4 = 440 * Math.pow(2, -9 / 12.0), e4 = 440 * Math.pow(2, -5 / 12.0);
        int early = 4_800, late = 36_000;
        double aEarly = Spectra.db(Spectra.amplitude(r.left(), early, n, a3, RATE));
        double fEarly = Spectra.db(Spectra.amplitude(r.left(), early, n, fifth, RATE));
        double cEarly = Spectra.db(Spectra.amplitude(r.left(), early, n, c4, RATE));
        double cLate = Spectra.db(Spectra.amplitude(r.left(), late, n, c4, RATE));
        double eLate = Spectra.db(Spectra.amplitude(r.left(), late, n, e4, RATE));
        System.out.printf("05: before 0.45 s: A3 %.1f, 330 Hz %.1f, C4 %.1f dBFS; 0.75-1.1 s: C4 %.1f, E4 %.1f dBFS%n",
                aEarly, fEarly, cEarly, cLate, eLate);
        assertThat(aEarly).as("05: A3 (220 Hz) from the start, dBFS").isGreaterThan(-40);
        assertThat(fEarly).as("05: 330 Hz from the start, dBFS").isGreaterThan(-40);
        assertThat(cEarly).as("05: C4 before 0.5 s, dBFS").isLessThan(aEarly - 40);
        assertThat(cLate).as("05: C4 after 0.5 s, dBFS").isGreaterThan(-40);
        assertThat(eLate).as("05: E4 after 0.5 s, dBFS").isGreaterThan(-40);
    }

    // ------------------------------------------------------------------ 06, 07 drums on the grid

    /** One kick of the stdlib kit at sample 0, rendered here by the kit itself (the template the mix is searched with). */
    static float[] kick(int length) {
        DrumKit kit = new DrumKit();
        NodeHarness h = new NodeHarness(kit, RATE, 64);
        kit.hitAt(kit.keyOf("bd"), 0, 1);
        return h.render(length)[0][0];
    }

    /** The lag in [expected - span, expected + span] where {@code template} correlates best with {@code x}. */
    static int bestLag(float[] x, float[] template, int expected, int span) {
        int best = expected;
        double bestScore = -Double.MAX_VALUE;
        for (int lag = Math.max(0, expected - span); lag <= expected + span; lag++) {
            double s = 0, e = 0;
            for (int i = 0; i < template.length && lag + i < x.length; i++) {
                s += template[i] * x[lag + i];
                e += x[lag + i] * (double) x[lag + i];
            }
            double score = s / Math.sqrt(e + 1e-30);
            if (score > bestScore) { bestScore = score; best = lag; }
        }
        return best;
    }

    /**
     * The kicks of "bd*4" at 120 BPM start on samples 24,000 n exactly (a matched filter finds each one). Checked on
     * the beats where the kick sounds alone (2 and 4: beats 1 and 3 have the snare on them too, whose tone pulls a
     * kick template's best match a few samples off; beat 0 is under the slot's 5 ms fade-in).
     */
    @Test
    void drumMachineKicksLandOnTheExactSamplesOfTheTempoGrid() throws Exception {
        Rendered r = render("07-");
        float[] k = kick(4_800);
        for (int beat : new int[] {2, 4}) {
            int lag = bestLag(r.left(), k, 24_000 * beat, 2_000);
            assertThat(lag).as("07: kick on beat %d starts on sample (120 BPM: 24,000 a beat)", beat).isEqualTo(24_000 * beat);
        }
        System.out.println("07: kicks on beats 2 and 4 on samples 48,000 and 96,000 exactly");
    }

    /** The kit's hitAt(bd, b * 12,000) kicks start on their samples exactly (beats 1, 3, 4, 5 and 7 are kicks). */
    @Test
    void drumKitHitsLandOnTheirExactSamples() throws Exception {
        Rendered r = render("06-");
        float[] k = kick(2_400);
        for (int b : new int[] {1, 3, 4, 5, 7}) {
            assertThat(bestLag(r.left(), k, 12_000 * b, 1_000)).as("06: kick on beat %d starts on sample", b)
                    .isEqualTo(12_000 * b);
        }
        System.out.println("06: kicks on beats 1, 3, 4, 5, 7 on samples 12,000 b exactly");
    }

    /**
     * The live set's kicks ("bd [~ bd] sn ~ . bd bd sn [~ hh]" at 124 BPM: beats 0, 0.75, 2 and 2.5 of each bar) start
     * on the nearest sample to beat * 60 * 48,000 / 124 (halves up, computed here in exact integers), found by a
     * matched filter within 8 samples: here the kick shares its band with the bass and the snare's tail, which pull
     * the template's best match a few samples either way (measured 0..5), so this checks the tempo and that nothing
     * is quantised to blocks (64 samples); the exact sample is checked where the kick sounds alone (07).
     */
    @Test
    void liveSetKicksLandOnTheNearestSamplesOfTheirBeatsAt124Bpm() throws Exception {
        Rendered r = render("08-");
        float[] k = kick(2_400);
        StringBuilder seen = new StringBuilder();
        for (int quarterBeats : new int[] {3, 8, 10, 16 + 3, 16 + 8, 16 + 10}) {        // beats 0.75, 2, 2.5, 4.75, 6, 6.5
            long num = quarterBeats * 2_880_000L, den = 4 * 124L;                     // beat * 60 * 48000 / 124
            int expected = (int) Math.floorDiv(2 * num + den, 2 * den);
            if (expected + k.length > r.left().length) continue;
            int lag = bestLag(r.left(), k, expected, 1_000);
            seen.append(String.format(" beat %.2f: %d (expected %d);", quarterBeats / 4.0, lag, expected));
            assertThat(lag).as("08: kick on beat %.2f starts on sample", quarterBeats / 4.0).isCloseTo(expected, within(8));
        }
        System.out.println("08:" + seen);
    }

    // ------------------------------------------------------------------ 09 FM bell

    /** Bessel function of the first kind J_k(x), k >= 0, by its power series (fine for x < 10). */
    static double besselJ(int k, double x) {
        double term = Math.pow(x / 2, k), sum = 0;
        for (int i = 1; i <= k; i++) term /= i;
        for (int m = 0; m < 60; m++) {
            sum += term;
            term *= -(x / 2) * (x / 2) / ((m + 1) * (m + 1 + k));
        }
        return sum;
    }

    /**
     * Lines at |400 + 560 k| Hz with levels |J_k(1.5)| relative to one another (the amplitude envelope scales them
     * all alike), and nothing else in the spectrum above -80 dB re the strongest line.
     */
    @Test
    void fmBellHasSidebandsAtCarrierPlusMinusModulatorWithBesselLevels() throws Exception {
        Rendered r = render("09-");
        int off = 4_800, n = 65_536;
        double fc = 400, fm = 560, beta = 1.5, ref = Spectra.amplitude(r.left(), off, n, fc + fm, RATE);
        double refJ = Math.abs(besselJ(1, beta));
        StringBuilder seen = new StringBuilder();
        for (int k = -4; k <= 4; k++) {
            double hz = Math.abs(fc + k * fm), expected = Math.abs(besselJ(Math.abs(k), beta)) / refJ;
            double measured = Spectra.amplitude(r.left(), off, n, hz, RATE) / ref;
            seen.append(String.format(" %.0f Hz %.2f dB (J %.2f);", hz, Spectra.db(measured), Spectra.db(expected)));
            assertThat(Spectra.db(measured / expected)).as("09: line k = %d at %.0f Hz vs |J_%d(1.5)| / J_1, dB", k, hz, Math.abs(k))
                    .isCloseTo(0, within(k == 4 || k == -4 ? 1.0 : 0.2));
        }
        double[] p = Signals.powerSpectrum(r.left(), off, n, Signals.Window.BLACKMAN_HARRIS);
        double max = 0, stray = 0, strayHz = 0, bin = (double) RATE / n;
        for (double v : p) max = Math.max(max, v);
        for (int i = 1; i < p.length; i++) {
            double f = i * bin;
            boolean onLine = false;
            for (int k = -40; k <= 40 && !onLine; k++) onLine = Math.abs(f - Math.abs(fc + k * fm)) <= 8 * bin;
            if (!onLine && p[i] > stray) { stray = p[i]; strayHz = f; }
        }
        double strayDb = 10 * Math.log10(stray / max);
        System.out.printf("09:%s strongest component off the lines %.1f dB at %.0f Hz%n", seen, strayDb, strayHz);
        assertThat(strayDb).as("09: strongest component off fc +- k fm, dB re the strongest line").isLessThan(-80);
    }

    // ------------------------------------------------------------------ 10 Karplus-Strong

    /**
     * The pluck rings at 220 Hz (within 2 cents) and its fundamental decays at the loop's rate: loss cos(pi f / rate)
     * per period, T60 = -3 / (f log10(loss cos(pi f / rate))) = 2.07 s for loss 0.985 (within 5 %).
     */
    @Test
    void pluckRingsAtItsNoteAndDecaysAtTheLoopFiltersRate() throws Exception {
        Rendered r = render("10-");
        double f = 220, loss = 0.985;
        double t60 = -3 / (f * Math.log10(loss * Math.cos(Math.PI * f / RATE)));
        double hz = Spectra.peakHz(r.left(), 4_800, 65_536, 200, 240, RATE);
        double cents = 1200 * Math.log(hz / f) / Math.log(2);
        int win = 4_096, hop = 2_048;
        int from = (int) (0.2 * RATE), to = (int) (2.8 * RATE) - win, count = (to - from) / hop;
        double[] t = new double[count], level = new double[count];
        for (int i = 0; i < count; i++) {
            int off = from + i * hop;
            t[i] = (off + win / 2.0) / RATE;
            level[i] = Spectra.db(Spectra.amplitude(r.left(), off, win, hz, RATE));
        }
        double measuredT60 = -60 / Spectra.slope(t, level);
        System.out.printf("10: fundamental %.3f Hz (%+.2f cents); T60 %.3f s, analytic %.3f s (%+.1f %%); level %.1f -> %.1f dB%n",
                hz, cents, measuredT60, t60, 100 * (measuredT60 / t60 - 1), level[0], level[count - 1]);
        assertThat(cents).as("10: the pluck's fundamental vs 220 Hz, cents").isCloseTo(0, within(2.0));
        assertThat(measuredT60).as("10: T60 of the fundamental vs the loop's analytic %.3f s", t60).isCloseTo(t60, within(0.05 * t60));
    }

    // ------------------------------------------------------------------ 11 your own filter

    /**
     * The clicks' impulse responses: the user one-pole (left) crosses -3.0103 dB where |a / (1 - (1-a) e^-iw)|^2 = 1/2
     * (1001.6 Hz for fc = 1 kHz), the user biquad (right) at 1 kHz (RBJ low-pass, Q = 1/sqrt 2); and each response
     * is its formula's at 100 Hz, 1 kHz and 10 kHz.
     */
    @Test
    void ownFiltersCrossMinus3DbAtTheirAnalyticPoints() throws Exception {
        Rendered r = render("11-");
        int click = 24_000 + 1_200, n = 12_000;                      // the click at 0.5 s + 25 ms
        double half = -10 * Math.log10(2);
        double a = 1 - Math.exp(-2 * Math.PI * 1_000 / RATE), b = 1 - a;
        double wc = Math.acos((1 + b * b - 2 * a * a) / (2 * b)), onePoleAnalytic = wc * RATE / (2 * Math.PI);
        double onePole = Spectra.crossingHz(r.left(), click, n, half, 100, 5_000, RATE);
        double biquad = Spectra.crossingHz(r.right(), click, n, half, 100, 5_000, RATE);
        System.out.printf("11: -3.01 dB points: one-pole %.3f Hz (analytic %.3f), biquad %.3f Hz (analytic 1000)%n",
                onePole, onePoleAnalytic, biquad);
        assertThat(onePole).as("11: the one-pole's -3 dB point vs its formula, Hz").isCloseTo(onePoleAnalytic, within(0.5));
        assertThat(onePole).as("11: the one-pole's -3 dB point vs the stated cutoff, Hz").isCloseTo(1_000, within(10.0));
        assertThat(biquad).as("11: the biquad's -3 dB point vs the stated cutoff, Hz").isCloseTo(1_000, within(0.5));
        for (double hz : new double[] {100, 1_000, 10_000}) {
            double w = 2 * Math.PI * hz / RATE;
            double onePoleDb = 10 * Math.log10(a * a / (1 - 2 * b * Math.cos(w) + b * b));
            assertThat(Spectra.gainDb(r.left(), click, n, hz, RATE)).as("11: one-pole gain at %.0f Hz, dB", hz)
                    .isCloseTo(onePoleDb, within(0.01));
            assertThat(Spectra.gainDb(r.right(), click, n, hz, RATE)).as("11: biquad gain at %.0f Hz, dB", hz)
                    .isCloseTo(Spectra.db(rbjLowPassGain(hz, 1_000, Math.sqrt(0.5))), within(0.01));
        }
    }

    // ------------------------------------------------------------------ 12 aliasing

    /**
     * Left the naive saw, right the band-limited one, both at 1800 bins of a 65,536-point FFT (1318.36 Hz), so every
     * harmonic and every alias sits exactly on a bin and a rectangular window leaks nothing. An alias is any bin off
     * the harmonics (and off DC); its level is in dB re the fundamental.
     */
    @Test
    void aliasingNaiveSawShowsAliasesTheBandLimitedOneDoesNot() throws Exception {
        Rendered r = render("12-");
        int n = 65_536, off = 24_000, f0Bin = 1_800;
        double naive = strongestAliasDb(r.left(), off, n, f0Bin, 24_000);
        double blep = strongestAliasDb(r.right(), off, n, f0Bin, 24_000);
        double blepAudible = strongestAliasDb(r.right(), off, n, f0Bin, 20_000);
        System.out.printf("12: strongest alias re the fundamental: naive %.1f dB, band-limited %.1f dB "
                + "(%.1f dB below 20 kHz)%n", naive, blep, blepAudible);
        assertThat(naive).as("12: naive saw's strongest alias, dB re fundamental").isGreaterThan(-40);
        assertThat(blep).as("12: band-limited saw's strongest alias (to 24 kHz), dB re fundamental").isLessThan(-80);
    }

    /** The strongest bin below {@code maxHz} that is neither DC nor a harmonic of bin {@code f0Bin}, in dB re bin f0Bin. */
    static double strongestAliasDb(float[] x, int off, int n, int f0Bin, double maxHz) {
        double[] p = Signals.powerSpectrum(x, off, n, Signals.Window.RECTANGULAR);
        double worst = 0;
        int top = (int) Math.min(p.length - 1, Math.floor(maxHz * n / RATE));
        for (int k = 1; k <= top; k++) if (k % f0Bin != 0) worst = Math.max(worst, p[k]);
        return 10 * Math.log10(worst / p[f0Bin]);
    }

    // ------------------------------------------------------------------ 13 envelopes

    /**
     * The envelope, read back exactly as out / sin (the 1 kHz sine starts at phase 0 on sample 0, so its value is
     * known; samples where |sin| < 0.5 are skipped): linear attack from the gate at 4,800 to 1 in 9,600 samples,
     * decay to 0.5 in 14,400, sustain 0.5, release from the gate off at 57,600 to 0 in 24,000.
     */
    @Test
    void envelopeStagesTakeExactlyTheirTimes() throws Exception {
        Rendered r = render("13-");
        double g = Math.pow(10, -6 / 20.0);
        int on = 4_800, a = 9_600, d = 14_400, off = 57_600, rel = 24_000;
        double worst = 0;
        int worstAt = -1;
        for (int i = 0; i < on + a + d + (off - on - a - d) + rel + 2_400; i++) {
            double s = Math.sin(2 * Math.PI * 1_000 * i / RATE);
            if (Math.abs(s) < 0.5 || i < 480) continue;              // the first 10 ms: the slot's fade-in
            double env = r.left()[i] / (g * s);
            double expected;
            if (i < on) expected = 0;
            else if (i < on + a) expected = (i - on + 1.0) / a;
            else if (i < on + a + d) expected = 1 - 0.5 * (i - on - a + 1.0) / d;
            else if (i < off) expected = 0.5;
            else if (i < off + rel) expected = 0.5 * (1 - (i - off + 1.0) / rel);
            else expected = 0;
            if (Math.abs(env - expected) > worst) { worst = Math.abs(env - expected); worstAt = i; }
        }
        System.out.printf("13: envelope read back within %.2e of the stated stages (worst at sample %d)%n", worst, worstAt);
        assertThat(worst).as("13: largest difference from the stated ADSR (attack 0.2 s, decay 0.3 s to 0.5, "
                + "release 0.5 s), at sample %d", worstAt).isLessThan(1e-3);
    }

    // ------------------------------------------------------------------ 14 reverb

    /**
     * The tail below 1 kHz decays at the combs' rate: each comb of L samples with feedback g = 0.7 + 0.28 * 0.8
     * falls 60 dB in -3 L / (rate log10 g) s (damping barely touches low frequencies); the sum's T60 lies between the
     * shortest comb's and the longest's (1116 and 1617 samples at 44.1 kHz, scaled to 48 kHz).
     */
    @Test
    void reverbTailDecaysAtTheCombsRate() throws Exception {
        Rendered r = render("14-");
        double g = 0.7 + 0.28 * 0.8, k = RATE / 44_100.0;
        double shortest = -3 * Math.round(1116 * k) / (RATE * Math.log10(g));
        double longest = -3 * Math.round((1617 + 23) * k) / (RATE * Math.log10(g));
        int win = 4_096, hop = 2_048, from = (int) (0.6 * RATE), to = (int) (2.9 * RATE) - win, count = (to - from) / hop;
        double[] t = new double[count], level = new double[count];
        for (int i = 0; i < count; i++) {
            int o = from + i * hop;
            double[] p = Signals.powerSpectrum(r.left(), o, win, Signals.Window.HANN);
            double e = 0;
            for (int b = (int) (100.0 * win / RATE); b <= (int) (1_000.0 * win / RATE); b++) e += p[b];
            t[i] = (o + win / 2.0) / RATE;
            level[i] = 10 * Math.log10(e);
        }
        double t60 = -60 / Spectra.slope(t, level);
        System.out.printf("14: T60 below 1 kHz %.3f s; the combs' analytic T60 %.3f .. %.3f s; level %.1f -> %.1f dB%n",
                t60, shortest, longest, level[0], level[count - 1]);
        assertThat(t60).as("14: reverb T60 (100 Hz .. 1 kHz), s").isBetween(shortest, longest);
    }

    // ------------------------------------------------------------------ 16 arrangement

    /**
     * The arrangement's drums: one clip of a one-beat kick looped over four bars, at 160 BPM: the kicks of beats 2..4
     * start 18,000 samples apart, found by a matched filter with the script's own kick (regenerated here by its
     * formula) within 8 samples: the bass and the reverb share the kick's band and pull the template's best match a
     * few samples either way (measured -4..+2), so this checks the tempo and that nothing is quantised to blocks (64
     * samples); clip positions are checked sample-exact where a clip sounds alone (arrange: ClipPlayerTest). The first
     * kick starts within two blocks of the render's start, where arr.play() landed.
     */
    @Test
    void arrangementKickClipLoopsOnTheExactSamplesOfThe160BpmGrid() throws Exception {
        Rendered r = render("16-");
        float[] k = new float[4_800];
        double phase = 0;
        for (int i = 0; i < k.length; i++) {
            double t = i / 48_000.0;
            phase += 2 * Math.PI * (50 + 100 * Math.exp(-t * 30)) / 48_000;
            k[i] = (float) (0.7 * Math.sin(phase) * Math.exp(-t * 10));
        }
        int first = bestLag(r.left(), k, 64, 64);
        assertThat(first).as("16: the first kick, where arr.play() landed (sample)").isBetween(0, 128);
        StringBuilder found = new StringBuilder();
        for (int b = 1; b <= 3; b++) {
            int lag = bestLag(r.left(), k, first + 18_000 * b, 64);
            found.append(' ').append(lag);
            assertThat(lag).as("16: kick on beat %d (160 BPM: 18,000 samples a beat after the first at %d)", b + 1, first)
                    .isBetween(first + 18_000 * b - 8, first + 18_000 * b + 8);
        }
        System.out.println("16: kicks found on samples " + first + found + " (grid: 18,000 b)");
    }
}
