package dev.aether.repl.command;

import dev.aether.repl.session.LiveSession;

/**
 * Prompt thread. {@code :link [quantum N]}: the Ableton Link session as aether sees it (peers, tempo, phase offset,
 * measured latency), or sets the bar length phase is aligned to.
 */
final class LinkCommand implements ConsoleCommand {
    private final LiveSession session;

    LinkCommand(LiveSession session) { this.session = session; }

    @Override public String name() { return "link"; }
    @Override public String usage() { return ":link [quantum N]"; }
    @Override public String summary() { return "the Ableton Link session: peers, tempo, phase offset, latency; :link quantum N"; }

    @Override public String help() {
        return String.join("\n",
                "link(true) joins the Ableton Link session on the local network (Live, Bitwig, Sonic Pi, SuperCollider's",
                "LinkClock, phone apps...): everyone shares tempo, bar phase and start/stop. aether's clock follows the",
                "session (a tempo change by any peer is followed within a second, large ones ramped; the phase is pulled in",
                "by nudging the tempo, never by a jump), and tempo(...) here is proposed to everyone.",
                "  :link               peers, tempo, the engine's phase offset from the session, the measured round trip",
                "  :link quantum 8     align phase to 8-beat phrases instead of 4-beat bars",
                "  linkOffset(12)      play 12 ms earlier (to line up with speakers that lag more than the device buffer)");
    }

    @Override public void run(String args, CommandContext console) {
        String a = args.strip();
        if (!a.isEmpty()) {
            String[] w = a.split("\\s+");
            if (w.length != 2 || !w[0].equals("quantum")) throw new IllegalArgumentException("usage: " + usage() + " (e.g. :link quantum 4)");
            try {
                session.link().quantum(Double.parseDouble(w[1]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("usage: " + usage() + " (N is a number of beats, e.g. :link quantum 4)");
            }
            console.journalCommand(":link " + a);
        }
        console.print(session.link().status());
    }
}
