package dev.aether.repl.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputJournalTest {
    @TempDir Path dir;

    @Test void shouldHaveEveryEntryOnDiskAsSoonAsItIsAppended() throws Exception {
        InputJournal j = InputJournal.start(dir);
        j.append("play(sine(440))");
        j.append("class Fuzz implements DspNode {\n  public void process(ProcessContext c) {}\n}");
        // no close: a crash leaves the file as it is
        assertThat(InputJournal.entries(j.file()))
                .containsExactly("play(sine(440))", "class Fuzz implements DspNode {\n  public void process(ProcessContext c) {}\n}");
        assertThat(Files.readString(j.file())).doesNotContain(InputJournal.CLOSED);
    }

    @Test void shouldFindTheNewestEarlierJournalToRecover() throws Exception {
        InputJournal a = InputJournal.start(dir);
        a.append("int x = 1;");
        a.close();
        Thread.sleep(5);
        InputJournal b = InputJournal.start(dir);
        assertThat(InputJournal.newest(dir, b.file())).contains(a.file());
        assertThat(InputJournal.entries(a.file())).containsExactly("int x = 1;");
        b.close();
    }

    @Test void shouldRecordTheEngineAndTheSamplesEachInputLandedOn() throws Exception {
        InputJournal j = InputJournal.start(dir);
        j.engine(48_000, 64);
        j.landed(52_224);
        j.append("def(\"a\", sine(220))");
        j.append("int x = 1;");                               // no edit
        j.landed(110_592);
        j.landed(110_600);
        j.append(":tempo 140 4");
        j.close();
        InputJournal.Recorded r = InputJournal.records(j.file());
        assertThat(r.sampleRate()).isEqualTo(48_000);
        assertThat(r.blockSize()).isEqualTo(64);
        assertThat(r.entries()).containsExactly(new InputJournal.Entry("def(\"a\", sine(220))", java.util.List.of(52_224L)),
                new InputJournal.Entry("int x = 1;", java.util.List.of()),
                new InputJournal.Entry(":tempo 140 4", java.util.List.of(110_592L, 110_600L)));
        assertThat(InputJournal.entries(j.file())).containsExactly("def(\"a\", sine(220))", "int x = 1;", ":tempo 140 4");
        assertThat(Files.readString(j.file())).startsWith("//=== aether journal: rate 48000 block 64\n//--- ")
                .contains(" at 110592 110600\n:tempo 140 4\n");
    }

    @Test void shouldStillReadAJournalWrittenBeforeLandingsWereRecorded() throws Exception {
        Path old = dir.resolve("session-20261201-120000-000.jsh");
        Files.writeString(old, "//--- 2026-12-01T12:00:00Z\nplay(sine(440))\n//--- 2026-12-01T12:00:01Z\n:panic\n//=== closed\n");
        InputJournal.Recorded r = InputJournal.records(old);
        assertThat(r.sampleRate()).as("no engine line").isZero();
        assertThat(r.entries()).containsExactly(new InputJournal.Entry("play(sine(440))", java.util.List.of()),
                new InputJournal.Entry(":panic", java.util.List.of()));
    }
}
