package dev.aether.repl.session;

import dev.aether.core.DspNode;
import dev.aether.repl.userapi.Chain;
import dev.aether.repl.userapi.Prelude;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Control thread. Makes a node again: by the prelude call that made it ({@code lowpass(900)}) or else its class's
 * no-argument constructor. What {@code :open} uses for the nodes of a saved session.
 */
public final class NodeRemaker {
    private NodeRemaker() {}

    /** A node of class {@code k} from its no-argument constructor. */
    public static DspNode construct(Class<?> k) throws ReflectiveOperationException {
        Constructor<?> c = k.getDeclaredConstructor();
        c.setAccessible(true);
        return (DspNode) c.newInstance();
    }

    /** Calls a prelude creation function written as {@code name(1.5, 2, "tanh")}. */
    public static DspNode callPrelude(String call) throws ReflectiveOperationException {
        int open = call.indexOf('(');
        if (open < 0 || !call.endsWith(")")) throw new IllegalArgumentException("not a call: " + call);
        String name = call.substring(0, open);
        List<String> args = new ArrayList<>();
        String inner = call.substring(open + 1, call.length() - 1).strip();
        if (!inner.isEmpty()) for (String a : inner.split(",")) args.add(a.strip());
        for (Method m : Prelude.class.getMethods()) {
            if (!m.getName().equals(name) || !Modifier.isStatic(m.getModifiers()) || m.getReturnType() != Chain.class) continue;
            Class<?>[] t = m.getParameterTypes();
            boolean varargs = m.isVarArgs();
            if (varargs ? args.size() < t.length - 1 : args.size() != t.length) continue;
            Object[] values = new Object[t.length];
            boolean ok = true;
            for (int i = 0; i < t.length && ok; i++) {
                if (varargs && i == t.length - 1) {
                    double[] rest = new double[args.size() - i];
                    for (int j = 0; j < rest.length; j++) rest[j] = Double.parseDouble(args.get(i + j));
                    values[i] = rest;
                } else {
                    String a = args.get(i);
                    boolean quoted = a.startsWith("\"");
                    if (t[i] == String.class && quoted) values[i] = a.substring(1, a.length() - 1);
                    else if (t[i] == double.class && !quoted) values[i] = Double.parseDouble(a);
                    else if (t[i] == int.class && !quoted) values[i] = (int) Double.parseDouble(a);
                    else ok = false;
                }
            }
            if (ok) return ((Chain) m.invoke(null, values)).node();
        }
        throw new IllegalArgumentException("no prelude function matches " + call);
    }
}
