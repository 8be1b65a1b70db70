package dev.aether.bench;

import dev.aether.bench.patterns.DrumSet;
import dev.aether.core.EngineConfig;
import dev.aether.core.driver.DriverConfig;
import dev.aether.core.driver.PacedNullDriver;
import dev.aether.core.engine.Engine;
import dev.aether.sequencing.schedule.LookAheadScheduler;
import dev.aether.sequencing.schedule.PatternTarget;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Issue 10's pattern load played live (args: [seconds=30]): {@link DrumSet}'s 64 patterns of 16 events per cycle at
 * 140 BPM on 8 synthesised kits, an engine on the paced null driver (48 kHz, 64-frame blocks), the look-ahead
 * scheduler's own thread. After 5 s of warm-up it measures, over the rest: the scheduler thread's CPU time per second
 * of audio (target under 2 % of a core), bytes the audio thread allocated (target 0), events sent, dropped, and sent
 * less than a block ahead of the engine (late risk), and whether every hit is on the sample the tempo map gives its
 * step.
 */
public final class PatternLoad {
    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 30;
        Engine engine = Engine.create(EngineConfig.defaults());
        DrumSet set = new DrumSet(engine);
        List<String> messages = new ArrayList<>();
        LookAheadScheduler scheduler = LookAheadScheduler.attach(engine, m -> { synchronized (messages) { messages.add(m); } });
        ConcurrentLinkedQueue<long[]> sent = new ConcurrentLinkedQueue<>();
        long[] lateRisk = new long[2];                       // [0] all, [1] during the measurement
        boolean[] measuring = new boolean[1];
        int block = engine.config().blockSize();
        engine.start(new PacedNullDriver(DriverConfig.defaults().sampleRateHz(DrumSet.RATE)));
        Thread.sleep(500);
        set.play(scheduler, i -> {
            PatternTarget<Integer> kit = set.kitTarget(i);
            return new PatternTarget<>() {
                @Override public String description() { return kit.description(); }
                @Override public Integer valueOf(Object token) { return kit.valueOf(token); }
                @Override public boolean send(Integer key, long onset, long offset) {
                    if (onset < engine.clock().position() + block) {
                        lateRisk[0]++;
                        if (measuring[0]) lateRisk[1]++;
                    }
                    sent.add(new long[] {i, onset});
                    return kit.send(key, onset, offset);
                }
            };
        });
        Thread.sleep(5_000);
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Thread sched = scheduler.thread(), audio = engine.stats().audioThread();
        long cpu0 = mx.getThreadCpuTime(sched.getId()), alloc0 = mx.getThreadAllocatedBytes(audio.getId());
        long pos0 = engine.clock().position(), sent0 = scheduler.eventsSent();
        measuring[0] = true;
        Thread.sleep((long) (seconds * 1000) - 5_000);
        long cpu1 = mx.getThreadCpuTime(sched.getId()), alloc1 = mx.getThreadAllocatedBytes(audio.getId());
        long pos1 = engine.clock().position(), sent1 = scheduler.eventsSent();
        measuring[0] = false;
        engine.stop();
        scheduler.close();

        double audioSeconds = (pos1 - pos0) / (double) DrumSet.RATE;
        double cpuShare = (cpu1 - cpu0) / 1e9 / audioSeconds;
        List<List<Long>> perPattern = new ArrayList<>();
        for (int i = 0; i < DrumSet.PATTERNS; i++) perPattern.add(new ArrayList<>());
        for (long[] e : sent) perPattern.get((int) e[0]).add(e[1]);
        long first = Long.MAX_VALUE, last = 0;
        for (List<Long> p : perPattern) { first = Math.min(first, p.get(0)); last = Math.max(last, p.get(p.size() - 1)); }
        var map = engine.clock().snapshot().tempoMap();
        long firstBar = map.barOf(map.tickAtOrBefore(first));
        List<Long> exact = DrumSet.exactSteps(map, firstBar, last + 1);
        int exactPatterns = 0;
        for (List<Long> p : perPattern) if (p.equals(exact)) exactPatterns++;
        System.out.printf("patterns: %d x 16 events per cycle at %.0f BPM; %.1f s of audio measured%n",
                DrumSet.PATTERNS, DrumSet.BPM, audioSeconds);
        System.out.printf("scheduler thread CPU: %.3f %% of a core (%.2f ms per s of audio)%n", 100 * cpuShare, 1000 * cpuShare);
        System.out.printf("audio thread allocated: %d B over the measurement%n", alloc1 - alloc0);
        System.out.printf("events: %d sent in the measurement (%.0f/s), %d dropped; sent less than a block ahead: %d in"
                + " the measurement, %d in all (with the warm-up)%n",
                sent1 - sent0, (sent1 - sent0) / audioSeconds, scheduler.eventsDropped(), lateRisk[1], lateRisk[0]);
        System.out.printf("sample-exact: %d of %d patterns hit exactly the tempo map's %d step samples from bar %d%n",
                exactPatterns, DrumSet.PATTERNS, exact.size(), firstBar);
        synchronized (messages) { for (String m : messages) System.out.println("message: " + m); }
    }
}
