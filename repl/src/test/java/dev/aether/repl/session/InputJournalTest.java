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
}
