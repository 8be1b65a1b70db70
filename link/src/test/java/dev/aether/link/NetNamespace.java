package dev.aether.link;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A private network namespace for Link tests: {@code unshare -n} holding a {@code sleep}, loopback up and the
 * multicast range routed to it, so no packet leaves the machine. Processes join it with {@code nsenter -n}.
 * {@link #unavailable()} says why it cannot be made here (null when it can).
 */
final class NetNamespace implements AutoCloseable {
    private final Process holder;
    private final List<Proc> started = new ArrayList<>();

    /** Why namespaces and the tools cannot be used here, or null. */
    static String unavailable() {
        for (String tool : new String[] {"unshare", "nsenter", "ip"}) {
            if (which(tool) == null) return "'" + tool + "' is not installed (Debian: util-linux, iproute2)";
        }
        try {
            Process p = new ProcessBuilder("unshare", "-n", "true").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) return "cannot make a network namespace (unshare -n: " + out + "); run as root or allow user namespaces";
        } catch (IOException | InterruptedException e) {
            return "cannot run unshare: " + e.getMessage();
        }
        return null;
    }

    static String which(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) return p.toString();
        }
        for (String dir : new String[] {"/usr/sbin", "/sbin"}) if (Files.isExecutable(Path.of(dir, tool))) return dir + "/" + tool;
        return null;
    }

    NetNamespace() throws IOException, InterruptedException {
        String ip = which("ip");
        holder = new ProcessBuilder("unshare", "-n", "sh", "-c",
                ip + " link set lo up && " + ip + " route add 224.0.0.0/4 dev lo && echo up && exec sleep 600")
                .redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        String first = r.readLine();
        if (!"up".equals(first)) throw new IOException("the namespace did not come up: " + first);
    }

    /** Starts {@code command} inside the namespace; its stdout lines are queued, stderr goes to ours. */
    Proc start(String... command) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("nsenter", "-t", Long.toString(holder.pid()), "-n", "--"));
        cmd.addAll(List.of(command));
        Proc p = new Proc(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        started.add(p);
        return p;
    }

    @Override public void close() {
        for (Proc p : started) p.close();
        holder.destroyForcibly();
    }

    /** A process in the namespace spoken to by lines. */
    static final class Proc implements AutoCloseable {
        final Process process;
        private final PrintWriter in;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        Proc(Process process) {
            this.process = process;
            this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l; (l = r.readLine()) != null; ) lines.add(l);
                } catch (IOException ignored) { /* process ended */ }
            }, "netns-reader");
            t.setDaemon(true);
            t.start();
        }

        /** The next stdout line starting with {@code prefix} within {@code timeoutMillis}; throws naming the wait otherwise. */
        String expect(String prefix, long timeoutMillis) throws InterruptedException {
            long end = System.nanoTime() + timeoutMillis * 1_000_000;
            for (;;) {
                long left = end - System.nanoTime();
                String l = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
                if (l == null) throw new AssertionError("no line starting with '" + prefix + "' within " + timeoutMillis + " ms from " + process.info().command().orElse("?") + (process.isAlive() ? "" : " (it exited " + process.exitValue() + ")"));
                if (l.startsWith(prefix)) return l;
            }
        }

        /** Sends {@code line} and returns the reply starting with {@code prefix}. */
        String ask(String line, String prefix) throws InterruptedException {
            lines.clear();
            in.println(line);
            return expect(prefix, 5000);
        }

        void send(String line) { in.println(line); }

        /**
         * Asks the process to end ("x"), then kills what is left of it and of everything it started: a child left
         * running (LinkHut under {@code sh -c "LinkHut | tr ..."}, stuck once its JACK server is gone) holds the test
         * JVM's inherited standard error open, and surefire then waits for that stream forever.
         */
        @Override public void close() {
            List<ProcessHandle> tree = process.descendants().toList();   // while the parent lives: orphans are not
            in.println("x");
            try {
                process.waitFor(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
            for (ProcessHandle h : tree) h.destroyForcibly();
            for (ProcessHandle h : process.descendants().toList()) h.destroyForcibly();
        }
    }

    /** A field {@code name=value} of a status line, as a number. */
    static double field(String line, String name) {
        for (String w : line.split("\\s+")) if (w.startsWith(name + "=")) return Double.parseDouble(w.substring(name.length() + 1));
        throw new AssertionError("no " + name + "= in '" + line + "'");
    }
}
