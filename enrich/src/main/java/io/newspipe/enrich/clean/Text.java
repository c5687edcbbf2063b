package io.newspipe.enrich.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Small text helpers shared by the cleaner and its tests. All are linear in the input. */
public final class Text {

    /** Lowercase words that may sit inside a headline without ending it. */
    static final Set<String> FUNCTION_WORDS = Set.of("di", "ke", "dari", "dan", "yang", "untuk", "dengan", "atau", "pada",
            "dalam", "oleh", "soal", "vs", "vs.", "ala", "hingga", "jadi", "usai", "saat", "bagi", "tak", "of", "the", "and",
            "in", "on", "at", "to", "for", "a", "an", "with", "by", "from", "as", "is", "are", "over", "after", "into", "per",
            "amid", "via", "versus", "&");

    static final Set<String> STOP_WORDS = Set.of("yang", "dan", "di", "ke", "dari", "ini", "itu", "untuk", "dengan", "pada",
            "dalam", "tidak", "akan", "ada", "juga", "atau", "oleh", "sudah", "telah", "karena", "bisa", "saat", "para",
            "lebih", "tak", "kata", "tersebut", "sebagai", "bahwa", "kami", "kita", "mereka", "dia", "saya", "anda", "jadi",
            "hingga", "sampai", "masih", "baru", "lagi", "soal", "agar", "setelah", "usai", "kini", "pun", "namun", "tapi",
            "tetapi", "serta", "bagi", "atas", "antara", "secara", "belum", "harus", "hari", "tahun", "ujar", "ungkap",
            "jelas", "buat", "bikin", "sangat", "begitu", "the", "and", "for", "with", "from", "that", "this", "are", "was",
            "were", "has", "have", "had", "will", "his", "her", "its", "their", "they", "who", "what", "when", "said",
            "says", "not", "but", "into", "over", "after", "about", "more", "than", "also", "new", "tanpa", "sebuah");

    private Text() {
    }

    /** Lowercase (ROOT), every run of non-letters/digits to one space, trimmed. */
    public static String norm(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = true;
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c < 128) { // ASCII fast path, same result as the code-point path below
                i++;
                if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                    b.append(c);
                    space = false;
                } else if (c >= 'A' && c <= 'Z') {
                    b.append((char) (c + ('a' - 'A')));
                    space = false;
                } else if (!space) {
                    b.append(' ');
                    space = true;
                }
                continue;
            }
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                b.appendCodePoint(Character.toLowerCase(cp));
                space = false;
            } else if (!space) {
                b.append(' ');
                space = true;
            }
        }
        int len = b.length();
        if (len > 0 && b.charAt(len - 1) == ' ') {
            b.setLength(len - 1);
        }
        return b.toString();
    }

    /** Number of whitespace-separated words, counting at most {@code cap}. */
    static int words(String s, int cap) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean ws = Character.isWhitespace(s.charAt(i));
            if (!ws && !in) {
                n++;
                if (n >= cap) {
                    return n;
                }
            }
            in = !ws;
        }
        return n;
    }

    static int words(String s) {
        return words(s, Integer.MAX_VALUE);
    }

    static boolean isQuote(int c) {
        return c == '"' || c == '“' || c == '”' || c == '\'' || c == '‘' || c == '’' || c == '«' || c == '„';
    }

    static boolean startsWithQuote(String s) {
        return !s.isEmpty() && isQuote(s.charAt(0));
    }

    /** Share of significant words that start with an upper-case letter or a digit. */
    static double titleCaseShare(String s) {
        int count = 0;
        int cap = 0;
        for (String tok : s.split("\\s+", 80)) {
            String w = stripPunct(tok);
            if (w.isEmpty()) {
                continue;
            }
            if (FUNCTION_WORDS.contains(w.toLowerCase(Locale.ROOT))) {
                continue;
            }
            int c = w.codePointAt(0);
            if (!Character.isLetterOrDigit(c)) {
                continue;
            }
            count++;
            if (Character.isUpperCase(c) || Character.isDigit(c)) {
                cap++;
            }
        }
        return count == 0 ? 0 : (double) cap / count;
    }

    static String stripPunct(String tok) {
        int a = 0;
        int b = tok.length();
        while (a < b && !Character.isLetterOrDigit(tok.charAt(a))) {
            a++;
        }
        while (b > a && !Character.isLetterOrDigit(tok.charAt(b - 1))) {
            b--;
        }
        return tok.substring(a, b);
    }

    /** Crude Indonesian/English stem, only used to compare vocabulary between lines. */
    static String stem(String w) {
        String s = w;
        for (String suf : new String[] {"nya", "kan", "lah", "kah", "ing", "ed", "es", "s"}) {
            if (s.length() > suf.length() + 4 && s.endsWith(suf)) {
                s = s.substring(0, s.length() - suf.length());
                break;
            }
        }
        for (String pre : new String[] {"meng", "meny", "mem", "men", "me", "ber", "ter", "per", "di", "ke", "se", "pe"}) {
            if (s.length() > pre.length() + 3 && s.startsWith(pre)) {
                s = s.substring(pre.length());
                break;
            }
        }
        return s;
    }

    /** Content-word stems of a line (at most {@code cap} of them). */
    static List<String> contentStems(String s, int cap) {
        List<String> out = new ArrayList<>();
        String n = norm(s.length() > 20_000 ? s.substring(0, 20_000) : s);
        for (String w : n.split(" ")) {
            if (w.length() < 3 || STOP_WORDS.contains(w) || Character.isDigit(w.charAt(0))) {
                continue;
            }
            out.add(stem(w));
            if (out.size() >= cap) {
                break;
            }
        }
        return out;
    }

    /** True if the line looks like a host name ({@code kompas.com}, {@code VIVA.co.id}). */
    static boolean domainLike(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return l.matches("(?:www\\.)?[\\p{L}\\d][\\p{L}\\d-]{0,40}(?:\\.[a-z]{2,6}){1,3}");
    }
}
