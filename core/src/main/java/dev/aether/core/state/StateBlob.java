package dev.aether.core.state;

import dev.aether.core.ControlThread;
import dev.aether.core.NodeState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Base64;

/**
 * Immutable; control thread. A state value as opaque bytes (Java serialization): what {@link StateCodec} writes
 * for a value that is not plain data, and how files of the first session format stored every state. Reading finds
 * classes through {@link SavedClassNames}, so a user class saved under one JShell name is read as the class now
 * behind its simple name.
 */
@ControlThread
public final class StateBlob {
    private final String type;
    private final byte[] bytes;

    private StateBlob(String type, byte[] bytes) {
        this.type = type;
        this.bytes = bytes;
    }

    /** Serializes {@code value} (a {@link NodeState} or a value inside one). */
    public static StateBlob of(Serializable value) {
        try (ByteArrayOutputStream b = new ByteArrayOutputStream(); ObjectOutputStream o = new ObjectOutputStream(b)) {
            o.writeObject(value);
            o.flush();
            return new StateBlob(value.getClass().getName(), b.toByteArray());
        } catch (IOException e) {
            throw new IllegalArgumentException("state " + value.getClass().getName()
                    + " cannot be serialized (" + e.getMessage() + "); make every field of the state record serializable", e);
        }
    }

    /** Reads a blob written by {@link #toBase64()}; {@code type} names what it holds (for messages). */
    public static StateBlob fromBase64(String type, String base64) {
        return new StateBlob(type, Base64.getDecoder().decode(base64));
    }

    /** The state again, with classes resolved through {@code loader}. */
    public NodeState toState(ClassLoader loader) { return toState(SavedClassNames.of(loader)); }

    /** The state again, with classes resolved through {@code names}. */
    public NodeState toState(SavedClassNames names) {
        Object o = toValue(names);
        if (o instanceof NodeState s) return s;
        throw new IllegalArgumentException("saved state " + type + " is a " + o.getClass().getName() + ", not a NodeState");
    }

    /** The value again, with classes resolved through {@code names}. */
    public Object toValue(SavedClassNames names) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
            @Override protected ObjectStreamClass readClassDescriptor() throws IOException, ClassNotFoundException {
                ObjectStreamClass d = super.readClassDescriptor();
                Class<?> now = names.classNamed(d.getName());
                if (now == null) throw new ClassNotFoundException(d.getName());
                if (now.getName().equals(d.getName())) return d;
                ObjectStreamClass renamed = ObjectStreamClass.lookup(now);
                return renamed != null ? renamed : d;
            }

            @Override protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                try {
                    Class<?> k = names.classNamed(desc.getName());
                    if (k != null) return k;
                } catch (ClassNotFoundException e) {
                    // a primitive type or a class only the default lookup finds
                }
                return super.resolveClass(desc);
            }
        }) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalArgumentException("saved state " + type + " cannot be read (" + e
                    + "); has the node's State record or an enum it uses changed since it was saved?", e);
        }
    }

    public String type() { return type; }
    public String toBase64() { return Base64.getEncoder().encodeToString(bytes); }
    public int size() { return bytes.length; }

    @Override public boolean equals(Object o) {
        return o instanceof StateBlob s && s.type.equals(type) && Arrays.equals(s.bytes, bytes);
    }
    @Override public int hashCode() { return type.hashCode() * 31 + Arrays.hashCode(bytes); }
}
