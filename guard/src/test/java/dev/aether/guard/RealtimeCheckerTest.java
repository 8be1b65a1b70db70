package dev.aether.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.guard.Finding.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link RealtimeChecker} on planted faults ({@code planted/Planted.java}): each is reported, on its line. */
class RealtimeCheckerTest {
    private static final String PLANTED = "dev/aether/guard/planted/Planted";
    private static final Path PLANTED_SOURCE =
            Path.of(System.getProperty("basedir", "."), "src/test/java", PLANTED + ".java");
    private static final Pattern EXPECT = Pattern.compile("//\\s*expect:\\s*([A-Z_]+)");

    private final ClassBytes testClasses = ClassBytes.of(RealtimeCheckerTest.class.getClassLoader());
    private RealtimeChecker checker;

    @BeforeEach
    void setUp() { checker = new RealtimeChecker(testClasses); }

    @Test
    void shouldReportEachPlantedFaultOnItsLineWithItsKind() throws IOException {
        Set<String> expected = new TreeSet<>();
        List<String> lines = Files.readAllLines(PLANTED_SOURCE);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = EXPECT.matcher(lines.get(i));
            if (m.find()) expected.add(String.format("%3d %s", i + 1, Kind.valueOf(m.group(1))));
        }
        assertThat(expected).as("markers in %s", PLANTED_SOURCE).hasSizeGreaterThanOrEqualTo(20);

        List<Finding> findings = checkPlanted();
        Set<String> found = findings.stream()
                .map(f -> String.format("%3d %s", f.line(), f.kind())).collect(Collectors.toCollection(TreeSet::new));
        assertThat(found)
                .withFailMessage("expected (line kind):%n%s%nfound:%n%s", String.join("\n", expected),
                        findings.stream().map(Finding::toString).collect(Collectors.joining("\n")))
                .isEqualTo(expected);
    }

    @Test
    void shouldFindNothingInCodeThatKeepsTheRules() {
        assertThat(checker.check(PLANTED + "$Clean")).isEmpty();
        assertThat(checker.check(PLANTED + "$Clean$Pair")).isEmpty();
    }

    @Test
    void shouldCheckPrivateHelpersAndSayWhichMethodReachedThem() {
        List<Finding> f = checker.check(PLANTED + "$CallsUnmarked");
        assertThat(f).extracting(Finding::methodName).containsExactly("process", "helper", "deeper");
        assertThat(f.get(0).message()).startsWith("calls Planted.Helper.unmarked(), which is not @RealtimeSafe");
        assertThat(f.get(1).message()).endsWith("(in a private helper of process)");
        assertThat(f.get(2).message()).endsWith("(in a private helper of process)");
    }

    @Test
    void shouldHoldAnUnmarkedImplementationOfProcessToTheContract() {
        assertThat(checker.check(PLANTED + "$UnmarkedNode"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.methodName()).isEqualTo("process");
                    assertThat(f.descriptor()).isEqualTo("(Ldev/aether/core/ProcessContext;)V");
                    assertThat(f.kind()).isEqualTo(Kind.ALLOCATION);
                    assertThat(f.message()).startsWith("allocates a float[]");
                });
        assertThat(checker.isRealtimeMethod(PLANTED + "$UnmarkedNode", "process",
                "(Ldev/aether/core/ProcessContext;)V")).isTrue();
        assertThat(checker.isRealtimeMethod(PLANTED + "$Helper", "unmarked", "()V")).isFalse();
    }

    @Test
    void shouldFollowCallsIntoTheClassesItIsToldToFollow() {
        String node = "dev/aether/guard/planted/UserCode$Node";
        RealtimeChecker followsUserCode = new RealtimeChecker(testClasses,
                name -> name.startsWith("dev/aether/guard/planted/UserCode"));
        assertThat(followsUserCode.check(node)).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Kind.ALLOCATION);
            assertThat(f.line()).isEqualTo(18);
            assertThat(f.methodName()).isEqualTo("fill");
            assertThat(f.message()).startsWith("allocates a float[]")
                    .endsWith("(in UserCode.Tone.fill, called from process)");
        });
        assertThat(checker.check(node)).as("not followed: the call is reported, the woven budget check is not")
                .singleElement().satisfies(f -> {
                    assertThat(f.kind()).isEqualTo(Kind.CALL);
                    assertThat(f.message()).startsWith("calls UserCode.Tone.fill(), which is not @RealtimeSafe");
                    assertThat(f.callee()).isEqualTo("dev.aether.guard.planted.UserCode$Tone");
                });
    }

    @Test
    void shouldSayWhenAnAllocationIsAThrow() {
        assertThat(checker.check(PLANTED + "$Allocates")).last()
                .satisfies(f -> assertThat(f.message()).startsWith("throws a new IllegalStateException"));
    }

    @Test
    void shouldNotCheckTheConstructorOfAMarkedClass() {
        assertThat(checker.check(PLANTED + "$MarkedClass")).extracting(Finding::methodName).containsExactly("copy");
    }

    @Test
    void shouldNameTheSyntheticClassOfAnEnumSwitch() {
        assertThat(checker.check(PLANTED + "$SwitchesOnEnum")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("$SwitchMap$").contains("if chain"));
    }

    @Test
    void shouldCheckClassFilesHeldOnlyInMemory() throws IOException {
        byte[] bytes;
        try (var in = RealtimeCheckerTest.class.getResourceAsStream("/" + PLANTED + "$Allocates.class")) {
            bytes = in.readAllBytes();
        }
        RealtimeChecker memoryOnly = new RealtimeChecker(ClassBytes.of(Map.of(PLANTED + "$Allocates", bytes)));
        assertThat(memoryOnly.check(bytes)).hasSize(6).allMatch(f -> f.kind() == Kind.ALLOCATION);
    }

    @Test
    void shouldSayWhenACalleeCannotBeRead() throws IOException {
        byte[] bytes;
        try (var in = RealtimeCheckerTest.class.getResourceAsStream("/" + PLANTED + "$CallsUnmarked.class")) {
            bytes = in.readAllBytes();
        }
        RealtimeChecker alone = new RealtimeChecker(name -> null);
        assertThat(alone.check(bytes)).filteredOn(f -> f.kind() == Kind.CALL).hasSize(3)
                .allMatch(f -> f.message().endsWith("Planted$Helper cannot be read to check it"));
    }

    @Test
    void shouldPrintAFindingLikeACompilerWarning() {
        Finding f = checker.check(PLANTED + "$CapturesLambda").get(0);
        assertThat(f.toString()).matches("Planted\\.java:\\d+: dev\\.aether\\.guard\\.planted\\.Planted"
                + "\\$CapturesLambda\\.process: invokedynamic: creates a lambda capturing 1 value, .*");
    }

    @Test
    void shouldGiveAReasonForEveryAllowedJdkMethod() {
        List<String> unexplained = new ArrayList<>();
        for (JdkAllowList.Entry e : JdkAllowList.entries()) if (e.why().isBlank()) unexplained.add(e.owner());
        assertThat(unexplained).isEmpty();
        assertThat(JdkAllowList.why("java/lang/Math", "random")).as("Math.random is not allowed").isNull();
        assertThat(JdkAllowList.why("java/lang/Math", "sin")).isNotBlank();
    }

    private List<Finding> checkPlanted() {
        List<Finding> all = new ArrayList<>(checker.check(PLANTED));
        for (Class<?> c : dev.aether.guard.planted.PlantedAccess.nested()) {
            all.addAll(checker.check(c.getName().replace('.', '/')));
        }
        return all;
    }
}
