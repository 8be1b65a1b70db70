package dev.aether.repl.userapi;

import dev.aether.arrange.Project;
import dev.aether.arrange.TimelineText;

/**
 * Any thread: the arrangement as a whole, {@code arr} at the prompt: its transport ({@code arr.play()},
 * {@code arr.seek(bar(9))}, {@code arr.loop(bar(1), bar(9))}, {@code arr.stop()}) and its bounce
 * ({@code arr.bounce("mix.wav")}). Shown, it is the text timeline {@code :arr} prints.
 */
public final class Arr {
    Arr() {}

    /** The project now. */
    public Project project() { return LiveVerbs.session().arrangementProject(); }

    @Override public String toString() {
        try {
            return "\n" + TimelineText.render(project(), 100);
        } catch (IllegalStateException noSession) {
            return "arr";
        }
    }
}
