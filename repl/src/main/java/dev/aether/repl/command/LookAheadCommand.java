package dev.aether.repl.command;

import dev.aether.repl.session.LiveSession;
import dev.aether.sequencing.schedule.LookAheadScheduler;
import java.util.Locale;

/**
 * Prompt thread. {@code :lookahead [SECONDS]}: shows or sets how far ahead of the engine the pattern scheduler queues
 * events ({@link LookAheadScheduler#lookAheadSeconds}). A longer look-ahead survives a starved scheduler thread (the
 * scheduler says so when events play late); a shorter one lets a pattern's edit land sooner. Setting it is journalled.
 */
final class LookAheadCommand implements ConsoleCommand {
    private final LiveSession session;

    LookAheadCommand(LiveSession session) { this.session = session; }

    @Override public String name() { return "lookahead"; }
    @Override public String usage() { return ":lookahead [SECONDS]"; }
    @Override public String summary() { return "show or set how far ahead patterns are queued (0.01..2 s, default 0.1)"; }

    @Override public String help() {
        return String.join("\n",
                "Patterns are queued on their exact samples a little ahead of the sound, by the pattern thread.",
                "On a loaded machine that thread may run late, and its events play a block late; aether says so",
                "(pattern \"d\": 3 events were queued after their time and played late; raise the look-ahead",
                "with :lookahead 0.3). A longer look-ahead cures it; a pattern's edit then lands on the first bar",
                "after the look-ahead. :lookahead shows the look-ahead and the late events so far.",
                "  :lookahead          the look-ahead in seconds and how many events played late",
                "  :lookahead 0.3      queue patterns 0.3 s ahead (0.01..2, default 0.1)");
    }

    @Override public void run(String args, CommandContext console) {
        LookAheadScheduler patterns = session.patterns();
        String a = args.strip();
        if (!a.isEmpty()) {
            double seconds;
            try {
                seconds = Double.parseDouble(a);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("usage: " + usage() + " (SECONDS is 0.01..2, e.g. :lookahead 0.3)");
            }
            patterns.lookAheadSeconds(seconds);
            console.journalCommand(":lookahead " + a);
        }
        long late = patterns.eventsLate();
        console.print(String.format(Locale.ROOT, "look-ahead %s s (patterns are queued that far before they sound); %s",
                fmt(patterns.lookAheadSeconds()),
                late == 0 ? "no event played late" : late + " event" + (late == 1 ? "" : "s") + " played late so far"));
    }

    private static String fmt(double seconds) {
        return java.math.BigDecimal.valueOf(Math.round(seconds * 1000) / 1000.0).stripTrailingZeros().toPlainString();
    }
}
