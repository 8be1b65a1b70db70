package dev.aether.core.state;

import dev.aether.core.ControlThread;
import dev.aether.core.NodeState;
import java.io.Serializable;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Control thread. The one codec between node state and data a file can hold: {@link NodeState} records (and user
 * nodes' plain field values) become a tree of plain values, and back.
 *
 * <p>The data: {@code null}, {@link Boolean}, {@link Number}, {@link String} (also enum constants by name, chars,
 * and {@code "NaN"}/{@code "Infinity"}/{@code "-Infinity"} for doubles and floats), {@link List} (arrays) and
 * {@link Map} with string keys (records: one entry per component, by name). A record whose class is not the
 * declared one (a {@code NodeState} field, the top-level state) carries its class in {@value #TYPE}. A value that
 * is none of these is kept opaque: {@code {"@type": class, "@serialized": base64}} through {@link StateBlob}.
 * Numbers come back as the declared component type; a {@link BigDecimal} is rounded once, so a float saved as
 * its shortest decimal comes back bit-exact.
 */
@ControlThread
public final class StateCodec {
    /** The key naming a record's or opaque value's class. */
    public static final String TYPE = "@type";
    /** The key holding an opaque value's serialized bytes in base64. */
    public static final String SERIALIZED = "@serialized";

    private final SavedClassNames names;

    public StateCodec(SavedClassNames names) { this.names = names; }

    /** {@code state} as data: a map with {@value #TYPE}. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> toData(NodeState state) { return (Map<String, Object>) encode(state, NodeState.class); }

    /** A state written by {@link #toData}. */
    public NodeState toState(Map<String, Object> data) { return (NodeState) decode(data, NodeState.class); }

    /** A plain value (primitive, boxed, string, enum, array, record) as data, its own class declared. */
    public Object toData(Object value) {
        if (value == null) return null;
        Class<?> k = value instanceof Enum<?> e ? e.getDeclaringClass() : value.getClass();
        return encode(value, k);
    }

    /** {@code data} as a value of {@code type} (a primitive type gives its boxed value). */
    public Object toValue(Object data, Class<?> type) { return decode(data, type); }

    private Object encode(Object v, Class<?> declared) {
        if (v == null) return null;
        Class<?> k = v.getClass();
        Class<?> d = box(declared);
        if (k == d) {
            if (v instanceof Double x) return Double.isFinite(x) ? x : x.toString();
            if (v instanceof Float x) return Float.isFinite(x) ? x : x.toString();
            if (v instanceof Number || v instanceof Boolean || v instanceof String) return v;
            if (v instanceof Character c) return c.toString();
        }
        if (v instanceof Enum<?> e && e.getDeclaringClass() == declared) return e.name();
        if (k.isArray() && k == declared) {
            int n = Array.getLength(v);
            List<Object> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) list.add(encode(Array.get(v, i), k.getComponentType()));
            return Collections.unmodifiableList(list);
        }
        if (k.isRecord()) {
            Map<String, Object> map = new LinkedHashMap<>();
            if (k != declared) map.put(TYPE, names.nameOf(k));
            for (RecordComponent c : k.getRecordComponents()) {
                map.put(c.getName(), encode(component(c, v), c.getType()));
            }
            return Collections.unmodifiableMap(map);
        }
        if (!(v instanceof Serializable s)) {
            throw new IllegalArgumentException(k.getName() + " in a node's state cannot be saved: it is neither data "
                    + "(numbers, strings, enums, arrays, records) nor Serializable");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(TYPE, names.nameOf(k));
        map.put(SERIALIZED, StateBlob.of(s).toBase64());
        return Collections.unmodifiableMap(map);
    }

    private static Object component(RecordComponent c, Object record) {
        try {
            Method m = c.getAccessor();
            m.setAccessible(true);
            return m.invoke(record);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read " + c.getName() + " of " + record.getClass().getName(), e);
        }
    }

    private Object decode(Object data, Class<?> target) {
        if (data == null) {
            if (target.isPrimitive()) throw new IllegalArgumentException("saved state has no value for a " + target);
            return null;
        }
        if (data instanceof Map<?, ?> map) return decodeMap(map, target);
        Class<?> t = box(target);
        if (Number.class.isAssignableFrom(t) && t.getName().startsWith("java.lang.")) return number(data, t);
        if (t == Boolean.class && data instanceof Boolean) return data;
        if (t == String.class && data instanceof String) return data;
        if (t == Character.class && data instanceof String s && s.length() == 1) return s.charAt(0);
        if (t.isEnum() && data instanceof String s) return enumConstant(t, s);
        if (t.isArray() && data instanceof List<?> list) {
            Object a = Array.newInstance(t.getComponentType(), list.size());
            for (int i = 0; i < list.size(); i++) Array.set(a, i, decode(list.get(i), t.getComponentType()));
            return a;
        }
        throw new IllegalArgumentException("saved value " + abbreviate(data) + " does not fit a " + target.getName());
    }

    private Object decodeMap(Map<?, ?> map, Class<?> target) {
        Object type = map.get(TYPE);
        Class<?> k = target;
        if (type != null) {
            try {
                k = names.classNamed(type.toString());
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException("saved state names class " + type + ", which is not defined", e);
            }
            if (k == null) throw new IllegalArgumentException("saved state names class " + type + ", which is not defined");
        }
        Object serialized = map.get(SERIALIZED);
        if (serialized != null) {
            Object v = StateBlob.fromBase64(String.valueOf(type), serialized.toString()).toValue(names);
            if (v != null && !box(target).isInstance(v)) {
                throw new IllegalArgumentException("saved value " + v.getClass().getName() + " does not fit a " + target.getName());
            }
            return v;
        }
        if (!k.isRecord() || !box(target).isAssignableFrom(k)) {
            throw new IllegalArgumentException("saved state of type " + k.getName() + " does not fit a " + target.getName());
        }
        RecordComponent[] cs = k.getRecordComponents();
        Object[] args = new Object[cs.length];
        Class<?>[] types = new Class<?>[cs.length];
        for (int i = 0; i < cs.length; i++) {
            if (!map.containsKey(cs[i].getName())) {
                throw new IllegalArgumentException("saved state of " + k.getSimpleName() + " has no " + cs[i].getName()
                        + "; the record has changed since it was saved");
            }
            types[i] = cs[i].getType();
            args[i] = decode(map.get(cs[i].getName()), types[i]);
        }
        if (map.size() - (type != null ? 1 : 0) != cs.length) {
            throw new IllegalArgumentException("saved state of " + k.getSimpleName() + " has components " + map.keySet()
                    + " the record does not; the record has changed since it was saved");
        }
        try {
            Constructor<?> c = k.getDeclaredConstructor(types);
            c.setAccessible(true);
            return c.newInstance(args);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot make " + k.getName() + " from saved state (" + e + ")", e);
        }
    }

    private static Object number(Object data, Class<?> t) {
        if (data instanceof String s && (t == Double.class || t == Float.class)) {
            double x = Double.parseDouble(s);                              // NaN, Infinity, -Infinity
            return t == Double.class ? (Object) x : (Object) (float) x;
        }
        if (!(data instanceof Number n)) throw new IllegalArgumentException("saved value " + abbreviate(data) + " is not a number");
        if (t == Double.class) return n.doubleValue();
        if (t == Float.class) return n instanceof BigDecimal b ? b.floatValue() : n instanceof Double ? Float.parseFloat(n.toString()) : n.floatValue();
        if (t == Long.class) return n instanceof BigDecimal b ? b.longValueExact() : n.longValue();
        if (t == Integer.class) return n instanceof BigDecimal b ? b.intValueExact() : n.intValue();
        if (t == Short.class) return n.shortValue();
        return n.byteValue();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> t, String name) {
        try {
            return Enum.valueOf((Class) t, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(t.getSimpleName() + " has no constant " + name + " any more", e);
        }
    }

    private static String abbreviate(Object data) {
        String s = String.valueOf(data);
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static Class<?> box(Class<?> k) {
        if (!k.isPrimitive()) return k;
        if (k == double.class) return Double.class;
        if (k == float.class) return Float.class;
        if (k == int.class) return Integer.class;
        if (k == long.class) return Long.class;
        if (k == boolean.class) return Boolean.class;
        if (k == short.class) return Short.class;
        if (k == byte.class) return Byte.class;
        if (k == char.class) return Character.class;
        return Void.class;
    }
}
