package dev.aether.repl.help;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Any thread (immutable once parsed). The tutorial, {@code docs/tutorial.md}, which the build copies into the
 * console's classes ({@link #RESOURCE}): its chapters ({@code ## N. Title}) are the help topics
 * {@code :help tutorial N} and {@code :help tutorial WORD}, shown as plain text in 80 columns.
 */
public final class Tutorial {
    /** Where the build puts {@code docs/tutorial.md} (repl/pom.xml copies it). */
    public static final String RESOURCE = "/dev/aether/repl/help/tutorial.md";
    private static final Pattern CHAPTER = Pattern.compile("^## (\\d+)\\. (.+)$", Pattern.MULTILINE);
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\(([^)]+)\\)");

    /** One chapter: its number, title, a one-word slug ({@code first-sound}) and its Markdown. */
    public record Chapter(int number, String title, String slug, String markdown) {}

    private final String intro;
    private final List<Chapter> chapters;

    private Tutorial(String intro, List<Chapter> chapters) {
        this.intro = intro;
        this.chapters = List.copyOf(chapters);
    }

    /** The tutorial shipped with the console; fails with a message naming the resource when it is missing. */
    public static Tutorial shipped() {
        try (InputStream in = Tutorial.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the tutorial is missing from the console's classes (" + RESOURCE
                        + "); rebuild with mvn -pl repl -am package, which copies docs/tutorial.md there");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits Markdown into the text before the first chapter and the chapters. */
    public static Tutorial parse(String markdown) {
        Matcher m = CHAPTER.matcher(markdown);
        List<Chapter> chapters = new ArrayList<>();
        String intro = null;
        int start = -1, number = 0;
        String title = null;
        while (m.find()) {
            if (start < 0) intro = markdown.substring(0, m.start());
            else chapters.add(chapter(number, title, markdown.substring(start, m.start())));
            start = m.start();
            number = Integer.parseInt(m.group(1));
            title = m.group(2).strip();
        }
        if (start < 0) return new Tutorial(markdown, List.of());
        chapters.add(chapter(number, title, markdown.substring(start)));
        return new Tutorial(intro, chapters);
    }

    private static Chapter chapter(int number, String title, String markdown) {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return new Chapter(number, title, slug, markdown.strip() + "\n");
    }

    public List<Chapter> chapters() { return chapters; }

    /**
     * The chapter {@code key} names: its number, its slug, or a word of its title ("patterns"); the first match in
     * order.
     */
    public Optional<Chapter> find(String key) {
        String k = key.strip().toLowerCase(Locale.ROOT);
        for (Chapter c : chapters) if (k.equals(Integer.toString(c.number())) || k.equals(c.slug())) return Optional.of(c);
        for (Chapter c : chapters) if (c.slug().startsWith(k)) return Optional.of(c);
        for (Chapter c : chapters) if (("-" + c.slug() + "-").contains("-" + k)) return Optional.of(c);
        return Optional.empty();
    }

    /** {@code :help tutorial}: the introduction's first paragraph and the list of chapters. */
    public String contents() {
        StringBuilder b = new StringBuilder("Chapters (docs/tutorial.md):");
        for (Chapter c : chapters) {
            b.append('\n').append(HelpText.entry("  ", c.number() + ". " + c.title(), ":help tutorial " + c.number()));
        }
        String lead = plain(firstParagraph(intro));
        if (!lead.isBlank()) b.insert(0, lead + "\n\n");
        return b.toString();
    }

    /** A chapter as plain text for an 80-column terminal; the last line says what comes next. */
    public String text(Chapter c) {
        String body = plain(c.markdown());
        int i = chapters.indexOf(c);
        String next = i + 1 < chapters.size()
                ? "next: :help tutorial " + chapters.get(i + 1).number() + " (" + chapters.get(i + 1).title() + ")"
                : "that was the last chapter; :help lists the commands, :help nodes and :help verbs the functions";
        return body.stripTrailing() + "\n\n" + next;
    }

    private static String firstParagraph(String markdown) {
        StringBuilder b = new StringBuilder();
        for (String line : markdown.strip().split("\n")) {
            if (line.startsWith("#")) continue;
            if (line.isBlank()) {
                if (b.length() > 0) break;
                continue;
            }
            b.append(line).append('\n');
        }
        return b.toString();
    }

    /**
     * Markdown as plain text: headings as their text, paragraphs and list items joined and wrapped, code blocks
     * indented by four spaces exactly as written, links as "text (target)", emphasis and backticks dropped.
     */
    static String plain(String markdown) {
        StringBuilder out = new StringBuilder();
        StringBuilder para = new StringBuilder();
        boolean inCode = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                flush(para, out);
                inCode = !inCode;
                continue;
            }
            if (inCode) {
                out.append("    ").append(line).append('\n');
                continue;
            }
            if (line.startsWith("<!--")) continue;
            if (line.isBlank()) {
                flush(para, out);
                if (out.length() > 0 && !out.toString().endsWith("\n\n")) out.append('\n');
                continue;
            }
            if (line.startsWith("#")) {
                flush(para, out);
                out.append(inline(line.replaceFirst("^#+ *", ""))).append('\n');
                continue;
            }
            if (line.startsWith("- ") || line.startsWith("* ") || line.matches("^\\d+\\. .*")) flush(para, out);
            if (para.length() > 0) para.append(' ');
            para.append(line.strip());
        }
        flush(para, out);
        return out.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    private static void flush(StringBuilder para, StringBuilder out) {
        if (para.length() == 0) return;
        String text = inline(para.toString());
        Matcher item = Pattern.compile("^([-*]|\\d+\\.) ").matcher(text);
        String hang = item.find() ? " ".repeat(item.group().length()) : "";
        out.append(String.join("\n", HelpText.fill(text, HelpText.WIDTH, "", hang))).append('\n');
        para.setLength(0);
    }

    private static String inline(String s) {
        return LINK.matcher(s).replaceAll("$1 ($2)").replace("**", "").replace("`", "");
    }
}
