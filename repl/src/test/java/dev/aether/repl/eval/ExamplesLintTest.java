package dev.aether.repl.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import org.junit.jupiter.api.Test;

/**
 * The nodes aether shows people (examples/scripts/*.jsh, the code blocks of docs/*.md and README.md) keep the rules
 * the lint holds their own nodes to: each class they define is accepted with no real-time warning.
 */
class ExamplesLintTest {
    private static final Path ROOT = Path.of(System.getProperty("basedir", "."), "..").normalize();
    private static final Pattern FENCE = Pattern.compile("```[a-z]*\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern LEADING_COMMENTS = Pattern.compile("^(\\s*(//[^\\n]*\\n|/\\*.*?\\*/))*\\s*",
            Pattern.DOTALL);
    private static final Pattern TYPE_DECL = Pattern.compile(
            "^((public|final|static|abstract|sealed)\\s+)*(class|record|enum|interface)\\s");

    @Test
    void shouldFindNothingInTheNodesOfTheExamplesAndDocs() throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> scripts = Files.list(ROOT.resolve("examples/scripts"))) {
            for (Path p : scripts.filter(p -> p.toString().endsWith(".jsh")).sorted().toList()) {
                texts.add(Files.readString(p));
            }
        }
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> md = Files.list(ROOT.resolve("docs"))) {
            md.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        for (Path p : docs) {
            Matcher m = FENCE.matcher(Files.readString(p));
            while (m.find()) texts.add(m.group(1).replaceAll("(?m)^(aether> |   \\.\\.\\.> )", ""));
        }

        List<String> linted = new ArrayList<>(), problems = new ArrayList<>();
        try (SnippetEvaluator eval = new SnippetEvaluator(AetherExecutionControlProvider.Mode.DIRECT,
                new PrintStream(System.out, true))) {
            for (String text : texts) {
                for (String snippet : typeDeclarations(eval.analysis(), text)) {
                    EvalReport r = eval.evaluate(snippet);
                    linted.add(snippet.lines().findFirst().orElse(""));
                    if (r.failed() || r.text().contains("warning:")) problems.add(snippet + "\n-> " + r.text());
                }
            }
        }
        assertThat(linted).as("classes found in %s", ROOT)
                .anyMatch(s -> s.contains("class Fuzz"))
                .anyMatch(s -> s.contains("class OnePoleLowPass"));
        assertThat(problems).as("nodes of the examples and docs the lint flags").isEmpty();
    }

    /** The complete type declarations of {@code text} (comments before them dropped), skipping elided ones. */
    private static List<String> typeDeclarations(SourceCodeAnalysis sca, String text) {
        List<String> out = new ArrayList<>();
        String rest = text;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = sca.analyzeCompletion(rest);
            if (info.completeness() == Completeness.EMPTY || !info.completeness().isComplete()) break;
            String code = LEADING_COMMENTS.matcher(info.source()).replaceFirst("");
            if (TYPE_DECL.matcher(code).find() && !code.contains("{ ... }") && !code.contains("    ...")) out.add(code);
            rest = info.remaining();
        }
        return out;
    }
}
