package dev.aether.sequencing.midi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.aether.nodes.voice.PolyVoices;
import dev.aether.sequencing.schedule.PatternTarget;
import java.io.File;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MIDI files with tempo and metre changes, written by javax.sound.midi (type 1 and type 0) and by Debian's
 * {@code csvmidi} (an independent writer), played offline into an instrument of {@link ClickVoice}s: every note-on is
 * heard within ±1 sample of the sample the test computes itself from the tempo map it wrote into the file (exact
 * BigInteger arithmetic: {@code round(sum(ticks * µsPerQuarter) * rate / (ppq * 1e6))} from the file's start).
 * Without {@code csvmidi} its case is skipped, unless {@code AETHER_MIDI_TESTS=required} (CI), where it fails.
 */
class MidiFileTimingTest {
    static final long START = 12_345;       // the engine sample the file's tick 0 is on

    /** A tempo map the test knows: (tick, µs per quarter) from tick 0. */
    record Tempo(long tick, long usPerQuarter) {}

    static final int PPQ = 480;
    static final List<Tempo> TEMPOS = List.of(new Tempo(0, 500_000), new Tempo(1_920, 616_650),
            new Tempo(3_840, 428_571), new Tempo(4_801, 1_000_003), new Tempo(5_777, 333_333));

    @TempDir Path dir;

    /** Ticks of the notes: on the grid, off it (odd ticks), around and on the tempo changes. */
    static List<Long> noteTicks() {
        List<Long> ticks = new ArrayList<>();
        for (long t = 0; t < 7_680; t += 240) ticks.add(t);
        for (long t = 7; t < 7_680; t += 397) ticks.add(t);
        ticks.add(1_919L);
        ticks.add(4_800L);
        ticks.add(4_801L);
        ticks.add(5_777L);
        return ticks;
    }

    /** The expected engine sample of tick {@code tick}, from the test's own tempo table. */
    static long expected(long tick, int rate, int ppq, List<Tempo> tempos) {
        BigInteger us = BigInteger.ZERO;                       // µs * ppq
        for (int i = 0; i < tempos.size(); i++) {
            long from = tempos.get(i).tick();
            if (from >= tick) break;
            long to = i + 1 < tempos.size() ? Math.min(tick, tempos.get(i + 1).tick()) : tick;
            us = us.add(BigInteger.valueOf(to - from).multiply(BigInteger.valueOf(tempos.get(i).usPerQuarter())));
        }
        BigInteger num = us.multiply(BigInteger.valueOf(rate)), den = BigInteger.valueOf(ppq * 1_000_000L);
        return START + num.multiply(BigInteger.TWO).add(den).divide(den.multiply(BigInteger.TWO)).longValueExact();
    }

    @ParameterizedTest(name = "type {0}")
    @ValueSource(ints = {1, 0})
    void javaxFileNoteOnsLandWithinOneSampleOfTheTempoMap(int type) throws Exception {
        Sequence seq = new Sequence(Sequence.PPQ, PPQ);
        Track conductor = seq.createTrack();
        Track a = type == 1 ? seq.createTrack() : conductor, b = type == 1 ? seq.createTrack() : conductor;
        for (Tempo t : TEMPOS) conductor.add(tempo(t.tick(), t.usPerQuarter()));
        conductor.add(timeSignature(0, 4, 2));
        conductor.add(timeSignature(3_840, 3, 2));      // 3/4 from bar 3
        List<Long> ticks = noteTicks();
        for (int i = 0; i < ticks.size(); i++) {
            Track t = i % 2 == 0 ? a : b;
            int key = 36 + i % 60;
            t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, i % 16, key, 1 + i % 127), ticks.get(i)));
            t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, i % 16, key, 0), ticks.get(i) + 60));
        }
        File f = dir.resolve("javax-type" + type + ".mid").toFile();
        MidiSystem.write(seq, type, f);

        MidiFile file = MidiFile.read(f.toPath());
        assertThat(file.type()).isEqualTo(type);
        assertThat(file.tempos()).hasSize(TEMPOS.size());
        assertThat(file.metres()).extracting(MidiFile.Metre::numerator).containsExactly(4, 3);
        for (int rate : new int[] {48_000, 44_100}) assertOnsetsMatch(file, ticks, rate, PPQ, TEMPOS);
    }

    @ParameterizedTest(name = "type {0}")
    @ValueSource(ints = {1, 0})
    void csvmidiFileNoteOnsLandWithinOneSampleOfTheTempoMap(int type) throws Exception {
        int ppq = 96;
        List<Tempo> tempos = List.of(new Tempo(0, 500_000), new Tempo(384, 600_000), new Tempo(700, 377_777), new Tempo(1_153, 2_000_000));
        List<Long> ticks = List.of(0L, 1L, 95L, 96L, 383L, 384L, 385L, 699L, 700L, 701L, 1_000L, 1_152L, 1_153L, 1_300L, 1_535L);
        StringBuilder csv = new StringBuilder();
        int tracks = type == 1 ? 2 : 1, notesTrack = type == 1 ? 2 : 1;
        csv.append("0, 0, Header, ").append(type).append(", ").append(tracks).append(", ").append(ppq).append('\n');
        csv.append("1, 0, Start_track\n");
        List<String[]> rows = new ArrayList<>();           // (tick, track, text), sorted per track below
        for (Tempo t : tempos) rows.add(new String[] {String.valueOf(t.tick()), "1", "Tempo, " + t.usPerQuarter()});
        rows.add(new String[] {"0", "1", "Time_signature, 4, 2, 24, 8"});
        rows.add(new String[] {"768", "1", "Time_signature, 6, 3, 24, 8"});    // 6/8 from bar 3
        for (int i = 0; i < ticks.size(); i++) {
            rows.add(new String[] {String.valueOf(ticks.get(i)), String.valueOf(notesTrack), "Note_on_c, " + (i % 16) + ", " + (40 + i) + ", 100"});
            rows.add(new String[] {String.valueOf(ticks.get(i) + 20), String.valueOf(notesTrack), "Note_off_c, " + (i % 16) + ", " + (40 + i) + ", 0"});
        }
        rows.sort((x, y) -> Long.compare(Long.parseLong(x[0]), Long.parseLong(y[0])));
        for (String[] r : rows) if (r[1].equals("1")) csv.append("1, ").append(r[0]).append(", ").append(r[2]).append('\n');
        csv.append("1, 1600, End_track\n");
        if (type == 1) {
            csv.append("2, 0, Start_track\n");
            for (String[] r : rows) if (r[1].equals("2")) csv.append("2, ").append(r[0]).append(", ").append(r[2]).append('\n');
            csv.append("2, 1600, End_track\n");
        }
        csv.append("0, 0, End_of_file\n");
        Path in = dir.resolve("song.csv"), out = dir.resolve("csvmidi-type" + type + ".mid");
        Files.writeString(in, csv);
        runCsvmidi(in, out);

        MidiFile file = MidiFile.read(out);
        assertThat(file.type()).isEqualTo(type);
        assertThat(file.ticksPerQuarter()).isEqualTo(ppq);
        assertThat(file.metres()).extracting(MidiFile.Metre::numerator).containsExactly(4, 6);
        assertThat(file.barStartTick(3)).as("bar 3 starts after two 4/4 bars of 96-tick quarters").isEqualTo(768);
        assertThat(file.barStartTick(4)).as("a 6/8 bar is three quarters").isEqualTo(768 + 288);
        for (int rate : new int[] {48_000, 44_100}) assertOnsetsMatch(file, ticks, rate, ppq, tempos);
    }

    @org.junit.jupiter.api.Test
    void anSmpteFileCountsTicksInFramesNotQuarters() throws Exception {
        Sequence seq = new Sequence(Sequence.SMPTE_25, 40);      // 25 frames of 40 ticks: a tick is 1 ms
        Track t = seq.createTrack();
        t.add(tempo(0, 300_000));                                // ignored: SMPTE time has no tempo
        for (long tick : new long[] {0, 1, 333, 1_000}) {
            t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, 60, 100), tick));
            t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, 60, 0), tick + 1));
        }
        File f = dir.resolve("smpte.mid").toFile();
        MidiSystem.write(seq, 0, f);
        MidiFile file = MidiFile.read(f.toPath());
        assertThat(file.sampleOf(333, 48_000)).isEqualTo(15_984);     // 0.333 s
        assertThat(file.sampleOf(1, 44_100)).isEqualTo(44);           // 44.1 rounds down
        try (MidiRig rig = new MidiRig()) {
            PolyVoices poly = rig.play(new PolyVoices(4, ClickVoice::new));
            rig.scheduler.follow(new MidiFilePlayer(file, PatternTarget.midiNotes(poly, 100), START, 48_000));
            assertThat(MidiRig.clicks(rig.renderLeft(100_000))).containsExactly(START, START + 48, START + 15_984, START + 48_000);
        }
    }

    private static void assertOnsetsMatch(MidiFile file, List<Long> ticks, int rate, int ppq, List<Tempo> tempos) {
        List<Long> want = new ArrayList<>();
        for (long t : ticks) want.add(expected(t, rate, ppq, tempos));
        Collections.sort(want);
        List<Long> heard;
        try (MidiRig rig = new MidiRig(rate)) {
            PolyVoices poly = rig.play(new PolyVoices(32, ClickVoice::new));
            MidiFilePlayer player = new MidiFilePlayer(file, PatternTarget.midiNotes(poly, 100), START, rate);
            rig.scheduler.follow(player);
            heard = MidiRig.clicks(rig.renderLeft((int) (want.get(want.size() - 1) + rate / 2)));
            assertThat(player.notesSent()).isEqualTo(ticks.size());
            assertThat(rig.messages).isEmpty();
        }
        assertThat(heard).as("one click per note at %d Hz", rate).hasSameSizeAs(want);
        long worst = 0;
        for (int i = 0; i < want.size(); i++) {
            long err = heard.get(i) - want.get(i);
            assertThat(Math.abs(err)).as("note %d at %d Hz: heard on sample %d, the tempo map gives %d", i, rate, heard.get(i), want.get(i))
                    .isLessThanOrEqualTo(1);
            worst = Math.max(worst, Math.abs(err));
        }
        System.out.printf("MIDI file %s at %d Hz: %d note-ons, worst error %d samples%n", file.name(), rate, want.size(), worst);
    }

    private static void runCsvmidi(Path in, Path out) throws IOException, InterruptedException {
        boolean required = "required".equals(System.getenv("AETHER_MIDI_TESTS"));
        Process p;
        try {
            p = new ProcessBuilder("csvmidi", in.toString(), out.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            if (required) fail("csvmidi is not installed (apt-get install midicsv) and AETHER_MIDI_TESTS=required");
            Assumptions.abort("csvmidi is not installed (apt-get install midicsv): the second writer's files are not tested");
            return;
        }
        String said = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("csvmidi said: %s", said).isZero();
    }

    static MidiEvent tempo(long tick, long us) throws Exception {
        byte[] d = {(byte) (us >> 16), (byte) (us >> 8), (byte) us};
        return new MidiEvent(new MetaMessage(0x51, d, 3), tick);
    }

    static MidiEvent timeSignature(long tick, int numerator, int denominatorPower) throws Exception {
        return new MidiEvent(new MetaMessage(0x58, new byte[] {(byte) numerator, (byte) denominatorPower, 24, 8}, 4), tick);
    }
}
