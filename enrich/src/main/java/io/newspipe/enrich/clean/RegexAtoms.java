package io.newspipe.enrich.clean;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a regular expression one atom at a time, as {@link java.util.regex.Pattern} reads it: a literal character
 * or quoted text, a small class of listed characters, a group and where its body lies, or any other construct; and
 * the quantifier after it. A construct it does not know (a hexadecimal escape, a back reference, comments mode)
 * throws {@link UnknownConstruct}, so that {@link RequiredLiterals} gives no anchors rather than wrong ones.
 */
final class RegexAtoms {

    private static final int MAX_CLASS_CHARACTERS = 8;

    /** Thrown inside the reader for a construct it does not know; {@link RequiredLiterals#of} then gives no anchors. */
    static final class UnknownConstruct extends RuntimeException {
        UnknownConstruct() {
            super(null, null, false, false);
        }
    }

    /**
     * One atom of a sequence: literal text, a group's body, a small character class (its characters), a digit
     * ({@code \\d}), or something else that matches or consumes.
     */
    record Atom(int end, String literal, int bodyStart, int bodyEnd, List<String> characters, boolean digit) {

        static Atom literal(int end, String text) {
            return new Atom(end, text, -1, -1, List.of(), false);
        }

        static Atom group(int end, int bodyStart, int bodyEnd) {
            return new Atom(end, null, bodyStart, bodyEnd, List.of(), false);
        }

        static Atom characters(int end, List<String> characters) {
            return new Atom(end, null, -1, -1, characters, false);
        }

        /** {@code \\d}: one digit. */
        static Atom digit(int end) {
            return new Atom(end, null, -1, -1, List.of(), true);
        }

        /** Anything else, consuming or zero-width (a class, {@code .}, {@code \\b}, a lookaround): no literal. */
        static Atom other(int end) {
            return new Atom(end, null, -1, -1, List.of(), false);
        }

        boolean isGroup() {
            return bodyStart >= 0;
        }
    }

    /** A quantifier after an atom: whether there is one, whether it allows zero repetitions, and where it ends. */
    record Quantifier(boolean present, boolean optional, int end) {
    }

    private final String regex;

    RegexAtoms(String regex) {
        this.regex = regex;
    }

    /** The atom that starts at {@code pos}, reading no further than {@code to}. */
    Atom atom(int pos, int to) {
        char c = regex.charAt(pos);
        return switch (c) {
            case '\\' -> escape(pos, to);
            case '[' -> characterClass(pos, to);
            case '(' -> group(pos, to);
            case '.', '^', '$' -> Atom.other(pos + 1);
            case ')', '*', '+', '?', '{' -> throw new UnknownConstruct();
            default -> Atom.literal(pos + 1, String.valueOf(c));
        };
    }

    /**
     * A class of at most {@link #MAX_CLASS_CHARACTERS} listed characters ({@code [-–—]}, {@code [|:]}) gives each
     * as a literal; a negated class, a range, a nested class or an escape other than punctuation gives none.
     */
    private Atom characterClass(int pos, int to) {
        int close = classEnd(pos, to);
        List<String> characters = new ArrayList<>();
        for (int i = pos + 1; i < close; i++) {
            char c = regex.charAt(i);
            if (c == '\\' && !Character.isLetterOrDigit(regex.charAt(i + 1))) {
                c = regex.charAt(++i);
            } else if (c == '\\' || c == '[' || c == '&' || (c == '^' && i == pos + 1)
                    || (c == '-' && i > pos + 1 && i + 1 < close)) {
                return Atom.other(close + 1);
            }
            characters.add(String.valueOf(c));
        }
        return characters.isEmpty() || characters.size() > MAX_CLASS_CHARACTERS ? Atom.other(close + 1)
                : Atom.characters(close + 1, List.copyOf(characters));
    }

    private Atom escape(int pos, int to) {
        if (pos + 1 >= to) {
            throw new UnknownConstruct();
        }
        char n = regex.charAt(pos + 1);
        if (n == 'Q') {
            int close = regex.indexOf("\\E", pos + 2);
            int end = close < 0 || close > to ? to : close;
            String quoted = regex.substring(pos + 2, end);
            return quoted.isEmpty() ? Atom.other(Math.min(to, end + 2))
                    : Atom.literal(Math.min(to, end + 2), quoted);
        }
        if (!Character.isLetterOrDigit(n)) {
            return Atom.literal(pos + 2, String.valueOf(n));
        }
        if (n == 'd') {
            return Atom.digit(pos + 2);
        }
        if ("sSdDwWhHvVRbBAzZG".indexOf(n) >= 0) {
            return Atom.other(pos + 2); // a character class or a boundary
        }
        if (n == 'p' || n == 'P') {
            if (pos + 2 < to && regex.charAt(pos + 2) == '{') {
                int close = regex.indexOf('}', pos + 3);
                if (close < 0 || close >= to) {
                    throw new UnknownConstruct();
                }
                return Atom.other(close + 1);
            }
            return Atom.other(pos + 3);
        }
        int control = "tnrfae".indexOf(n);
        if (control >= 0) {
            return Atom.literal(pos + 2, String.valueOf("\t\n\r\f\u0007\u001B".charAt(control)));
        }
        throw new UnknownConstruct();
    }

    private Atom group(int pos, int to) {
        int close = groupEnd(pos, to);
        if (!regex.startsWith("(?", pos)) {
            return Atom.group(close + 1, pos + 1, close);
        }
        if (regex.startsWith("(?:", pos) || regex.startsWith("(?>", pos)) {
            return Atom.group(close + 1, pos + 3, close);
        }
        if (regex.startsWith("(?=", pos) || regex.startsWith("(?!", pos) || regex.startsWith("(?<=", pos)
                || regex.startsWith("(?<!", pos)) {
            return Atom.other(close + 1);
        }
        if (regex.startsWith("(?<", pos)) {
            int nameEnd = regex.indexOf('>', pos);
            return Atom.group(close + 1, nameEnd + 1, close);
        }
        // flags: (?iu) alone, or (?i:X) around a group
        int k = pos + 2;
        while (k < close && (Character.isLetter(regex.charAt(k)) || regex.charAt(k) == '-')) {
            if (regex.charAt(k) == 'x') {
                throw new UnknownConstruct(); // comments mode changes what white space means
            }
            k++;
        }
        if (k == close) {
            return Atom.other(close + 1);
        }
        if (regex.charAt(k) == ':') {
            return Atom.group(close + 1, k + 1, close);
        }
        throw new UnknownConstruct();
    }

    /** The quantifier at {@code pos} (none when there is none), reading no further than {@code to}. */
    Quantifier quantifier(int pos, int to) {
        if (pos >= to) {
            return new Quantifier(false, false, pos);
        }
        char c = regex.charAt(pos);
        int end;
        boolean optional;
        if (c == '?' || c == '*' || c == '+') {
            end = pos + 1;
            optional = c != '+';
        } else if (c == '{') {
            int close = regex.indexOf('}', pos);
            if (close < 0 || close >= to) {
                throw new UnknownConstruct();
            }
            String bounds = regex.substring(pos + 1, close);
            int comma = bounds.indexOf(',');
            String minimum = (comma < 0 ? bounds : bounds.substring(0, comma)).strip();
            if (minimum.isEmpty() || !minimum.chars().allMatch(Character::isDigit)) {
                throw new UnknownConstruct();
            }
            optional = Integer.parseInt(minimum) == 0;
            end = close + 1;
        } else {
            return new Quantifier(false, false, pos);
        }
        if (end < to && (regex.charAt(end) == '?' || regex.charAt(end) == '+')) {
            end++; // lazy or possessive
        }
        return new Quantifier(true, optional, end);
    }

    /** Index of the ')' that closes the group opened at {@code open}. */
    private int groupEnd(int open, int to) {
        int depth = 0;
        for (int i = open; i < to; i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                if (i + 1 < to && regex.charAt(i + 1) == 'Q') {
                    int close = regex.indexOf("\\E", i + 2);
                    i = close < 0 ? to : close + 1;
                } else {
                    i++;
                }
            } else if (c == '[') {
                i = classEnd(i, to);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new UnknownConstruct();
    }

    /**
     * Index of the ']' that closes the character class opened at {@code open}, nested classes included. A ']' right
     * after '[' or '[^' (an error or a literal, depending on the engine) makes the reader give up.
     */
    private int classEnd(int open, int to) {
        int depth = 0;
        int lastOpen = -1;
        for (int i = open; i < to; i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                depth++;
                lastOpen = i;
            } else if (c == ']') {
                if (i == lastOpen + 1 || (i == lastOpen + 2 && regex.charAt(lastOpen + 1) == '^')) {
                    throw new UnknownConstruct();
                }
                if (--depth == 0) {
                    return i;
                }
            }
        }
        throw new UnknownConstruct();
    }
}
