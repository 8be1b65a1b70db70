package dev.aether.stress;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.openjdk.jcstress.JCStress;
import org.openjdk.jcstress.Main;
import org.openjdk.jcstress.Options;
import org.openjdk.jcstress.infra.collectors.DiskReadCollector;
import org.openjdk.jcstress.infra.collectors.InProcessCollector;
import org.openjdk.jcstress.infra.collectors.TestResult;
import org.openjdk.jcstress.infra.grading.ReportUtils;
import org.openjdk.jcstress.infra.runners.TestList;

/**
 * Runs jcstress with the given options (the same as {@code org.openjdk.jcstress.Main}'s) and exits 1 unless
 * every selected test ran and passed: a forbidden or unknown outcome, a test error or timeout, a test that
 * produced no result (not scheduled, crashed VM) or no test at all fails the run. Prints
 * {@code jcstress: N passed, M failed[, K skipped]} as its last line. A test with more actors than CPUs in use
 * (jcstress cannot schedule it) is reported skipped, not failed. Runs on the main thread; jcstress forks the test VMs.
 */
public final class StressRun {
    private StressRun() {}

    public static void main(String[] args) throws Exception {
        Options opts = new Options(args);
        if (!opts.parse()) System.exit(1);
        if (opts.shouldList() || opts.shouldParse()) {
            Main.main(args);
            return;
        }
        JCStress jcstress = new JCStress(opts);
        SortedSet<String> expected = jcstress.getTests();
        if (expected.isEmpty()) {
            System.out.println("jcstress: no test matches; the jar was built without its generated test list?");
            System.out.println("jcstress: 0 passed, 1 failed");
            System.exit(1);
        }
        try {
            jcstress.run();
        } catch (AssertionError e) {
            // jcstress's own verdict on failures; the count below names them again
        }

        InProcessCollector collector = new InProcessCollector();
        if (new File(opts.getResultFile()).exists()) {
            DiskReadCollector reader = new DiskReadCollector(opts.getResultFile(), collector);
            reader.dump();
            reader.close();
        }
        // jcstress cannot schedule a test with more actors than CPUs in use: it runs on a bigger machine only
        SortedSet<String> skipped = new TreeSet<>();
        for (String t : expected) if (TestList.getInfo(t).threads() > opts.getCPUCount()) skipped.add(t);
        SortedSet<String> missing = new TreeSet<>(expected);
        missing.removeAll(skipped);
        List<String> failed = new ArrayList<>();
        int passed = 0;
        for (TestResult r : ReportUtils.mergedByName(collector.getTestResults())) {
            missing.remove(r.getName());
            if (ReportUtils.statusToPassed(r)) passed++;
            else failed.add(r.getName() + " (" + ReportUtils.statusToLabel(r) + ")");
        }
        for (String m : missing) failed.add(m + " (no result: not run)");
        System.out.println();
        for (String t : skipped) {
            System.out.println("jcstress SKIPPED: " + t + " (" + TestList.getInfo(t).threads() + " actors, "
                    + opts.getCPUCount() + " CPUs in use; it runs on a machine with more)");
        }
        for (String f : failed) System.out.println("jcstress FAILED: " + f);
        System.out.println("jcstress: " + passed + " passed, " + failed.size() + " failed"
                + (skipped.isEmpty() ? "" : ", " + skipped.size() + " skipped"));
        System.exit(failed.isEmpty() ? 0 : 1);
    }
}
