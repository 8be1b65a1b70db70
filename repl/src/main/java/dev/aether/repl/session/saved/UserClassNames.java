package dev.aether.repl.session.saved;

import dev.aether.core.state.SavedClassNames;
import java.util.function.Function;

/**
 * Control thread. Saved class names in a console: a user class is named by its simple name ({@code Fuzz$State}
 * for JShell's {@code REPL.$JShell$11$Fuzz$State}) and read back as the class now behind that name; library
 * classes keep their binary names.
 */
public final class UserClassNames implements SavedClassNames {
    /** The package and prefix JShell gives user classes. */
    static final String USER_PREFIX = "REPL.$JShell$";

    private final Function<String, Class<?>> userClasses;

    /** @param userClasses the newest class for a user type's simple name (null when unknown) */
    public UserClassNames(Function<String, Class<?>> userClasses) { this.userClasses = userClasses; }

    /** For writing only: reading a user class fails. */
    public static UserClassNames forWriting() { return new UserClassNames(name -> null); }

    static boolean isUserClass(Class<?> k) { return k.getName().startsWith(USER_PREFIX); }

    /** {@code REPL.$JShell$11$Fuzz$State} → {@code Fuzz$State}. */
    static String userName(String binaryName) {
        int i = USER_PREFIX.length();
        while (i < binaryName.length() && binaryName.charAt(i) != '$') i++;
        return binaryName.substring(i + 1);
    }

    @Override public String nameOf(Class<?> k) { return isUserClass(k) ? userName(k.getName()) : k.getName(); }

    @Override public Class<?> classNamed(String name) throws ClassNotFoundException {
        if (name.startsWith(USER_PREFIX)) return userClass(userName(name));
        if (!name.contains(".") && !name.startsWith("[")) return userClass(name);
        return Class.forName(name, false, UserClassNames.class.getClassLoader());
    }

    /** The class now behind a user type's simple name ({@code Fuzz} or a nested {@code Fuzz$State}). */
    public Class<?> userClass(String name) throws ClassNotFoundException {
        int dollar = name.indexOf('$');
        String top = dollar < 0 ? name : name.substring(0, dollar);
        Class<?> k = userClasses.apply(top);
        if (k == null) throw new ClassNotFoundException("class " + top + " is not defined");
        if (dollar < 0) return k;
        return Class.forName(k.getName() + name.substring(dollar), false, k.getClassLoader());
    }
}
