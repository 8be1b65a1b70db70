package dev.aether.arrange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectTest {
    static Project band() {
        return Project.empty(Tempo.DEFAULT).add(AudioTrack.named("bass")).add(AudioTrack.named("drums"));
    }

    @Test void aWrongNameListsTheTracksThereAre() {
        assertThatThrownBy(() -> band().track("bas")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no track named \"bas\"; tracks: bass, drums");
        assertThatThrownBy(() -> Project.empty(Tempo.DEFAULT).track("x")).hasMessage("no track named \"x\"; the project has no tracks yet");
    }

    @Test void namesAreUniqueInTheWholeTree() {
        Project p = new Edit.Group("verse", List.of("drums")).apply(band());
        assertThatThrownBy(() -> p.add("verse", -1, AudioTrack.named("bass")))
                .hasMessage("two tracks are named \"bass\"; track names must be unique — rename one");
        assertThatThrownBy(() -> AudioTrack.named("a/b")).hasMessageContaining("without '/'");
    }

    @Test void metatracksNestTwentyLevelsByGroupingAndUngroupBackToTheStart() {
        Project p = band();
        History h = new History(p);
        for (int i = 0; i < 20; i++) h.apply(new Edit.Group("level" + i, List.of(i == 0 ? "drums" : "level" + (i - 1))));
        assertThat(h.current().path("drums")).hasSize(21).startsWith("level19", "level18").endsWith("level0", "drums");
        for (int i = 19; i >= 0; i--) h.apply(new Edit.Ungroup("level" + i));
        assertThat(h.current()).isEqualTo(p);
        assertThat(h.undoDepth()).isEqualTo(40);
    }

    @Test void theMediaPoolHoldsEachFileOnce() {
        MediaPool pool = MediaPool.EMPTY.with("kick", Path.of("/m/kick.wav"));
        assertThatThrownBy(() -> pool.with("kick2", Path.of("/m/../m/kick.wav")))
                .hasMessage("file /m/kick.wav is already in the pool as \"kick\"; refer to it by that id");
        assertThatThrownBy(() -> pool.with("kick", Path.of("/m/snare.wav")))
                .hasMessage("media id \"kick\" already names /m/kick.wav; choose another id for /m/snare.wav");
        assertThat(pool.with("kick", Path.of("/m/kick.wav"))).isEqualTo(pool);
        assertThatThrownBy(() -> pool.file("snare")).hasMessage("no media \"snare\" in the pool; pool: kick");
    }

    @Test void busesThatSendInACircleAreRefused() {
        Project p = Project.empty(Tempo.DEFAULT).add(BusTrack.named("a")).add(BusTrack.named("b"));
        Project q = new Edit.SetSend("a", new Send("b", 0, false)).apply(p);
        assertThatThrownBy(() -> new Edit.SetSend("b", new Send("a", 0, false)).apply(q))
                .hasMessageMatching("buses send in a circle: (a → b → a|b → a → b); remove one of those sends");
    }
}
