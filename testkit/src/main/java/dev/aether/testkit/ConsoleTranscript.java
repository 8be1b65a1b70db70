package dev.aether.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * Any thread (pure). Console sessions as the docs show them, read back so a test can type them: a transcript is
 * lines starting with the prompt {@value #PROMPT} (a new input) or the continuation {@value #CONTINUATION} (more of
 * the same input); any other line is what the console printed. The README's quick start and
 * {@code docs/tutorial.md} are written this way, inside fenced code blocks ({@link #fencedBlocks}).
 */
public final class ConsoleTranscript {
    /** What starts a typed input: the console's prompt and one space. */
    public static final String PROMPT = "aether> ";
    /** What starts a continuation line of a multi-line input. */
    public static final String CONTINUATION = "   ...> ";

    private ConsoleTranscript() {}

    /** A fenced code block: its info string ({@code jsh}, {@code java file=set.jsh}, {@code text}), body, first line (from 1). */
    public record Block(String info, String body, int line) {
        /** The first word of the info string: the language. */
        public String language() {
            String i = info.strip();
            int space = i.indexOf(' ');
            return space < 0 ? i : i.substring(0, space);
        }

        /** The value of {@code key=value} in the info string, or null. */
        public String attribute(String key) {
            for (String word : info.strip().split(" +")) if (word.startsWith(key + "=")) return word.substring(key.length() + 1);
            return null;
        }
    }

    /** The fenced blocks ({@code ```info ... ```}) of Markdown text, in order. */
    public static List<Block> fencedBlocks(String markdown) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith("```")) continue;
            String info = lines[i].substring(3);
            StringBuilder body = new StringBuilder();
            int j = i + 1;
            while (j < lines.length && !lines[j].startsWith("```")) body.append(lines[j++]).append('\n');
            if (j == lines.length) throw new IllegalArgumentException("code block opened on line " + (i + 1) + " is never closed");
            blocks.add(new Block(info, body.toString(), i + 1));
            i = j;
        }
        return blocks;
    }

    /**
     * The inputs typed in a transcript, in order, each with its continuation lines joined by newlines and the prompts
     * removed; printed lines are skipped.
     */
    public static List<String> inputs(String transcript) {
        List<String> inputs = new ArrayList<>();
        StringBuilder current = null;
        for (String line : transcript.split("\n", -1)) {
            if (line.startsWith(PROMPT)) {
                if (current != null) inputs.add(current.toString());
                current = new StringBuilder(line.substring(PROMPT.length()));
            } else if (line.startsWith(CONTINUATION) && current != null) {
                current.append('\n').append(line.substring(CONTINUATION.length()));
            } else if (current != null) {
                inputs.add(current.toString());
                current = null;
            }
        }
        if (current != null) inputs.add(current.toString());
        return inputs;
    }

    /** Every line typed in a transcript (each input's lines, prompts removed). */
    public static List<String> typedLines(String transcript) {
        List<String> lines = new ArrayList<>();
        for (String input : inputs(transcript)) lines.addAll(List.of(input.split("\n", -1)));
        return lines;
    }
}
