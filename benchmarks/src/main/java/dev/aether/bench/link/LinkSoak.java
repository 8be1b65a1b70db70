package dev.aether.bench.link;

import dev.aether.core.EngineConfig;
import dev.aether.core.driver.DriverConfig;
import dev.aether.core.driver.PacedNullDriver;
import dev.aether.core.engine.Engine;
import dev.aether.link.LinkClockFollower;
import dev.aether.link.LinkPeer;
import dev.aether.link.LinkState;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 14's long run (args: [minutes=10] [linkpeer binary]): two aether Link peers, each driving an engine on the
 * paced null driver through a {@link LinkClockFollower}, and Ableton's own library (the g++ peer LinkInteropTest
 * builds into link/target/linkpeer/), in a private network namespace (it re-runs itself under {@code unshare -n};
 * needs root). Once a second it reads Ableton's phase at an instant of CLOCK_MONOTONIC and each aether peer's
 * phase at the same instant; every 60 s one of the three changes the tempo (samples within 1.5 s of a change are
 * left out). Prints each aether peer's worst and mean phase error (ms of session time), the drift (mean error of
 * the last minute minus the first), and the engines' phase offsets as their followers see them. Target: drift and
 * worst error under 1 ms.
 */
public final class LinkSoak {
    public static void main(String[] args) throws Exception {
        double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        Path binary = args.length > 1 ? Path.of(args[1]) : findBinary();
        if (System.getenv("LINK_SOAK_IN_NS") == null) {
            reexecInNamespace(minutes, binary);
            return;
        }
        NetworkInterface lo = NetworkInterface.getByName("lo");
        Process ableton = new ProcessBuilder(binary.toString(), "120").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(ableton.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter in = new PrintWriter(ableton.getOutputStream(), true, StandardCharsets.UTF_8);
        out.readLine();                                                     // READY
        Thread.sleep(1200);
        LinkPeer a = LinkPeer.start(100, lo, LinkPeer::monotonicMicros);
        LinkPeer b = LinkPeer.start(90, lo, LinkPeer::monotonicMicros);
        Engine ea = Engine.create(EngineConfig.defaults()), eb = Engine.create(EngineConfig.defaults());
        PacedNullDriver da = new PacedNullDriver(DriverConfig.defaults()), db = new PacedNullDriver(DriverConfig.defaults());
        ea.start(da);
        eb.start(db);
        LinkClockFollower fa = new LinkClockFollower(ea.clock(), a, LinkPeer::monotonicMicros, 0).start();
        LinkClockFollower fb = new LinkClockFollower(eb.clock(), b, LinkPeer::monotonicMicros, 0).start();
        Thread.sleep(5000);

        List<double[]> samples = new ArrayList<>();                          // seconds, errA, errB, engineA, engineB
        long start = System.nanoTime(), lastChange = start;
        double[] tempos = {120, 126, 131.5, 118};
        int changes = 0;
        while (System.nanoTime() - start < minutes * 60e9) {
            Thread.sleep(1000);
            double t = (System.nanoTime() - start) / 1e9;
            if ((int) (t / 60) > changes) {
                changes++;
                double bpm = tempos[changes % tempos.length];
                switch (changes % 3) {
                    case 0 -> { in.println("t " + bpm); out.readLine(); }
                    case 1 -> a.tempo(bpm);
                    default -> b.tempo(bpm);
                }
                lastChange = System.nanoTime();
                continue;
            }
            if (System.nanoTime() - lastChange < 1_500_000_000L) continue;
            in.println("q");
            String s = out.readLine();
            long mono = (long) field(s, "mono");
            double phase = field(s, "phase"), bpm = field(s, "tempo");
            samples.add(new double[] {t, err(a.state(), mono, phase, bpm), err(b.state(), mono, phase, bpm),
                    fa.phaseErrorMillis(), fb.phaseErrorMillis()});
        }
        in.println("x");
        LinkState sa = a.state(), sb = b.state();
        fa.close(); fb.close(); a.close(); b.close(); ea.close(); eb.close();
        report(samples, minutes, sa, sb);
        System.out.printf(Locale.ROOT, "  paced null drivers: late blocks A %d, B %d; resyncs A %d, B %d (a late audio thread shows as engine error)%n",
                da.lateBlocks(), db.lateBlocks(), da.resyncs(), db.resyncs());
    }

    static double err(LinkState s, long mono, double phase, double bpm) {
        double d = s.phaseAt(mono, 4) - phase;
        d -= 4 * Math.floor(d / 4 + 0.5);
        return d * 60_000 / bpm;
    }

    static void report(List<double[]> samples, double minutes, LinkState a, LinkState b) {
        String[] names = {"aether A (peer phase)", "aether B (peer phase)", "engine A (follower)", "engine B (follower)"};
        System.out.printf(Locale.ROOT, "Link soak: %.1f min, %d samples, peers seen by A/B: %d/%d%n", minutes, samples.size(), a.peers(), b.peers());
        for (int k = 1; k <= 4; k++) {
            double[] abs = new double[samples.size()];
            for (int i = 0; i < abs.length; i++) abs[i] = Math.abs(samples.get(i)[k]);
            java.util.Arrays.sort(abs);
            double median = abs.length == 0 ? 0 : abs[abs.length / 2], p99 = abs.length == 0 ? 0 : abs[(int) (abs.length * 0.99)];
            long over = java.util.Arrays.stream(abs).filter(x -> x >= 1).count();
            double worst = 0, sum = 0, first = 0, last = 0;
            int nFirst = 0, nLast = 0;
            double end = samples.isEmpty() ? 0 : samples.get(samples.size() - 1)[0];
            for (double[] s : samples) {
                worst = Math.max(worst, Math.abs(s[k]));
                sum += s[k];
                if (s[0] < 60) { first += s[k]; nFirst++; }
                if (s[0] > end - 60) { last += s[k]; nLast++; }
            }
            System.out.printf(Locale.ROOT, "  %-22s |error| median %.3f, p99 %.3f, worst %.3f ms (%d of %d >= 1 ms); mean %.3f ms;"
                            + " drift (last minute - first) %.3f ms%n", names[k - 1], median, p99, worst, over, abs.length,
                    sum / Math.max(1, samples.size()), last / Math.max(1, nLast) - first / Math.max(1, nFirst));
        }
    }

    static double field(String line, String name) {
        for (String w : line.split("\\s+")) if (w.startsWith(name + "=")) return Double.parseDouble(w.substring(name.length() + 1));
        throw new IllegalStateException("no " + name + "= in '" + line + "'");
    }

    static Path findBinary() throws Exception {
        Path dir = Path.of("link", "target", "linkpeer");
        if (Files.isDirectory(dir)) {
            try (var s = Files.list(dir)) {
                var found = s.filter(p -> p.getFileName().toString().matches("linkpeer-[0-9a-f]+")).findFirst();
                if (found.isPresent()) return found.get().toAbsolutePath();
            }
        }
        throw new IllegalStateException("no Ableton Link test peer in link/target/linkpeer: run LinkInteropTest once (mvn -pl link test"
                + " -Dtest=LinkInteropTest) or pass the binary built with g++ -std=c++14 -DLINK_PLATFORM_LINUX=1 -pthread"
                + " link/src/test/resources/dev/aether/link/linkpeer.cpp");
    }

    static void reexecInNamespace(double minutes, Path binary) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of("unshare", "-n", "sh", "-c",
                "ip link set lo up && ip route add 224.0.0.0/4 dev lo && exec \"$@\"", "sh", java, "-cp",
                System.getProperty("java.class.path"), LinkSoak.class.getName(), Double.toString(minutes), binary.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().put("LINK_SOAK_IN_NS", "1");
        int rc = pb.start().waitFor();
        if (rc != 0) System.err.println("the soak in its namespace exited " + rc + " (unshare -n needs root)");
        System.exit(rc);
    }
}
