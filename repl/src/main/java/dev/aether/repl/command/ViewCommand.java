package dev.aether.repl.command;

import dev.aether.repl.session.LiveSession;
import dev.aether.repl.view.ViewServer;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Prompt thread (and the exit, which closes it): {@code :view [PORT] [--bind ADDR] | :view stop}, the live view for
 * the projector: a read-only page served on 127.0.0.1 by {@link ViewServer}, whose threads never touch the console
 * or the audio thread. Leaving aether stops it.
 */
final class ViewCommand implements ConsoleCommand, AutoCloseable {
    static final String USAGE = ":view [PORT] [--bind ADDR] | :view stop";

    private final LiveSession session;
    private ViewServer server;

    ViewCommand(LiveSession session) { this.session = session; }

    @Override public String name() { return "view"; }
    @Override public String usage() { return USAGE; }
    @Override public String summary() {
        return "a live page for the projector (graph, scope, spectrum, cpu) on 127.0.0.1; prints its URL";
    }

    @Override public String help() {
        return String.join("\n",
                USAGE,
                "  Serves a read-only page on this machine (127.0.0.1): the graph (slots, nodes, connections; the slot",
                "  defined last since :view started is highlighted), a scope and a spectrum of the master (dB over log",
                "  frequency) and the :cpu figures, " + ViewServer.FRAMES_PER_SECOND + " frames a second. Open the URL it prints in a browser.",
                "  :view            any free port          :view 8080    that port (\"auto\" or 0: any free one)",
                "  :view            again: where it runs   :view stop    stop serving (leaving aether stops it too)",
                "  --bind ADDR      serve on ADDR instead of 127.0.0.1 (e.g. 0.0.0.0 for a classroom network);",
                "                   anyone who can reach it then sees the patch. Only GET is answered.",
                "  At most " + ViewServer.MAX_VIEWERS + " pages watch at once; more are refused (and told so). The page at /?frames=N",
                "  takes N frames and stops (a snapshot). While a page watches, the audio thread copies each block",
                "  into a tap, as for :scope; nothing more. See docs/live-view.md.");
    }

    @Override public synchronized void run(String args, CommandContext console) throws Exception {
        String a = args.strip();
        if (a.equals("stop")) {
            if (server == null) {
                console.print("the view is not running (start it with :view)");
                return;
            }
            server.close();
            server = null;
            console.print("view stopped");
            return;
        }
        int port = 0;
        String bind = null;
        String[] words = a.isEmpty() ? new String[0] : a.split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (w.equals("--bind")) {
                if (i + 1 >= words.length) throw new IllegalArgumentException("--bind needs an address, e.g. :view 8080 --bind 0.0.0.0");
                bind = words[++i];
            } else if (w.equals("auto")) {
                port = 0;
            } else if (w.matches("\\d{1,5}") && Integer.parseInt(w) <= 65_535) {
                port = Integer.parseInt(w);
            } else {
                throw new IllegalArgumentException("'" + w + "' is not a port (0..65535, or auto) nor --bind ADDR; usage: " + USAGE);
            }
        }
        if (server != null) {
            if (a.isEmpty()) console.print("view at " + server.uri() + " (" + server.viewers() + " watching; :view stop closes it)");
            else console.print("the view already runs at " + server.uri() + "; :view stop first to move it");
            return;
        }
        InetAddress address;
        try {
            address = bind == null ? InetAddress.getLoopbackAddress() : InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot bind the view to '" + bind + "': no such address on this machine");
        }
        try {
            server = ViewServer.start(session, address, port, session::message);
        } catch (BindException e) {
            throw new IllegalArgumentException("cannot serve the view on " + address.getHostAddress() + ":" + port + " ("
                    + e.getMessage() + "): pick another port, or :view alone for any free one");
        }
        console.print("view at " + server.uri() + " (read-only; open it in a browser; :view stop closes it)");
        if (!server.loopbackOnly()) {
            console.print("WARNING: the view is open to the network on " + address.getHostAddress() + ":" + server.port()
                    + " -- anyone who can reach this machine can watch the patch, scope and spectrum (read-only). "
                    + ":view stop closes it.");
        }
    }

    /** Stops the server when aether exits. */
    @Override public synchronized void close() {
        if (server != null) server.close();
        server = null;
    }
}
