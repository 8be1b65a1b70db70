import dev.aether.bench.SchedulerBenchmark;
import dev.aether.bench.StandardPatchBenchmark;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** Thread-CPU-time per op (robust to a loaded machine): median of rounds. args: what [rounds] */
public class CpuTime {
    interface Op { void run(); }
    static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    static double measure(Op op, int opsPerRound, int rounds) {
        for (int i = 0; i < 20_000; i++) op.run();
        double[] r = new double[rounds];
        for (int k = 0; k < rounds; k++) {
            long t0 = MX.getCurrentThreadCpuTime();
            for (int i = 0; i < opsPerRound; i++) op.run();
            r[k] = (MX.getCurrentThreadCpuTime() - t0) / (double) opsPerRound;
        }
        java.util.Arrays.sort(r);
        return r[0];
    }

    public static void main(String[] a) throws Exception {
        int rounds = 25;
        SchedulerBenchmark s = new SchedulerBenchmark();
        s.nodes = 1000;
        s.setUp();
        double render = measure(s::renderBlock, 1000, rounds);
        double proc = measure(s::processOnly, 1000, rounds);
        s.tearDown();
        StandardPatchBenchmark b = new StandardPatchBenchmark();
        StandardPatchBenchmark.FusedState f = new StandardPatchBenchmark.FusedState();
        f.voices = 256; f.setUp();
        StandardPatchBenchmark.EngineState e = new StandardPatchBenchmark.EngineState();
        e.voices = 256; e.setUp();
        StandardPatchBenchmark.StdlibEngineState st = new StandardPatchBenchmark.StdlibEngineState();
        st.voices = 256; st.setUp();
        double fused = measure(() -> b.fused(f), 200, rounds);
        double eng = measure(() -> b.engine(e), 200, rounds);
        double std = measure(() -> b.engineStdlib(st), 200, rounds);
        double fused2 = measure(() -> b.fused(f), 200, rounds);
        System.out.printf("scheduler 1000: renderBlock %.1f us, processOnly %.1f us | 256 voices: fused %.1f/%.1f us, engine %.1f us (%.2fx), stdlib %.1f us (%.2fx)%n",
                render / 1e3, proc / 1e3, fused / 1e3, fused2 / 1e3, eng / 1e3, Math.min(fused, fused2) / eng, std / 1e3, Math.min(fused, fused2) / std);
        System.exit(0);
    }
}
