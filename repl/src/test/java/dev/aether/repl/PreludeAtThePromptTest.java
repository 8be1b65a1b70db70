package dev.aether.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.repl.eval.EvalReport;
import dev.aether.repl.session.SessionThread;
import dev.aether.repl.userapi.ClockVerbs;
import dev.aether.repl.userapi.LiveVerbs;
import dev.aether.repl.userapi.NodeDoc;
import dev.aether.repl.userapi.Prelude;
import dev.aether.repl.userapi.PreludeHelp;
import dev.aether.repl.userapi.VerbDoc;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The prelude as user code sees it: every name, its session, its thread and its help. */
class PreludeAtThePromptTest {
    /** Every public name of the prelude before it was split (commit 61feafd). */
    static final List<String> OLD_PRELUDE_NAMES = List.of("add", "adsr", "allpass", "allpassDelay", "ar", "bandpass",
            "brown", "chorus", "comb", "compressor", "connect", "crossfader", "dcblock", "def", "delay", "echo",
            "flanger", "gain", "highpass", "highshelf", "lfo", "limiter", "line", "lowpass", "lowshelf", "mixer",
            "nextSwap", "node", "nodeHelp", "notch", "pan", "peak", "pink", "play", "poly", "pulse", "recipe", "reverb",
            "sample", "saw", "set", "shaper", "sine", "slot", "splitter", "square", "stop", "svf", "swapAt", "swapFade",
            "synth", "tapeLoop", "tempo", "tri", "undef", "vca", "wavetable", "white");

    LiveConsole a;

    @BeforeEach void start() throws Exception { a = LiveConsole.start(); }

    @AfterEach void stop() { a.close(); }

    EvalReport eval(LiveConsole c, String input) { return c.runtime().evaluator().submit(input).join(); }

    @Test void shouldResolveEveryNameOfTheOldPreludeAtThePrompt() {
        List<String> missing = new ArrayList<>();
        for (String name : OLD_PRELUDE_NAMES) {
            List<String> offered = a.runtime().evaluator().analyse(s -> {
                List<String> out = new ArrayList<>();
                for (SourceCodeAnalysis.Suggestion x : s.completionSuggestions(name, name.length(), new int[1])) {
                    out.add(x.continuation());
                }
                return out;
            }).join();
            if (!offered.contains(name + "(") && !offered.contains(name + "()")) missing.add(name + " " + offered);
        }
        assertThat(missing).as("prelude names the prompt does not know").isEmpty();
        for (String name : OLD_PRELUDE_NAMES) {
            assertThat(List.of(Prelude.class.getMethods()).stream().map(Method::getName)).as(name).contains(name);
        }
    }

    @Test void shouldKeepTwoRuntimesInOneJvmApart() throws Exception {
        try (LiveConsole b = LiveConsole.start()) {
            assertThat(eval(a, "def(\"left\", sine(220));").failed()).isFalse();
            assertThat(eval(b, "def(\"right\", saw(110));").failed()).isFalse();
            assertThat(a.runtime().session().slotNames()).containsExactly("left");
            assertThat(b.runtime().session().slotNames()).containsExactly("right");
        }
    }

    @Test void shouldReachItsSessionFromAThreadTheUserStarted() {
        EvalReport r = eval(a, """
                Thread t = new Thread(() -> def("late", sine(330)));
                t.start();
                t.join();
                """);
        assertThat(r.failed()).as(r.text()).isFalse();
        assertThat(a.runtime().session().slotNames()).containsExactly("late");
    }

    @Test void shouldEditTheSessionOnTheSessionThread() {
        EvalReport r = eval(a, """
                class Where implements DspNode {
                    static volatile String addedOn;
                    final OutputPort out = Ports.audioOut("out");
                    public void prepare(double sampleRate, int maxFrames) { addedOn = Thread.currentThread().getName(); }
                    public void process(ProcessContext c) { }
                }
                """);
        assertThat(r.failed()).as(r.text()).isFalse();
        assertThat(eval(a, "play(new Where());").failed()).isFalse();
        EvalReport where = eval(a, "Where.addedOn");
        assertThat(where.text()).as("the engine prepares an added node on the thread that adds it")
                .contains(SessionThread.NAME);
    }

    @Test void shouldNameTheProblemWhenAVerbIsCalledOutsideConsoleCode() {
        assertThatThrownBy(() -> Prelude.play(Prelude.sine(440))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no aether session here");
    }

    @Test void shouldShowAUserErrorFromTheSessionThreadAsBefore() {
        EvalReport r = eval(a, "set(sine(440).node(), \"nope\", 1, 0);");
        assertThat(r.failed()).isTrue();
        assertThat(r.text()).contains("has no parameter 'nope'", "frequencyHz").doesNotContain("ThreadPoolExecutor");
    }

    @Test void shouldHelpEveryDocumentedFunctionFromOnePlace() {
        String verbs = PreludeHelp.verbs(), nodes = PreludeHelp.nodes(), reference = PreludeHelp.reference();
        // the help wraps each text under itself to fit 80 columns: compare with line breaks as spaces
        String verbsFlat = verbs.replaceAll("\\s+", " "), nodesFlat = nodes.replaceAll("\\s+", " ");
        for (Method m : Prelude.class.getMethods()) {
            VerbDoc v = m.getAnnotation(VerbDoc.class);
            NodeDoc n = m.getAnnotation(NodeDoc.class);
            if (v != null) assertThat(verbsFlat).as(m.getName()).contains(v.usage() + " ").contains(v.text().replaceAll("\\s+", " "));
            if (n != null) assertThat(nodesFlat).as(m.getName()).contains(n.usage()).contains(n.text().replaceAll("\\s+", " "));
        }
        for (Class<?> k : List.of(LiveVerbs.class, ClockVerbs.class, dev.aether.repl.userapi.MidiOutVerbs.class)) {
            for (Method m : k.getDeclaredMethods()) {
                if (java.lang.reflect.Modifier.isPublic(m.getModifiers())) {
                    assertThat(m.getAnnotation(VerbDoc.class)).as("one line of help for " + m).isNotNull();
                }
            }
        }
        assertThat(reference).contains(verbs, nodes);
        assertThat(a.console().eval(":help verbs")).contains("nextSwap(fadeMillis", "undef(\"name\")");
        assertThat(a.console().eval(":help")).contains(":help verbs");
    }
}
