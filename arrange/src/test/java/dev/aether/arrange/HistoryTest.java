package dev.aether.arrange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Undo and redo over random edit sequences. */
class HistoryTest {
    @Property(tries = 200)
    void undoingEveryStepReturnsToTheStartAndRedoingReturnsToTheEnd(@ForAll long seed, @ForAll @IntRange(min = 1, max = 120) int edits) {
        Random r = new Random(seed);
        History h = new History(RandomEdits.start());
        List<Project> states = new ArrayList<>(List.of(h.current()));
        int applied = 0;
        for (int i = 0; i < edits; i++) {
            Edit e = RandomEdits.next(r, h.current(), i);
            Project before = h.current();
            try {
                Project after = h.apply(e);
                if (after != before) { states.add(after); applied++; }
            } catch (IllegalArgumentException refused) {
                assertThat(h.current()).as("a refused edit changes nothing: %s", e.describe()).isSameAs(before);
                assertThat(refused.getMessage()).as("the message of %s", e.describe()).isNotBlank().doesNotContain("null");
            }
        }
        assertThat(h.undoDepth()).isEqualTo(applied);
        for (int i = states.size() - 1; i > 0; i--) {
            assertThat(h.current()).isEqualTo(states.get(i));
            h.undo();
        }
        assertThat(h.current()).isEqualTo(states.get(0));
        assertThat(h.canUndo()).isFalse();
        while (h.canRedo()) h.redo();
        assertThat(h.current()).isEqualTo(states.get(states.size() - 1));
    }

    @Property(tries = 50)
    void everyEditsScheduleIsComputable(@ForAll long seed) {
        Random r = new Random(seed);
        History h = new History(RandomEdits.start());
        for (int i = 0; i < 80; i++) {
            try { h.apply(RandomEdits.next(r, h.current(), i)); } catch (IllegalArgumentException refused) { /* skipped */ }
            Schedule s = Schedule.of(h.current());
            assertThat(s.tracks()).hasSize(h.current().names().size());
        }
    }

    @org.junit.jupiter.api.Test
    void theRandomEditsExerciseEveryKindOfEdit() {
        Random r = new Random(42);
        History h = new History(RandomEdits.start());
        java.util.Map<String, Integer> applied = new java.util.TreeMap<>();
        for (int i = 0; i < 3000; i++) {
            Edit e = RandomEdits.next(r, h.current(), i);
            Project before = h.current();
            try { if (h.apply(e) != before) applied.merge(e.getClass().getSimpleName(), 1, Integer::sum); }
            catch (IllegalArgumentException refused) { /* counted by omission */ }
        }
        assertThat(applied.keySet()).as("applied kinds %s", applied).hasSize(Edit.class.getPermittedSubclasses().length);
        assertThat(applied.values().stream().mapToInt(Integer::intValue).sum()).as("applied of 3000").isGreaterThan(600);
    }

    @org.junit.jupiter.api.Test
    void theOldestStepsDropFirstWhenTheCapIsPassed() {
        Project p = new Edit.SetVolume("drums", -0.5).apply(RandomEdits.start());   // its own strip, not the shared default
        long oneStep = History.estimateBytes(p, new Edit.SetVolume("drums", -1).apply(p));
        History h = new History(p, oneStep * 10 + oneStep / 2);
        for (int i = 1; i <= 30; i++) h.apply(new Edit.SetVolume("drums", -i));
        assertThat(h.undoDepth()).as("10 steps fit the cap").isEqualTo(10);
        assertThat(h.droppedSteps()).isEqualTo(20);
        assertThat(h.estimatedBytes()).isLessThanOrEqualTo(h.capBytes());
        for (int i = 0; i < 10; i++) h.undo();
        assertThat(h.current().track("drums").strip().volumeDb()).as("back to the oldest kept step's before").isEqualTo(-20);
        assertThatThrownBy(h::undo).hasMessageContaining("the 20 oldest steps were dropped");
    }

    @org.junit.jupiter.api.Test
    void aStepCostsWhatItChangedNotTheWholeProject() {
        Project p = RandomEdits.start();
        for (int i = 0; i < 200; i++) p = p.add(AudioTrack.named("t" + i).withStrip(Strip.DEFAULT.withEffects(List.of("eq(1)", "comp(2)"))));
        Project after = new Edit.SetPan("t7", 0.5).apply(p);
        long step = History.estimateBytes(p, after), all = History.estimateBytes(p, Project.empty(p.tempo()));
        assertThat(step).as("one changed track").isLessThan(all / 100);
        AudioTrack big = AudioTrack.named("big");
        for (int i = 0; i < 1000; i++) big = big.with(AudioClip.of("kick", Position.beats(i), Position.beats(1)));
        Project withBig = p.add(big);
        assertThat(History.estimateBytes(withBig, new Edit.SetMute("big", true).apply(withBig)))
                .as("muting shares the clip list").isLessThan(1000);
        assertThat(History.estimateBytes(withBig, new Edit.SetAudioClips("big", List.of()).apply(withBig)))
                .as("dropping the clips keeps them alive").isGreaterThanOrEqualTo(160_000);
    }

    @org.junit.jupiter.api.Test
    void undoDescribesTheStepsLatestFirst() {
        History h = new History(RandomEdits.start());
        h.apply(new Edit.SetMute("drums", true));
        h.apply(new Edit.RenameTrack("bass", "sub"));
        assertThat(h.undoDescriptions()).containsExactly("rename \"bass\" to \"sub\"", "mute \"drums\"");
        h.undo();
        assertThat(h.redoDescriptions()).containsExactly("rename \"bass\" to \"sub\"");
        assertThatThrownBy(() -> h.apply(new Edit.SetMute("bas", true)))
                .hasMessage("no track named \"bas\"; tracks: drums, bass, reverb");
    }
}
