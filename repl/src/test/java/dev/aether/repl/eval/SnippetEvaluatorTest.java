package dev.aether.repl.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.core.DspNode;
import java.io.PrintStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SnippetEvaluatorTest {
    static SnippetEvaluator eval;

    @BeforeAll static void start() {
        eval = new SnippetEvaluator(AetherExecutionControlProvider.Mode.DIRECT, new PrintStream(System.out, true));
    }

    @AfterAll static void stop() { eval.close(); }

    @Test void shouldShowExpressionValues() {
        EvalReport r = eval.evaluate("1 + 2");
        assertThat(r.failed()).isFalse();
        assertThat(r.text()).matches("\\$\\d+ ==> 3");
    }

    @Test void aCancelThatArrivesWhileTheSnippetCompilesStopsItWhenItsCodeStarts() {
        // the first check (before the snippet is read) sees no cancel; every later one, as after a Ctrl-C that landed
        // while JShell compiled it, does: before, the cancel was lost and the sleep ran its full 6 s (seen in CI)
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        long t0 = System.nanoTime();
        EvalReport r = eval.evaluate("Thread.sleep(6000); int after = 1;", () -> asked.getAndIncrement() > 0, types -> java.util.List.of());
        assertThat((System.nanoTime() - t0) / 1e6).as("ms to cancel").isLessThan(3_000);
        assertThat(r.text()).isEqualTo(SnippetEvaluator.CANCELLED);
        assertThat(eval.evaluate("Thread.sleep(10); 1 + 1").text()).as("a later input runs whole").endsWith("==> 2");
    }

    @Test void shouldFormatCompileErrorsWithLineColumnAndCaret() {
        EvalReport r = eval.evaluate("int a = 1;\nint b = nope + 1;");
        assertThat(r.failed()).isTrue();
        assertThat(r.text()).contains("a ==> 1", "error: cannot find symbol", "at line 2, column 9:",
                "  int b = nope + 1;\n          ^~~~");
    }

    @Test void aMissingClassOfAethersNamesThePackageThatHasIt() {
        EvalReport r = eval.evaluate("var hinted = new SawOscillator().frequencyHz(110);");
        assertThat(r.failed()).isTrue();
        assertThat(r.text()).contains("error: cannot find symbol", "class SawOscillator",
                "hint: SawOscillator is in dev.aether.nodes.osc; bring it in with `import dev.aether.nodes.osc.*;`"
                        + " (or write dev.aether.nodes.osc.SawOscillator)");
        // the advice works (spelled out here: an import would outlive this test in the shared evaluator)
        EvalReport later = eval.evaluate("var hinted = new dev.aether.nodes.osc.SawOscillator().frequencyHz(110);");
        assertThat(later.failed()).as(later.text()).isFalse();
    }

    @Test void aNodeShowsAsItsTypeAndParametersNotAsAnObjectAddress() {
        EvalReport r = eval.evaluate("var shown = new dev.aether.nodes.filter.BiquadFilter().cutoffHz(800).q(2);");
        assertThat(r.text()).as(r.text()).matches("shown ==> BiquadFilter cutoffHz=800Hz q=2 gainDb=0dB");
        assertThat(eval.evaluate("shown").text()).endsWith("==> BiquadFilter cutoffHz=800Hz q=2 gainDb=0dB");
        assertThat(eval.evaluate("\"not a node\"").text()).endsWith("==> \"not a node\"");
    }

    @Test void aMissingClassInADeclarationGetsTheHintToo() {
        EvalReport r = eval.evaluate("class Wrapper { BiquadFilter inner; }");
        assertThat(r.failed()).isTrue();
        assertThat(r.text()).contains("hint: BiquadFilter is in dev.aether.nodes.filter");
    }

    @Test void aMisspeltPreludeFunctionGetsTheFunctionItIsClosestTo() {
        assertThat(eval.evaluate("var hf = lowPass(800);").text()).contains("hint: did you mean lowpass?");
        assertThat(eval.evaluate("var hs = sinee(440);").text()).contains("hint: did you mean sine?");
        assertThat(eval.evaluate("var hn = frobnicate(1);").text()).contains("cannot find symbol").doesNotContain("hint:");
        assertThat(eval.evaluate("var hq = \"x\".lenght();").text()).as("a method of an object: its class's, not the prelude's")
                .contains("hint: did you mean length?").doesNotContain("lowpass");
    }

    @Test void aMisspeltMethodOrFieldOfANodeGetsTheMemberItIsClosestTo() {
        eval.evaluate("var member = new dev.aether.nodes.filter.BiquadFilter();");
        assertThat(eval.evaluate("member.cutoff(800);").text()).contains("symbol:   method cutoff(int)",
                "hint: did you mean cutoffHz?");
        assertThat(eval.evaluate("member.cutoff.set(800);").text()).contains("hint: did you mean cutoffHz?");
        assertThat(eval.evaluate("class Mine { void wobble() {} } new Mine().wobbel();").text())
                .as("a class of the session's own").contains("hint: did you mean wobble?");
    }

    @Test void aMissingNameThatIsNotOneOfAethersClassesGetsNoHint() {
        EvalReport r = eval.evaluate("var x = new NoSuchThing();");
        assertThat(r.failed()).isTrue();
        assertThat(r.text()).contains("cannot find symbol").doesNotContain("hint:");
    }

    @Test void shouldDefineUserNodesThatImplementTheEnginesDspNode() {
        EvalReport r = eval.evaluate("""
                class Quiet implements DspNode {
                    final OutputPort out = Ports.audioOut("out");
                    public void process(ProcessContext c) { java.util.Arrays.fill(c.out(out), 0, c.frames(), 0f); }
                }""");
        assertThat(r.failed()).as(r.text()).isFalse();
        assertThat(r.types()).hasSize(1);
        Class<?> k = r.types().get(0).newClass();
        assertThat(DspNode.class.isAssignableFrom(k)).isTrue();
        assertThat(eval.loader().isUserClass(k)).isTrue();
    }

    @Test void shouldReportARedefinitionWithTheOldAndNewClass() {
        eval.evaluate("class Twice { int f() { return 1; } }");
        EvalReport r = eval.evaluate("class Twice { int f() { return 2; } }");
        assertThat(r.text()).isEqualTo("replaced class Twice");
        TypeDefinition t = r.types().get(0);
        assertThat(t.isRedefinition()).isTrue();
        assertThat(t.newClass()).isNotSameAs(t.oldClass());
        assertThat(t.newClass().getSimpleName()).isEqualTo("Twice");
    }

    @Test void aRepeatedPreludeImportKeepsTheRestOfThePrelude() {
        // the prelude is one JShell snippet keyed by its first import: handed to JShell, this would replace it all
        assertThat(eval.evaluate(SnippetEvaluator.PRELUDE_IMPORTS.get(0)).failed()).isFalse();
        EvalReport r = eval.evaluate("Function<Integer, Integer> twice = x -> 2 * x; List<Integer> some = new ArrayList<>();"
                + " Quantum.class.getSimpleName()");
        assertThat(r.failed()).as(r.text()).isFalse();
        assertThat(eval.declarationSources()).noneMatch(s -> s.startsWith("import"));
    }

    @Test void shouldEvaluateSeveralSnippetsInOneInput() {
        EvalReport r = eval.evaluate("int x = 2; int y = x * 21; y");
        assertThat(r.accepted()).hasSize(3);
        assertThat(r.output()).last().asString().endsWith("==> 42");
    }

    @Test void shouldNameTheExceptionThrownByUserCodeInOneLineWithItsTraceInTheLog() throws Exception {
        EvalReport r = eval.evaluate("Integer.parseInt(\"x\")");
        assertThat(r.failed()).isTrue();
        assertThat(r.text()).isEqualTo("NumberFormatException: For input string: \"x\" (trace in "
                + TraceLog.shown(TraceLog.file()) + ")");
        assertThat(java.nio.file.Files.readString(TraceLog.file())).contains("java.lang.NumberFormatException: For input string: \"x\"",
                "at java.base/java.lang.Integer.parseInt(");
    }
}
