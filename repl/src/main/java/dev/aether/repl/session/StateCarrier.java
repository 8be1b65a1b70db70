package dev.aether.repl.session;

import dev.aether.core.DspNode;
import dev.aether.core.NodeState;
import dev.aether.core.Port;
import dev.aether.core.param.SmoothedParam;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Session thread (hot swaps), or the prompt thread for {@code :response}; never the audio thread.
 * Carries a live node's state into an instance of its redefined class, before the new instance sounds.
 *
 * <ol>
 *   <li>Fields with the same name and type are copied: primitives, boxed values, strings and enums; primitive
 *       arrays as copies (old and new instance run side by side during the crossfade, so nothing mutable is
 *       shared). Final fields are copied only when they are arrays (delay lines, tables). Ports are never
 *       copied; a parameter carries its value.</li>
 *   <li>Then, where the old class defines {@code saveState}, its state goes to the new {@code restoreState};
 *       a state record declared inside the old class is rebuilt as the new class's record of the same name
 *       when their components match by name and type.</li>
 * </ol>
 * Control thread. Reads the old instance while it may still be rendering; fields are read once each.
 */
public final class StateCarrier {
    private StateCarrier() {}

    /**
     * What a swap did with the fields, for its message: {@code fields} carried from the old instance,
     * {@code fromNewSource} left as the new source initialises them (their initialiser changed).
     */
    public record Carried(List<String> fields, List<String> fromNewSource, boolean stateRestored) {
        /** "carried: phase, blocks; from the new source: drive" (each part only when it names something). */
        @Override public String toString() {
            String f = "carried: " + (fields.isEmpty() ? "no fields" : String.join(", ", fields));
            if (!fromNewSource.isEmpty()) f += "; from the new source: " + String.join(", ", fromNewSource);
            return f + (stateRestored ? "; saveState/restoreState" : "");
        }
    }

    /** Carries every carried field of {@code from} into {@code to} (undo, {@code :response}). */
    public static Carried carry(DspNode from, DspNode to) { return carry(from, to, java.util.Set.of()); }

    /**
     * Carries the fields of {@code from} into {@code to}, except those named in {@code fromNewSource} (whose
     * initialiser changed, see {@link InitialiserChanges}): they keep the value the new class gave them.
     */
    public static Carried carry(DspNode from, DspNode to, java.util.Set<String> fromNewSource) {
        Map<String, Field> source = fieldsByName(from.getClass());
        List<String> copied = new ArrayList<>(), fresh = new ArrayList<>();
        for (Field target : fieldsByName(to.getClass()).values()) {
            Field f = source.get(target.getName());
            if (f == null || f.getType() != target.getType()) continue;
            if (fromNewSource.contains(target.getName())) {
                fresh.add(target.getName());
                continue;
            }
            try {
                if (copyField(f, from, target, to)) copied.add(target.getName());
            } catch (ReflectiveOperationException | RuntimeException e) {
                // a field we cannot write stays as the new class initialised it
            }
        }
        boolean restored = false;
        if (definesSaveState(from.getClass())) {
            NodeState s = from.saveState();
            if (s != null) {
                to.restoreState(translate(s, to.getClass()));
                restored = true;
            }
        }
        return new Carried(copied, fresh, restored);
    }

    private static boolean copyField(Field f, Object from, Field target, Object to)
            throws ReflectiveOperationException {
        Class<?> t = f.getType();
        if (Port.class.isAssignableFrom(t)) return false;
        if (t == SmoothedParam.class) {
            SmoothedParam a = (SmoothedParam) f.get(from), b = (SmoothedParam) target.get(to);
            if (a == null || b == null || !a.name().equals(b.name())) return false;
            b.reset(a.get());
            return true;
        }
        if (!isCarried(f)) return false;
        return write(target, to, read(f, from));
    }

    /**
     * The plain fields of {@code node} that a redefinition carries (primitives, boxed values, strings, enums,
     * primitive arrays; not ports or parameters), by name, arrays copied. What {@code :save} keeps of a user node.
     */
    public static Map<String, Object> plainFields(DspNode node) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field f : fieldsByName(node.getClass()).values()) {
            if (!isCarried(f)) continue;
            try {
                values.put(f.getName(), read(f, node));
            } catch (ReflectiveOperationException | RuntimeException e) {
                // unreadable: left out
            }
        }
        return values;
    }

    /** The types of the fields {@link #plainFields} reads on an instance of {@code node}'s class, by name. */
    public static Map<String, Class<?>> plainFieldTypes(DspNode node) {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        for (Field f : fieldsByName(node.getClass()).values()) if (isCarried(f)) types.put(f.getName(), f.getType());
        return types;
    }

    /** Writes {@code values} (from {@link #plainFields}) into the fields of {@code node} with the same name and type. */
    public static List<String> restorePlainFields(DspNode node, Map<String, Object> values) {
        List<String> written = new ArrayList<>();
        Map<String, Field> fields = fieldsByName(node.getClass());
        for (Map.Entry<String, Object> v : values.entrySet()) {
            Field f = fields.get(v.getKey());
            if (f == null || !isCarried(f) || !fits(f.getType(), v.getValue())) continue;
            try {
                if (write(f, node, v.getValue())) written.add(f.getName());
            } catch (ReflectiveOperationException | RuntimeException e) {
                // a field we cannot write stays as the class initialised it
            }
        }
        return written;
    }

    private static boolean isCarried(Field f) {
        Class<?> t = f.getType();
        if (t.isArray()) return t.getComponentType().isPrimitive();
        return !Modifier.isFinal(f.getModifiers()) && isValueType(t);
    }

    private static boolean fits(Class<?> type, Object value) {
        if (value == null) return !type.isPrimitive();
        if (type.isPrimitive()) return java.lang.invoke.MethodType.methodType(type).wrap().returnType() == value.getClass();
        return type == value.getClass() || type.isEnum() && type == value.getClass().getDeclaringClass();
    }

    private static Object read(Field f, Object from) throws ReflectiveOperationException {
        Object value = f.get(from);
        return f.getType().isArray() ? copyArray(value) : value;
    }

    /** Writes a carried value; an array goes into the target's own array when the lengths match. */
    private static boolean write(Field target, Object to, Object value) throws ReflectiveOperationException {
        if (target.getType().isArray()) {
            Object existing = target.get(to);
            if (existing != null && value != null && java.lang.reflect.Array.getLength(existing)
                    == java.lang.reflect.Array.getLength(value)) {
                System.arraycopy(value, 0, existing, 0, java.lang.reflect.Array.getLength(value));
                return true;
            }
        }
        target.set(to, value);
        return true;
    }

    private static boolean isValueType(Class<?> t) {
        return t.isPrimitive() || t == String.class || t.isEnum() || Number.class.isAssignableFrom(t)
                && t.getName().startsWith("java.lang.") || t == Boolean.class || t == Character.class;
    }

    private static Object copyArray(Object a) {
        if (a == null) return null;
        int n = java.lang.reflect.Array.getLength(a);
        Object c = java.lang.reflect.Array.newInstance(a.getClass().getComponentType(), n);
        System.arraycopy(a, 0, c, 0, n);
        return c;
    }

    private static Map<String, Field> fieldsByName(Class<?> k) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Class<?> c = k; c != null && c != Object.class && !c.getName().startsWith("java."); c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic() || fields.containsKey(f.getName())) continue;
                if (f.trySetAccessible()) fields.put(f.getName(), f);
            }
        }
        return fields;
    }

    private static boolean definesSaveState(Class<?> k) {
        try {
            Method m = k.getMethod("saveState");
            return m.getDeclaringClass() != DspNode.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /**
     * {@code state} as an instance of the same-named record nested in {@code target}'s class (when the record
     * was itself redefined), else {@code state} unchanged.
     */
    static NodeState translate(NodeState state, Class<?> target) {
        Class<?> sk = state.getClass();
        if (!sk.isRecord()) return state;
        for (Class<?> nested : target.getDeclaredClasses()) {
            if (nested == sk) return state;
            if (!nested.isRecord() || !nested.getSimpleName().equals(sk.getSimpleName())
                    || !NodeState.class.isAssignableFrom(nested)) continue;
            NodeState rebuilt = rebuild(state, nested);
            if (rebuilt != null) return rebuilt;
        }
        return state;
    }

    private static NodeState rebuild(NodeState state, Class<?> to) {
        RecordComponent[] src = state.getClass().getRecordComponents(), dst = to.getRecordComponents();
        if (src.length != dst.length) return null;
        Object[] args = new Object[dst.length];
        Class<?>[] types = new Class<?>[dst.length];
        try {
            for (int i = 0; i < dst.length; i++) {
                if (!src[i].getName().equals(dst[i].getName()) || src[i].getType() != dst[i].getType()) return null;
                Method acc = src[i].getAccessor();
                acc.setAccessible(true);
                args[i] = acc.invoke(state);
                types[i] = dst[i].getType();
            }
            Constructor<?> c = to.getDeclaredConstructor(types);
            c.setAccessible(true);
            return (NodeState) c.newInstance(args);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
