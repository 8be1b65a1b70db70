import dev.aether.bench.SchedulerBenchmark;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@code SchedulerBenchmark} at 1000 nodes in thread CPU time (robust to a loaded machine): best of rounds of 1000 ops.
 * args: rounds, then any of render, process, scanOr, walk; {@code -Dlevel=0.25} makes the stages write a finite
 * non-zero level instead of silence.
 */
public class SchedCpu {
    static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    static double measure(Runnable op, int rounds) {
        for (int i = 0; i < 20_000; i++) op.run();
        double best = Double.MAX_VALUE;
        for (int k = 0; k < rounds; k++) {
            long t0 = MX.getCurrentThreadCpuTime();
            for (int i = 0; i < 1000; i++) op.run();
            best = Math.min(best, (MX.getCurrentThreadCpuTime() - t0) / 1000.0);
        }
        return best;
    }

    public static void main(String[] a) throws Exception {
        int rounds = Integer.parseInt(a[0]);
        SchedulerBenchmark s = new SchedulerBenchmark();
        s.nodes = 1000;
        s.level = Float.parseFloat(System.getProperty("level", "0"));
        s.setUp();
        Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < a.length; i++) {
            Runnable r = switch (a[i]) {
                case "render" -> s::renderBlock;
                case "process" -> s::processOnly;
                case "scanOr" -> () -> s.scanOr(bh);
                case "walk" -> s::walkOnly;
                default -> throw new IllegalArgumentException(a[i]);
            };
            sb.append(String.format("%s %.1f  ", a[i], measure(r, rounds) / 1e3));
        }
        System.out.println(sb + "(µs per block, best of " + rounds + ", level " + s.level + ")");
        System.exit(0);
    }
}
