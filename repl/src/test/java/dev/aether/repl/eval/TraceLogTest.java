package dev.aether.repl.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trace log: one line for the person, the trace in today's file, the file rolled over past its size. */
class TraceLogTest {
    @TempDir Path dir;

    @AfterEach void back() { TraceLog.directory(null); }

    @Test void shouldShowOneLineAndLogTheWholeTrace() throws Exception {
        TraceLog.directory(dir);
        IllegalStateException e = new IllegalStateException("deep", new ArithmeticException("/ by zero"));
        String line = TraceLog.oneLine(e.getClass().getName(), e.getMessage(), e);
        Path file = dir.resolve("aether-" + java.time.LocalDate.now() + ".log");
        assertThat(line).isEqualTo("IllegalStateException: deep (trace in " + file + ")");
        assertThat(Files.readString(file)).contains("java.lang.IllegalStateException: deep",
                "at dev.aether.repl.eval.TraceLogTest.shouldShowOneLineAndLogTheWholeTrace",
                "Caused by: java.lang.ArithmeticException: / by zero");
    }

    @Test void shouldRollTheDaysFileOverPastItsSize() throws Exception {
        TraceLog.directory(dir);
        Path file = TraceLog.file();
        Files.write(file, new byte[(int) TraceLog.MAX_BYTES + 1]);
        TraceLog.write("after the roll", new RuntimeException("fresh"));
        Path rolled = file.resolveSibling(file.getFileName().toString().replace(".log", ".1.log"));
        assertThat(Files.size(rolled)).isEqualTo(TraceLog.MAX_BYTES + 1);
        assertThat(Files.size(file)).isLessThan(10_000);
        assertThat(Files.readString(file)).contains("after the roll", "java.lang.RuntimeException: fresh");
    }

    @Test void shouldSayWhenTheTraceCouldNotBeLogged() throws Exception {
        Path notADir = Files.writeString(dir.resolve("file"), "x");
        TraceLog.directory(notADir.resolve("logs"));
        assertThat(TraceLog.oneLine("java.lang.RuntimeException", "boom", new RuntimeException("boom")))
                .isEqualTo("RuntimeException: boom (trace not logged: " + notADir.resolve("logs") + " is not writable)");
    }
}
