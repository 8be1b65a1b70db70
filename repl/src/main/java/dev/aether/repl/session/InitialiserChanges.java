package dev.aether.repl.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Any thread (pure functions). Which field initialisers of a class changed between two versions of its source:
 * a small token walk over the field declarations of the class body (nested types, methods, constructors and
 * initialiser blocks are skipped; comments and whitespace do not count). A hot swap gives the fields named here the
 * new source's value and carries the others' state.
 *
 * <p>{@code double drive = 6;} to {@code double drive = 20;} is a change of {@code drive}; so is adding or removing
 * an initialiser ({@code long blocks;} to {@code long blocks = 100;}). A field declared in only one version is
 * not a change (nothing is carried into a new field anyway).
 */
public final class InitialiserChanges {
    private InitialiserChanges() {}

    /** The fields declared in both sources whose initialiser differs, in the new source's order. */
    public static Set<String> between(String oldSource, String newSource) {
        Map<String, List<String>> before = initialisers(oldSource), after = initialisers(newSource);
        Set<String> changed = new LinkedHashSet<>();
        for (Map.Entry<String, List<String>> f : after.entrySet()) {
            List<String> was = before.get(f.getKey());
            if (was != null && !was.equals(f.getValue())) changed.add(f.getKey());
        }
        return changed;
    }

    /**
     * The fields declared directly in the (first) class body of {@code source}, by name, each with the tokens of its
     * initialiser (empty when it has none).
     */
    public static Map<String, List<String>> initialisers(String source) {
        List<String> tokens = tokens(source);
        Map<String, List<String>> fields = new LinkedHashMap<>();
        int i = 0;
        while (i < tokens.size() && !tokens.get(i).equals("{")) i++;   // the class body's brace
        i++;
        List<String> member = new ArrayList<>();
        while (i < tokens.size()) {
            String t = tokens.get(i);
            if (t.equals("}") && member.isEmpty()) break;                   // end of the class body
            if (t.equals("@") && member.stream().noneMatch("="::equals)) {  // an annotation: skipped
                i = skipAnnotation(tokens, i);
                continue;
            }
            if (t.equals(";")) {
                declarators(member, fields);
                member.clear();
                i++;
            } else if (t.equals("{") && !member.contains("=")) {            // a body: method, constructor, type, block
                i = skipBlock(tokens, i);
                member.clear();
            } else if (t.equals("{") || t.equals("(") || t.equals("[")) {   // inside an initialiser or a signature
                int end = skipBlock(tokens, i);
                member.addAll(tokens.subList(i, end));
                i = end;
            } else {
                member.add(t);
                i++;
            }
        }
        return fields;
    }

    /** Adds the declarators of one member ending in ';' when it declares fields (not a method without a body). */
    private static void declarators(List<String> member, Map<String, List<String>> fields) {
        int firstEquals = member.indexOf("=");
        int firstParen = member.indexOf("(");
        if (firstParen >= 0 && (firstEquals < 0 || firstParen < firstEquals)) return;   // a method signature
        if (member.contains("static")) return;                                       // not instance state
        int angle = 0, depth = 0;
        String name = null;
        List<String> init = null;
        for (String t : member) {
            if (init == null) {
                if (t.equals("<")) angle++;
                else if (t.equals(">")) angle--;
                else if (t.equals("=")) init = new ArrayList<>();
                else if (t.equals(",") && angle == 0) {
                    if (name != null) fields.put(name, List.of());
                    name = null;
                } else if (isIdentifier(t)) name = t;
            } else if (t.equals(",") && depth == 0) {   // the end of this declarator's initialiser
                if (name != null) fields.put(name, init);
                name = null;
                init = null;
            } else {
                if (t.equals("(") || t.equals("[") || t.equals("{")) depth++;
                else if (t.equals(")") || t.equals("]") || t.equals("}")) depth--;
                init.add(t);
            }
        }
        if (name != null) fields.put(name, init == null ? List.of() : init);
    }

    private static boolean isIdentifier(String t) {
        return Character.isJavaIdentifierStart(t.charAt(0));
    }

    /** The index after the bracket group that opens at {@code i} ((), [] or {}). */
    private static int skipBlock(List<String> tokens, int i) {
        int depth = 0;
        for (; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.equals("{") || t.equals("(") || t.equals("[")) depth++;
            else if (t.equals("}") || t.equals(")") || t.equals("]")) {
                if (--depth == 0) return i + 1;
            }
        }
        return i;
    }

    private static int skipAnnotation(List<String> tokens, int i) {
        i += 2;                                                 // '@' and the first part of the name
        while (i + 1 < tokens.size() && tokens.get(i).equals(".")) i += 2;
        if (i < tokens.size() && tokens.get(i).equals("(")) i = skipBlock(tokens, i);
        return i;
    }

    /** Java tokens: identifiers and numbers whole, string, text-block and char literals whole, other characters one by one. */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (s.startsWith("//", i)) {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                int stop = end < 0 ? n : end + 3;
                out.add(s.substring(i, stop));
                i = stop;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && s.charAt(j) != c && s.charAt(j) != '\n') j += s.charAt(j) == '\\' ? 2 : 1;
                int stop = Math.min(n, j + 1);
                out.add(s.substring(i, stop));
                i = stop;
            } else if (Character.isJavaIdentifierPart(c)) {
                int j = i;
                while (j < n && (Character.isJavaIdentifierPart(s.charAt(j))
                        || Character.isDigit(c) && s.charAt(j) == '.')) j++;
                out.add(s.substring(i, j));
                i = j;
            } else {
                out.add(String.valueOf(c));
                i++;
            }
        }
        return out;
    }
}
