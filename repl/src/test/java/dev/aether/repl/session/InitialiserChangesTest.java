package dev.aether.repl.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InitialiserChangesTest {
    static final String CLIP = """
            class Clip implements DspNode {
                final InputPort in = Ports.audioIn("in");   // a port
                final OutputPort out = Ports.audioOut("out");
                double drive = 6;
                double phase;
                long blocks = 0, seen;
                float[] table = {1f, 2f, 3f};
                Map<String, Integer> names = new HashMap<>();
                static int made = 0;
                @Deprecated int old = 1;
                Clip() { made++; double notAField = 3; }
                public void process(ProcessContext c) {
                    double local = 5;
                    float[] x = c.in(in), y = c.out(out);
                }
                record State(double phase) implements NodeState {}
                Runnable r = new Runnable() { public void run() { int inner = 1; } };
            }""";

    @Test void shouldFindEveryInstanceFieldOfTheClassBodyWithItsInitialiser() {
        var fields = InitialiserChanges.initialisers(CLIP);
        assertThat(fields.keySet()).containsExactly("in", "out", "drive", "phase", "blocks", "seen", "table", "names",
                "old", "r");
        assertThat(fields.get("drive")).isEqualTo(List.of("6"));
        assertThat(fields.get("phase")).isEmpty();
        assertThat(fields.get("seen")).isEmpty();
        assertThat(String.join(" ", fields.get("table"))).isEqualTo("{ 1f , 2f , 3f }");
        assertThat(String.join("", fields.get("names"))).isEqualTo("newHashMap<>()");
    }

    @Test void shouldNameAFieldWhoseInitialiserChanged() {
        assertThat(InitialiserChanges.between(CLIP, CLIP.replace("double drive = 6;", "double drive = 20;")))
                .containsExactly("drive");
    }

    @Test void shouldCountAnInitialiserAddedOrRemovedAsAChange() {
        assertThat(InitialiserChanges.between(CLIP, CLIP.replace("double phase;", "double phase = 0.25;")))
                .containsExactly("phase");
        assertThat(InitialiserChanges.between(CLIP, CLIP.replace("long blocks = 0, seen;", "long blocks, seen;")))
                .containsExactly("blocks");
    }

    @Test void shouldIgnoreWhitespaceCommentsAndChangesOutsideInitialisers() {
        String edited = CLIP.replace("double drive = 6;", "double drive   =   6 ; // louder later")
                .replace("double local = 5;", "double local = 50;")
                .replace("double notAField = 3;", "double notAField = 4;")
                .replace("static int made = 0;", "static int made = 7;");
        assertThat(InitialiserChanges.between(CLIP, edited)).isEmpty();
    }

    @Test void shouldNotCountAFieldDeclaredInOnlyOneVersion() {
        assertThat(InitialiserChanges.between(CLIP, CLIP.replace("double drive = 6;", "double level = 6;"))).isEmpty();
    }

    @Test void shouldSeeChangesInArrayAndAnonymousClassInitialisers() {
        assertThat(InitialiserChanges.between(CLIP, CLIP.replace("{1f, 2f, 3f}", "{1f, 2f, 4f}")))
                .containsExactly("table");
        assertThat(InitialiserChanges.between(CLIP, CLIP.replace("int inner = 1;", "int inner = 1; int more;")))
                .containsExactly("r");
    }

    @Test void shouldReadStringLiteralsWhole() {
        String a = "class A { String s = \"a; b { c\"; int n = 1; }";
        assertThat(InitialiserChanges.initialisers(a).keySet()).containsExactly("s", "n");
        assertThat(InitialiserChanges.between(a, a.replace("a; b", "a; x"))).containsExactly("s");
    }
}
