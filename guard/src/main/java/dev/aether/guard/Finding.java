package dev.aether.guard;

/**
 * One thing a {@code @RealtimeSafe} method does that the audio thread must not do, found in its bytecode.
 *
 * @param className  binary class name with dots ({@code dev.aether.nodes.Foo$Inner})
 * @param methodName the method the instruction is in
 * @param descriptor the method's JVM descriptor, to tell overloads apart
 * @param line       source line from the class's LineNumberTable, or -1 when the class has none
 * @param kind       which real-time rule the instruction breaks
 * @param message    a sentence saying what the code does and what to do instead
 * @param sourceFile the class's source file name ({@code Foo.java}), or null when the class file does not say
 * @param callee     for a call into a method that is not {@code @RealtimeSafe}: the binary name of the class that
 *                   declares it ({@code dev.aether.repl.userapi.Prelude}); null for every other finding
 */
public record Finding(String className, String methodName, String descriptor, int line, Kind kind, String message,
                      String sourceFile, String callee) {

    /** The rule a finding breaks. */
    public enum Kind {
        /** {@code new}, an array creation or {@code clone()}: may trigger a GC or take the TLAB refill lock. */
        ALLOCATION,
        /** A monitor, a {@code synchronized} method, a lock or a blocking call. */
        LOCK,
        /** I/O or logging: a write can block on the disk or the terminal. */
        IO,
        /** String concatenation or a {@code StringBuilder}: allocates; usually logging on the audio thread. */
        STRING_BUILDING,
        /** A primitive boxed ({@code Integer.valueOf}) or unboxed: the box is an allocation somewhere. */
        BOXING,
        /** An {@code invokedynamic} (a lambda, a method reference): links on first run, captures allocate. */
        INVOKEDYNAMIC,
        /** A call into a method that is neither {@code @RealtimeSafe} nor on the JDK allow-list. */
        CALL,
        /** A use of a synthetic class (an enum switch's map) that the JVM loads on first use, on the audio thread. */
        CLASS_LOADING;

        /** Lower case, as printed: {@code string building}, {@code i/o}. */
        public String label() {
            return this == IO ? "i/o" : name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    /** {@code Foo.java:12: process(ProcessContext): allocation: allocates ...}, like a compiler warning. */
    @Override public String toString() {
        String where = (sourceFile != null ? sourceFile : className) + ":" + (line >= 0 ? line : "?");
        return where + ": " + className + "." + methodName + ": " + kind.label() + ": " + message;
    }
}
