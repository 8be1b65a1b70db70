package dev.aether.repl.command;

import dev.aether.osc.OscServer;
import dev.aether.osc.SampleTimeline;
import dev.aether.repl.session.LiveSession;
import java.net.InetAddress;

/**
 * Prompt thread (and the launcher, before the prompt): {@code :osc} shows the OSC server's address and counters,
 * {@code :osc [PORT]} starts it (default {@value #DEFAULT_PORT}), {@code :osc stop} stops it. It listens on the
 * loopback unless the launcher was given {@code --osc-bind ADDR}; {@code /aether/eval} works only when the launcher
 * was given {@code --osc-token T} ({@link #configure}). The server runs on its own thread (docs/osc.md).
 */
public final class OscCommand implements ConsoleCommand, AutoCloseable {
    /** The port {@code :osc} listens on when none is given. */
    public static final int DEFAULT_PORT = 9120;

    private final LiveSession session;
    private InetAddress bind = InetAddress.getLoopbackAddress();
    private String token;
    private OscServer server;
    private SessionOscHost host;

    OscCommand(LiveSession session) { this.session = session; }

    /** Where to listen ({@code null}: the loopback) and the evaluation token ({@code null}: no evaluation). */
    public synchronized void configure(InetAddress bind, String token) {
        this.bind = bind == null ? InetAddress.getLoopbackAddress() : bind;
        this.token = token;
    }

    @Override public String name() { return "osc"; }
    @Override public String usage() { return ":osc [PORT] | :osc stop"; }
    @Override public String summary() { return "OSC server: start it (default port " + DEFAULT_PORT + "), stop it, or show its counters"; }

    @Override public String help() {
        return summary() + "\n  Off until started; listens on 127.0.0.1 unless aether was started with --osc-bind ADDR;"
                + "\n  /aether/eval needs aether started with --osc-token TOKEN. Addresses (docs/osc.md):\n"
                + OscServer.reference().indent(2).stripTrailing();
    }

    @Override public synchronized void run(String args, CommandContext console) throws Exception {
        String a = args.strip();
        if (a.isEmpty()) {
            console.print(server == null ? "OSC is off; :osc [PORT] starts it (default " + DEFAULT_PORT + ")" : status() + "\n"
                    + server.counters().summary());
            return;
        }
        if (a.equals("stop")) {
            console.print(server == null ? "OSC is off" : "stopped OSC on " + where());
            stop();
            return;
        }
        int port;
        try {
            port = Integer.parseInt(a);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("usage: " + usage() + " (PORT is 1..65535, or 0 for any free port)");
        }
        start(port, console);
    }

    /** Starts (or restarts) the server on {@code port} and says where, loudly when the network can reach it. */
    public synchronized void start(int port, CommandContext console) throws java.io.IOException {
        stop();
        SessionOscHost h = new SessionOscHost(session, console);
        try {
            server = new OscServer(h, bind, port, SampleTimeline.now(session.engine().clock()), token);
        } catch (java.io.IOException | RuntimeException e) {
            h.close();
            throw e;
        }
        host = h;
        if (server.reachableFromNetwork()) {
            console.print("WARNING: OSC listens on " + where() + ", reachable from the network: anyone who can reach this"
                    + " machine can play it" + (token != null ? " and, with the token, run code in it" : "")
                    + ". Without --osc-bind it listens on 127.0.0.1 only.");
        }
        console.print(status());
    }

    private String status() {
        return "OSC listening on " + where() + " (UDP); /aether/eval is " + (token == null
                ? "off (start aether with --osc-token TOKEN to allow it)" : "on, with the token") + "; :help osc for addresses";
    }

    private String where() { return bind.getHostAddress() + ":" + server.port(); }

    /** The running server, or null. Any thread (a test's). */
    public synchronized OscServer server() { return server; }

    private void stop() {
        if (server != null) server.close();
        if (host != null) host.close();
        server = null;
        host = null;
    }

    @Override public synchronized void close() { stop(); }
}
