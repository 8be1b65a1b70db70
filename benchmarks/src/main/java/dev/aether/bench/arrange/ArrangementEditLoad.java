package dev.aether.bench.arrange;

import dev.aether.arrange.Position;
import dev.aether.arrange.Project;
import dev.aether.arrange.live.LiveArrangement;
import dev.aether.arrange.stream.AudioPool;
import dev.aether.core.EngineConfig;
import dev.aether.core.driver.DriverConfig;
import dev.aether.core.driver.PacedNullDriver;
import dev.aether.core.engine.Engine;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Issue 13's edit-rate proof played live (args: [seconds=5] [edits per second=1000] [mode=data|all] [project=mix34|nest20]):
 * {@link EditMix}'s project playing on an engine on the paced null driver (48 kHz, 64-frame blocks, its real audio
 * thread), while this thread makes and applies edits at the given rate, each on its due time (the edits are made on
 * the fly, as a performer's commands are: making the project counts in the edit thread's CPU). {@code data}: data
 * edits only ({@link EditMix.Kind#DATA}, fader, whole-mix); {@code all}: one edit in eight adds or removes an effect
 * (a new plan: 125 plans per second at 1,000 edits per second). After five seconds of warm-up at the same rate (the JIT compiles meanwhile; it may
 * resolve a class's strings on the audio thread once) it
 * measures: the paced driver's late blocks and resyncs (a resync: a stall longer than the whole device buffer, which
 * re-anchors the driver's clock), bytes the audio thread allocated (in all and per second), the edit thread's CPU per edit, the edits that
 * started late.
 *
 * <pre>java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar dev.aether.bench.arrange.ArrangementEditLoad 5 1000 data</pre>
 */
public final class ArrangementEditLoad {
    private static final EditMix.Kind[] DATA = {EditMix.Kind.VOLUME, EditMix.Kind.DATA, EditMix.Kind.DATA, EditMix.Kind.MIX,
            EditMix.Kind.DATA, EditMix.Kind.DATA, EditMix.Kind.VOLUME, EditMix.Kind.DATA};
    private static final EditMix.Kind[] ALL = {EditMix.Kind.VOLUME, EditMix.Kind.DATA, EditMix.Kind.DATA, EditMix.Kind.MIX,
            EditMix.Kind.DATA, EditMix.Kind.DATA, EditMix.Kind.VOLUME, EditMix.Kind.EFFECT};

    private static final double WARMUP = 5;

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        boolean all = args.length > 2 && args[2].equals("all");
        String which = args.length > 3 ? args[3] : "mix34";
        Path dir = Media.dir("editload");
        Project start = which.equals("nest20") ? EditMix.nested20(dir) : EditMix.mix34(dir);
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        PacedNullDriver driver = new PacedNullDriver(DriverConfig.defaults().sampleRateHz(Media.RATE));
        try (AudioPool pool = new AudioPool(); Engine e = Engine.create(EngineConfig.defaults().sampleRate(Media.RATE).blockSize(64))) {
            LiveArrangement arr = LiveArrangement.attach(e, pool, Recipes.RESOLVER);
            arr.apply(start);
            arr.seek(Position.ZERO);
            e.start(driver);
            arr.play();
            Thread.sleep(300);
            Thread audio = e.stats().audioThread();
            EditMix.Kind[] kinds = all ? ALL : DATA;
            Project[] p = {start};
            int[] n = {0};
            run(arr, p, n, kinds, rate, WARMUP);                               // warm-up: the JIT's one-offs
            long late0 = driver.lateBlocks(), resync0 = driver.resyncs(), alloc0 = mx.getThreadAllocatedBytes(audio.getId());
            long cpu0 = mx.getCurrentThreadCpuTime(), frames0 = driver.framesRendered(), edits0 = n[0];
            long[] r = new long[2];
            StringBuilder windows = new StringBuilder();
            for (double done = 0; done < seconds; done += 1) {                  // one-second windows
                long a = mx.getThreadAllocatedBytes(audio.getId()), l = driver.lateBlocks();
                long[] w = run(arr, p, n, kinds, rate, Math.min(1, seconds - done));
                r[0] += w[0];
                r[1] = Math.max(r[1], w[1]);
                windows.append(windows.length() == 0 ? "" : ", ").append(mx.getThreadAllocatedBytes(audio.getId()) - a).append(" B/")
                        .append(driver.lateBlocks() - l).append(" late");
            }
            long late = driver.lateBlocks() - late0, resyncs = driver.resyncs() - resync0;
            long alloc = mx.getThreadAllocatedBytes(audio.getId()) - alloc0, cpu = mx.getCurrentThreadCpuTime() - cpu0;
            long edits = n[0] - edits0;
            double audioSeconds = (driver.framesRendered() - frames0) / (double) Media.RATE;
            e.stop();
            System.out.printf(Locale.ROOT, "%s, %s edits at %d/s for %.1f s (after %.0f s of warm-up): %d edits applied over %.2f s of audio%n",
                    which, all ? "all kinds of" : "data", rate, seconds, WARMUP, edits, audioSeconds);
            System.out.printf(Locale.ROOT, "paced driver: %d late blocks, of them %d resyncs (late blocks not resyncs: %d)%n", late, resyncs, late - resyncs);
            System.out.printf(Locale.ROOT, "audio thread allocated: %d B (per second: %s)%n", alloc, windows);
            System.out.printf(Locale.ROOT, "edit thread: %.1f us CPU per edit (making the project and applying it), %.1f %% of a core;"
                    + " %d edits started over 1 ms after their due time, the worst %.2f ms after%n",
                    cpu / 1e3 / edits, cpu / 1e7 / seconds, r[0], r[1] / 1e6);
            System.out.printf(Locale.ROOT, "engine: %d late blocks, %d xruns, peak load %.2f; uptime load %s; %s%n", e.stats().lateBlocks(),
                    e.stats().xruns(), e.stats().peakLoad(), loadAverage(), driver.schedulingReport());
            arr.close();
        }
    }

    /** Applies edits at {@code rate} per second for {@code seconds}; returns [edits started over 1 ms late, worst lateness ns]. */
    private static long[] run(LiveArrangement arr, Project[] p, int[] n, EditMix.Kind[] kinds, int rate, double seconds) {
        long t0 = System.nanoTime(), count = Math.round(seconds * rate), late = 0, worst = 0;
        double period = 1e9 / rate;
        for (long i = 0; i < count; i++) {
            long due = t0 + (long) (i * period), now;
            while ((now = System.nanoTime()) < due) LockSupport.parkNanos(due - now);
            if (now - due > 1_000_000) late++;
            worst = Math.max(worst, now - due);
            int k = n[0]++;
            p[0] = EditMix.edit(p[0], kinds[k % kinds.length], k);
            arr.apply(p[0]);
        }
        return new long[] {late, worst};
    }

    private static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
