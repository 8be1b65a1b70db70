package dev.aether.core.budget;

/**
 * Immutable. A place in user code where a budget check was woven: a method entry or a backward branch.
 *
 * @param className  binary name of the class ({@code REPL.$JShell$12$Spin})
 * @param methodName the method ({@code process}, {@code <init>})
 * @param line       source line, or 0 when the class has no line table
 */
public record CodeSite(String className, String methodName, int line) {
    /** {@code Spin.process, line 7}: the simple class name as the person wrote it. */
    public String describe() {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        simple = simple.replaceFirst("^\\$JShell\\$\\d+[A-Z]*\\$", "");
        return simple + "." + methodName + (line > 0 ? ", line " + line : "");
    }
}
