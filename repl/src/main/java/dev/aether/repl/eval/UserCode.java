package dev.aether.repl.eval;

import dev.aether.core.AnyThread;
import java.util.Optional;

/**
 * Any thread: finds what the user code on the calling thread's stack belongs to. Each shell's classes are
 * defined by their own {@link UserClassLoader}, which holds its owner (the live session); the innermost frame
 * of a class from such a loader names the session of the code that made the call, whatever thread runs it
 * (the evaluation worker, or a thread the user started). Several shells in one JVM so stay apart.
 */
@AnyThread
public final class UserCode {
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private UserCode() {}

    /** The owner of the innermost user-code frame on this thread's stack, or null when no user code called. */
    public static Object callerOwner() {
        Optional<Object> owner = WALKER.walk(frames -> frames
                .map(f -> f.getDeclaringClass().getClassLoader())
                .filter(l -> l instanceof UserClassLoader)
                .map(l -> ((UserClassLoader) l).owner())
                .filter(o -> o != null)
                .findFirst());
        return owner.orElse(null);
    }
}
