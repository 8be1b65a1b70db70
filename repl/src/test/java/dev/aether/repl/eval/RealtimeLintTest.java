package dev.aether.repl.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link RealtimeLint} at the prompt: a corpus of small nodes, one per construct the audio thread must not run, each
 * flagged on the right line with a caret under the construct; clean nodes pass; {@code strict} refuses a class and
 * keeps the old one; {@code off} checks nothing.
 */
class RealtimeLintTest {
    private static final Pattern WHERE = Pattern.compile("at line (\\d+), column (\\d+):\\n  (.*)\\n  ( *)\\^");
    private static SnippetEvaluator eval;

    @BeforeAll static void start() {
        eval = new SnippetEvaluator(AetherExecutionControlProvider.Mode.DIRECT, new PrintStream(System.out, true));
    }

    @AfterAll static void stop() { eval.close(); }

    @AfterEach void warnAgain() { eval.lint().mode(RealtimeLint.Mode.WARN); }

    /**
     * One node per construct: the body of its {@code process}, the message's start, and the token the caret is under.
     * The line marked {@code // here} is where it must be reported.
     */
    record Case(String name, String members, String message, String token) {
        @Override public String toString() { return name; }
    }

    static List<Case> corpus() {
        return List.of(
            new Case("NewArray", "float[] x = new float[c.frames()]; // here", "allocates a float[]", "new"),
            new Case("NewObject", "Object o = new Object(); // here", "allocates a new Object", "new"),
            new Case("MultiArray", "int[][] g = new int[2][c.frames()]; // here", "allocates an int[][]", "new"),
            new Case("Clone", "float[] y = buf.clone(); // here", "clones an array", "clone"),
            new Case("Boxing", "if (gain > 0) { Double d = gain; } // here", "boxes a double into a Double",
                    "Double"),
            new Case("Concat", "String s = \"n=\" + c.frames(); // here", "concatenates strings", "+"),
            new Case("Builder", "String s = new StringBuilder().append(1).toString(); // here",
                    "builds a string (StringBuilder)", "new"),
            new Case("Lambda", "float[] y = buf;\n Runnable r = () -> y[0] = 1; // here\n r.run();",
                    "creates a lambda capturing 1 value", "->"),
            new Case("SyncBlock", "synchronized (this) { gain++; } // here", "enters a synchronized block",
                    "synchronized"),
            new Case("Sleep", "try { Thread.sleep(1); } catch (InterruptedException e) { } // here",
                    "calls Thread.sleep()", "sleep"),
            new Case("Wait", "try { wait(1); } catch (InterruptedException e) { } // here", "calls Object.wait()",
                    "wait"),
            new Case("Lock", "lock.lock(); // here", "calls ReentrantLock.lock()", "lock"),
            new Case("Println", "System.out.println(1); // here", "calls PrintStream.println()", "println"),
            new Case("JulLogging", "java.util.logging.Logger.getLogger(\"a\").info(\"b\"); // here",
                    "calls Logger.getLogger()", "getLogger"),
            new Case("SystemLogger", "System.getLogger(\"a\").log(System.Logger.Level.INFO, \"b\"); // here",
                    "calls System.Logger.log()", "log"),
            new Case("Files", "try { java.nio.file.Files.size(path); }"
                    + " catch (java.io.IOException e) { } // here", "calls Files.size()", "size"),
            new Case("ConsoleVerb", "if (gain > 2) undef(\"x\"); // here", "the console's code, which allocates",
                    "undef"),
            new Case("OwnMethod", "fill(c.frames());\n }\n void fill(int n) {\n buf = new float[n]; // here",
                    "allocates a float[]", "new"));
    }

    @ParameterizedTest(name = "{0}") @MethodSource("corpus")
    void shouldFlagEachConstructOnItsLineWithACaretUnderIt(Case c) {
        String name = "Lint" + c.name();
        String source = "class " + name + " implements DspNode {\n"
                + " float[] buf = new float[8];\n"
                + " double gain = 1;\n"
                + " java.nio.file.Path path = java.nio.file.Path.of(\"x\");\n"
                + " final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();\n"
                + " public " + (c.name().equals("SyncMethod") ? "synchronized " : "") + "void process(ProcessContext c) {\n"
                + " " + c.members() + "\n"
                + " }\n"
                + "}";
        int expectedLine = lineOf(source, "// here");
        EvalReport r = eval.evaluate(source);

        assertThat(r.failed()).as(r.text()).isFalse();
        List<String> warnings = warnings(r);
        assertThat(warnings).as(r.text()).hasSize(1);
        String w = warnings.get(0);
        assertThat(w).startsWith("warning: on the audio thread, " + name + ".").contains(c.message());
        Matcher m = WHERE.matcher(w);
        assertThat(m.find()).as(w).isTrue();
        assertThat(Integer.parseInt(m.group(1))).as(w).isEqualTo(expectedLine);
        int column = Integer.parseInt(m.group(2));
        assertThat(m.group(4)).hasSize(column - 1);
        assertThat(m.group(3).substring(column - 1)).as(w).startsWith(c.token());
        assertThat(r.text()).contains("created class " + name, name + ": 1 real-time finding on the audio thread");
    }

    @Test
    void shouldFlagASynchronizedProcess() {
        EvalReport r = eval.evaluate("""
                class LintSyncMethod implements DspNode {
                    int n;
                    public synchronized void process(ProcessContext c) {
                        n++;
                    }
                }""");
        assertThat(warnings(r)).singleElement().asString().contains("is synchronized", "at line 4");
    }

    @Test
    void shouldFollowACallIntoAMethodDefinedEarlierAndShowItsSource() {
        eval.evaluate("static float[] scratch(int n) {\n    return new float[n];\n}");
        EvalReport r = eval.evaluate("""
                class LintCallsScratch implements DspNode {
                    public void process(ProcessContext c) { float[] s = scratch(c.frames()); }
                }""");
        assertThat(warnings(r)).singleElement().asString()
                .contains("allocates a float[]", "(in scratch, called from process)",
                        "(in the earlier snippet 'static float[] scratch(int n) {')",
                        "at line 2, column 12:", "    return new float[n];\n             ^~~");
    }

    @Test
    void shouldFollowACallIntoAClassDefinedEarlier() {
        eval.evaluate("class LintTable {\n    float[] make(int n) {\n        return new float[n];\n    }\n}");
        EvalReport r = eval.evaluate("""
                class LintUsesTable implements DspNode {
                    final LintTable table = new LintTable();
                    public void process(ProcessContext c) { table.make(c.frames()); }
                }""");
        assertThat(warnings(r)).singleElement().asString()
                .contains("LintTable.make allocates a float[]", "(in LintTable.make, called from process)",
                        "(in the earlier snippet 'class LintTable {')", "at line 3, column 16:");
    }

    @Test
    void shouldCountLinesAndColumnsInTheWholeInput() {
        EvalReport r = eval.evaluate("int lintBefore = 1;\nclass LintSecond implements DspNode {\n"
                + "    public void process(ProcessContext c) {\n        Object o = new Object();\n    }\n}");
        assertThat(warnings(r)).singleElement().asString().contains("at line 4, column 20:",
                "        Object o = new Object();\n                     ^~~");
    }

    @Test
    void shouldPassNodesThatKeepTheRules() {
        EvalReport r = eval.evaluate("""
                class LintClean implements DspNode {
                    final OutputPort out = Ports.audioOut("out");
                    final float[] table = new float[64];
                    double phase;
                    public void process(ProcessContext c) {
                        float[] y = c.out(out);
                        for (int i = 0; i < c.frames(); i++) {
                            y[i] = (float) Math.sin(phase) * table[i & 63];
                            phase += 0.01;
                        }
                    }
                }""");
        assertThat(r.failed()).as(r.text()).isFalse();
        assertThat(r.text()).isEqualTo("created class LintClean");
    }

    @Test
    void shouldRefuseInStrictModeAndKeepTheOldDefinition() {
        assertThat(eval.evaluate("class LintKept implements DspNode {\n int v() { return 1; }\n"
                + " public void process(ProcessContext c) { }\n}").failed()).isFalse();
        eval.lint().mode(RealtimeLint.Mode.STRICT);

        EvalReport r = eval.evaluate("class LintKept implements DspNode {\n int v() { return 2; }\n"
                + " public void process(ProcessContext c) { float[] x = new float[4]; }\n}");

        assertThat(r.failed()).isTrue();
        assertThat(r.types()).isEmpty();
        assertThat(r.text()).contains("warning: on the audio thread, LintKept.process allocates a float[]",
                "error: refused class LintKept (:lint strict): 1 real-time finding on the audio thread; the old"
                        + " definition is still in use (fix them, or :lint warn)")
                .doesNotContain("replaced class");
        assertThat(eval.valueOf("new LintKept().v()")).isEqualTo(1);
    }

    @Test
    void shouldSayNothingWasDefinedWhenStrictRefusesANewClass() {
        eval.lint().mode(RealtimeLint.Mode.STRICT);
        EvalReport r = eval.evaluate("class LintNever implements DspNode {\n"
                + " public void process(ProcessContext c) { System.out.println(c.frames()); }\n}");
        assertThat(r.text()).contains("calls PrintStream.println()", "refused class LintNever", "nothing was defined");
        assertThat(eval.evaluate("new LintNever()").failed()).isTrue();
    }

    @Test
    void shouldCheckNothingWhenOff() {
        eval.lint().mode(RealtimeLint.Mode.OFF);
        EvalReport r = eval.evaluate("class LintOff implements DspNode {\n"
                + " public void process(ProcessContext c) { float[] x = new float[4]; }\n}");
        assertThat(r.text()).isEqualTo("created class LintOff");
    }

    @Test
    void shouldNameTheModesWhenGivenAnUnknownOne() {
        assertThat(RealtimeLint.Mode.parse(" Strict ")).isEqualTo(RealtimeLint.Mode.STRICT);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RealtimeLint.Mode.parse("loud"))
                .hasMessage("unknown lint mode 'loud': use :lint off, :lint warn or :lint strict");
    }

    static List<String> warnings(EvalReport r) {
        List<String> out = new ArrayList<>();
        for (String line : r.output()) if (line.startsWith("warning: on the audio thread")) out.add(line);
        return out;
    }

    private static int lineOf(String text, String marker) {
        int at = text.indexOf(marker);
        return (int) text.substring(0, at).chars().filter(ch -> ch == '\n').count() + 1;
    }
}
