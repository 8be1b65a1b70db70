package dev.aether.bench;

import dev.aether.bench.nodes.Amp;
import dev.aether.bench.nodes.BlepSaw;
import dev.aether.bench.nodes.MonoToStereo;
import dev.aether.bench.nodes.RbjLowPass;
import dev.aether.core.engine.Engine;
import dev.aether.core.EngineConfig;
import dev.aether.core.NodeId;
import dev.aether.core.engine.SwapOptions;
import dev.aether.core.view.EngineEvent;
import dev.aether.core.driver.AudioDriver;
import dev.aether.core.driver.DriverChoice;
import dev.aether.core.driver.DriverConfig;
import dev.aether.core.driver.DriverFactory;
import dev.aether.core.driver.PacedNullDriver;
import dev.aether.repl.HeapCommit;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Soak harness (issue 5): runs the engine on the real audio path for N minutes under load and prints
 * xruns, worst stall, load, and the JVM, collectors and audio-thread scheduling in use.
 *
 * <p>Patch: {@code voices} (default 64) voices of {@link BlepSaw} → {@link RbjLowPass} → {@link Amp}, summed
 * by {@link MonoToStereo} into the master. Load: a control thread makes {@code swaps} (default 30) plan
 * swaps a second, rotating through hot-replacing a voice's filter (10 ms crossfade, state carried),
 * disconnecting and reconnecting a voice, and a cutoff change; a garbage thread allocates {@code mbps}
 * (default 200) MB/s, keeping a rolling 64 MB of it alive so it reaches the old generation.
 *
 * <p>Driver: {@code DriverFactory.defaultDriver} (Java Sound, or the paced null driver when there is no
 * device); {@code -Dsoak.driver=null} forces {@code PacedNullDriver}; {@code -Dsoak.bufferFrames=N} sets the
 * device buffer (default 512).
 *
 * <p>Heap: starts {@link HeapCommit}'s thread once the engine plays, as the console does; with {@code -Xms} below
 * {@code -Xmx} (and {@code -XX:-ZUncommit}) it grows the committed heap beside the audio thread; a fixed heap leaves
 * it nothing to do. It prints the committed heap when it ends and at the end of the run.
 *
 * <p>User code: {@code -Dsoak.userNodes=N} (default 0) adds N user nodes typed through the console's evaluator, so
 * woven with budget checks: the standard patch of 16 voices in one node ({@code usercode.UserNodes#VOICES}). Each
 * time one runs past its budget ({@code -Dsoak.budgetMs}, default the engine's automatic one) it is counted as a
 * false positive, printed, and put back (its fault cleared), so the count is over the whole run.
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -XX:+UseZGC -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar dev.aether.bench.Soak 10 [voices] [swaps/s] [MB/s]
 * </pre>
 */
public final class Soak {
    private Soak() {}

    public static void main(String[] args) throws Exception {
        double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 1;
        int voices = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int swapsPerSecond = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int megabytesPerSecond = args.length > 3 ? Integer.parseInt(args[3]) : 200;

        Engine engine = Engine.create(EngineConfig.defaults().sampleRate(48_000).blockSize(64)
                .userCodeBudgetMillis(Double.parseDouble(System.getProperty("soak.budgetMs", "0"))));
        int userNodes = Integer.getInteger("soak.userNodes", 0);
        List<NodeId> filters = new ArrayList<>();
        List<Amp> amps = new ArrayList<>();
        MonoToStereo mix = new MonoToStereo();
        engine.batch(() -> {
            engine.add(mix);
            for (int v = 0; v < voices; v++) {
                BlepSaw saw = new BlepSaw().frequencyHz(55 * Math.pow(2, (v % 36) / 12.0));
                RbjLowPass lp = new RbjLowPass().cutoffHz(800 + 30 * v);
                Amp amp = new Amp().gain(0.5 / voices);
                engine.add(saw);
                filters.add(engine.add(lp));
                engine.add(amp);
                amps.add(amp);
                engine.connect(saw.out, lp.in);
                engine.connect(lp.out, amp.in);
                engine.connect(amp.out, mix.in);
            }
            engine.connectToMaster(mix.out);
        });
        UserCodeLoad user = userNodes > 0 ? new UserCodeLoad(engine, mix.in, userNodes) : null;

        Object[] choice = chooseDriver();
        AudioDriver driver = (AudioDriver) choice[0];
        System.out.printf(Locale.ROOT, "soak: %.1f min, %d voices (%d nodes), %d plan swaps/s, %d MB/s garbage%n",
                minutes, voices, engine.nodes().size(), swapsPerSecond, megabytesPerSecond);
        System.out.println("driver: " + driver.description() + (choice[1] == null ? "" : "  [" + choice[1] + "]"));

        AtomicLong faults = new AtomicLong(), xrunEvents = new AtomicLong(), swaps = new AtomicLong();
        AtomicLong garbageBytes = new AtomicLong();
        long end = System.nanoTime() + (long) (minutes * 60e9);
        engine.start(driver);
        long committedAtStart = Runtime.getRuntime().totalMemory(), commitStarted = System.nanoTime();
        Thread heapCommit = HeapCommit.startInBackground();   // as the console does once the audio plays (no-op at -Xms = -Xmx)
        Thread heapReport = new Thread(() -> {
            try {
                heapCommit.join();
            } catch (InterruptedException e) {
                return;
            }
            System.out.printf(Locale.ROOT, "heap: %d MB committed at start, %d MB of %d MB after %s (%.2f s)%n",
                    committedAtStart >> 20, Runtime.getRuntime().totalMemory() >> 20, Runtime.getRuntime().maxMemory() >> 20,
                    HeapCommit.THREAD_NAME, (System.nanoTime() - commitStarted) / 1e9);
        }, "soak-heap-report");
        heapReport.setDaemon(true);
        heapReport.start();

        Thread garbage = new Thread(() -> makeGarbage(megabytesPerSecond, end, garbageBytes), "soak-garbage");
        garbage.setDaemon(true);
        garbage.start();

        SplittableRandom random = new SplittableRandom(7);
        long period = 1_000_000_000L / swapsPerSecond;
        long next = System.nanoTime(), nextReport = next + 10_000_000_000L, started = next;
        String lastTiming = "";
        int step = 0;
        while (System.nanoTime() < end) {
            int v = random.nextInt(voices);
            switch (step++ % 3) {
                case 0 -> {
                    NodeId id = filters.get(v);
                    RbjLowPass next2 = new RbjLowPass().cutoffHz(600 + random.nextInt(4000));
                    engine.replace(id, next2, SwapOptions.DEFAULT);
                }
                case 1 -> {
                    Amp a = amps.get(v);
                    engine.batch(() -> {
                        engine.disconnect(a.out, mix.in);
                        engine.connect(a.out, mix.in);
                    });
                }
                default -> {
                    Amp a = amps.get(v);
                    engine.disconnect(a.out, mix.in);
                    engine.connect(a.out, mix.in);
                }
            }
            swaps.incrementAndGet();
            engine.pollEvents(e -> count(e, faults, xrunEvents, user));
            long now = System.nanoTime();
            if (now >= nextReport) {
                nextReport += 10_000_000_000L;
                System.out.printf(Locale.ROOT, "[%4.0f s] xruns %d (late %d), worst stall %.2f ms, load %.1f %% (peak %.1f %%), swaps %d, garbage %d MB, faults %d, heap %d MB%n",
                        (now - started) / 1e9, engine.stats().xruns(), engine.stats().lateBlocks(),
                        engine.stats().worstStallNanos() / 1e6,
                        engine.stats().load() * 100, engine.stats().peakLoad() * 100, swaps.get(),
                        garbageBytes.get() >> 20, faults.get(), Runtime.getRuntime().totalMemory() >> 20);
                if (!driver.timingReport().equals(lastTiming)) {
                    lastTiming = driver.timingReport();      // printed when a worst time grew: where a stall was
                    System.out.println("       " + lastTiming);
                }
            }
            next += period;
            long wait = next - System.nanoTime();
            if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
        }

        String scheduling = schedulingOf(engine, driver);
        engine.stop();
        garbage.join(2000);
        engine.pollEvents(e -> count(e, faults, xrunEvents, user));
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.println("---- soak result");
        System.out.printf(Locale.ROOT, "duration       %.1f s, plan swaps %d (%.1f/s), garbage %.0f MB (%.0f MB/s)%n", seconds,
                swaps.get(), swaps.get() / seconds, garbageBytes.get() / 1e6, garbageBytes.get() / 1e6 / seconds);
        System.out.printf(Locale.ROOT, "xruns          %d (device ran dry; late blocks absorbed by the buffer: %d; events seen %d)%n",
                engine.stats().xruns(), engine.stats().lateBlocks(), xrunEvents.get());
        System.out.printf(Locale.ROOT, "worst stall    %.3f ms%n", engine.stats().worstStallNanos() / 1e6);
        System.out.printf(Locale.ROOT, "load           %.1f %% smoothed at the end, peak block %.1f %% of the deadline%n",
                engine.stats().load() * 100, engine.stats().peakLoad() * 100);
        System.out.println("node faults    " + faults.get());
        if (user != null) {
            System.out.printf(Locale.ROOT, "user code      %d woven nodes of 16 voices, budget %.2f ms: %d over budget "
                    + "(false positives) in %d node-blocks%n", userNodes, engine.config().userCodeBudgetNanos() / 1e6,
                    user.overBudget(), (long) (seconds * 48_000 / 64) * userNodes);
        }
        System.out.println("driver         " + driver.description());
        System.out.println("device timing  " + driver.timingReport());
        System.out.println("jvm            " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + ")");
        System.out.printf(Locale.ROOT, "heap           %d MB committed of %d MB at the end%n",
                Runtime.getRuntime().totalMemory() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("jvm flags      " + ManagementFactory.getRuntimeMXBean().getInputArguments());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            System.out.printf(Locale.ROOT, "gc             %s: %d collections, %d ms%n", gc.getName(), gc.getCollectionCount(), gc.getCollectionTime());
        }
        System.out.println("scheduling     " + scheduling);
        System.out.println("cpu            " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        driver.close();
        System.exit(0);
    }

    private static void count(EngineEvent e, AtomicLong faults, AtomicLong xruns, UserCodeLoad user) {
        if (e instanceof EngineEvent.NodeOverBudget o && user != null) {
            System.out.printf(Locale.ROOT, "over budget: %s at %s%n", o.nodeLabel(), o.site().describe());
            user.putBack(o.node());
        } else if (e instanceof EngineEvent.NodeFault f) {
            faults.incrementAndGet();
            System.out.println("fault: " + f.nodeLabel() + ": " + f.cause());
        } else if (e instanceof EngineEvent.Xrun) {
            xruns.incrementAndGet();
        }
    }

    /**
     * {driver, notice or null}: Java Sound through {@code DriverFactory}, or the paced null driver with
     * {@code -Dsoak.driver=null}; {@code -Dsoak.bufferFrames=N} sets the device buffer (default 512).
     */
    private static Object[] chooseDriver() {
        DriverConfig config = DriverConfig.defaults().bufferFrames(Integer.getInteger("soak.bufferFrames", 512));
        if ("null".equals(System.getProperty("soak.driver"))) {
            return new Object[] {new PacedNullDriver(config), "forced by -Dsoak.driver=null"};
        }
        DriverChoice choice = DriverFactory.defaultDriver(config);
        return new Object[] {choice.driver(), choice.notice()};
    }

    /** The driver's own report (if it has one) plus the kernel's view of the audio thread's policy. */
    private static String schedulingOf(Engine engine, AudioDriver driver) {
        StringBuilder sb = new StringBuilder();
        sb.append(driver.schedulingReport()).append("; ");
        Thread audio = engine.stats().audioThread();
        if (audio == null) return sb.append("no audio thread seen").toString();
        String comm = audio.getName().length() > 15 ? audio.getName().substring(0, 15) : audio.getName();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                String name = Files.readString(t.resolve("comm")).trim();
                if (!name.equals(comm)) continue;
                String policy = "?";
                for (String line : Files.readAllLines(t.resolve("sched"))) {
                    if (line.startsWith("policy")) policy = line.substring(line.indexOf(':') + 1).trim();
                }
                String label = switch (policy) { case "0" -> "SCHED_OTHER"; case "1" -> "SCHED_FIFO"; case "2" -> "SCHED_RR"; default -> policy; };
                sb.append("kernel: thread '").append(name).append("' tid ").append(t.getFileName()).append(" policy ").append(label);
                sb.append(" (").append(chrt(t.getFileName().toString())).append(")");
                return sb.toString();
            }
        } catch (IOException | RuntimeException e) {
            return sb.append("kernel view unavailable: ").append(e.getMessage()).toString();
        }
        return sb.append("audio thread '").append(audio.getName()).append("' not found in /proc/self/task").toString();
    }

    private static String chrt(String tid) {
        try {
            Process p = new ProcessBuilder("chrt", "-p", tid).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim().replace('\n', ';');
            p.waitFor(2, TimeUnit.SECONDS);
            return "chrt: " + out;
        } catch (IOException e) {
            return "no chrt";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "chrt interrupted";
        }
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).trim();
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    /** Allocates {@code mbps} MB/s in 10 ms slices of mixed sizes, keeping a rolling 64 MB reachable. */
    private static void makeGarbage(int mbps, long end, AtomicLong total) {
        long slice = mbps * 1_000_000L / 100;
        Object[] keep = new Object[4096];      // 4096 × ~16 KB average = ~64 MB kept
        int k = 0;
        SplittableRandom r = new SplittableRandom(3);
        long next = System.nanoTime();
        long sink = 0;
        while (System.nanoTime() < end) {
            long made = 0;
            while (made < slice) {
                int size = r.nextInt(10) == 0 ? 16 + r.nextInt(128 * 1024) : 16 + r.nextInt(512);
                byte[] b = new byte[size];
                b[size - 1] = 1;
                sink += b[0];
                made += size + 16;
                if (size > 4096) keep[k++ & 4095] = b;
            }
            total.addAndGet(made);
            next += 10_000_000;
            long wait = next - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
        }
        if (sink == 42) System.out.print("");
    }
}
