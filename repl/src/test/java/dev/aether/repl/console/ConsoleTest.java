package dev.aether.repl.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.repl.session.InputJournal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConsoleTest {
    static ScriptedConsole c;

    @BeforeAll static void start() throws Exception { c = new ScriptedConsole((InputJournal) null); }

    @AfterAll static void stop() { c.close(); }

    @Test void shouldPrintExpressionValues() {
        c.assertEval("int answer = 6 * 7;", "answer ==> 42");
    }

    @Test void shouldContinueAnUnfinishedStatementOnTheNextLine() {
        c.type("class Pair {\n");
        c.type("  int a = 1, b = 2;\n");
        String out = c.eval("}");
        assertThat(out).contains("created class Pair");
        assertThat(c.eval("new Pair().b")).matches("\\$\\d+ ==> 2");
    }

    @Test void shouldShowCompileErrorsWithLineColumnAndCaret() {
        String out = c.eval("play(sine(freq))");
        assertThat(out).contains("error: cannot find symbol", "at line 1, column", "^");
        String[] lines = out.split("\n");
        String code = lines[lines.length - 2], caret = lines[lines.length - 1];
        assertThat(code.substring(caret.indexOf('^'))).as("caret points at the unknown name").startsWith("freq");
    }

    @Test void shouldListCommandsOnHelp() {
        assertThat(c.eval(":help")).contains(":quit", ":load FILE.jsh", ":watch");
    }

    @Test void shouldRefuseUnknownCommands() {
        c.assertEval(":frobnicate", "unknown command :frobnicate (try :help)");
    }
}
