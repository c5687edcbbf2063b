package io.newspipe.enrich.clean;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Removes boilerplate from news article bodies with data-driven rule packs and keeps what the boilerplate says
 * (related headlines, dateline, credits, syndication) as fields. Every removed span is reported with its rule.
 *
 * <p>The cleaner is immutable and thread-safe. Cleaning is repeated until nothing more is removed, so it is
 * idempotent; it only ever deletes text. All rules work on bounded prefixes/suffixes or with bounded quantifiers, so
 * the running time is linear in the input.
 */
final class LegacyCleaner {

    private static final int MAX_PASSES = 5;
    private static final int MAX_HEADLINE_WORDS = 30;
    private static final int MAX_HEADLINE_CHARS = 250;
    private static final int HEAD_LINES = 10;
    private static final int TAIL_LINES = 6;

    private final String version;
    private final Compiled rules;

    private LegacyCleaner(List<RulePack> packs) {
        if (packs.isEmpty()) {
            throw new IllegalArgumentException("at least one rule pack is needed");
        }
        this.version = packs.stream().map(p -> p.id() + "@" + p.version()).collect(Collectors.joining("+"));
        this.rules = new Compiled(packs);
    }

    /** The bundled packs: {@code rules/id.json} and {@code rules/en.json}. */
    public static LegacyCleaner defaults() {
        return Holder.DEFAULT;
    }

    /** A cleaner for the given packs, applied in order. */
    public static LegacyCleaner fromPacks(List<RulePack> packs) {
        Objects.requireNonNull(packs, "packs");
        return new LegacyCleaner(List.copyOf(packs));
    }

    /** The versions of the packs in use, e.g. {@code id@1.0.0+en@1.0.0}. */
    public String rulePackVersion() {
        return version;
    }

    private static final class Holder {
        static final LegacyCleaner DEFAULT = new LegacyCleaner(RulePack.bundled());
    }

    /** Cleans one body (lines separated by {@code \n}). */
    public CleanResult clean(String body) {
        Objects.requireNonNull(body, "body");
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int no = 1;
        int blen = body.length();
        while (true) {
            int i = body.indexOf('\n', start);
            if (i < 0) {
                i = blen;
            }
            lines.add(new Line(body.substring(start, i).stripTrailing(), no++));
            if (i >= blen) {
                break;
            }
            start = i + 1;
        }
        Acc acc = new Acc();
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            Pass p = new Pass(lines, acc);
            if (!p.run()) {
                break;
            }
            lines = p.result();
        }
        StringBuilder out = new StringBuilder(body.length());
        boolean pendingBlank = false;
        boolean any = false;
        for (Line l : lines) {
            if (l.text.isBlank()) {
                pendingBlank = any;
                continue;
            }
            if (pendingBlank) {
                out.append('\n');
            }
            if (any) {
                out.append('\n');
            }
            out.append(l.text);
            any = true;
            pendingBlank = false;
        }
        acc.removed.sort(Comparator.comparingInt((Ordered<Removal> o) -> o.line).thenComparingInt(o -> o.offset)
                .thenComparingInt(o -> o.seq));
        acc.related.sort(Comparator.comparingInt((Ordered<String> o) -> o.line).thenComparingInt(o -> o.offset)
                .thenComparingInt(o -> o.seq));
        Credits credits = null;
        if (acc.author != null || acc.editor != null || acc.reporter != null || !acc.codes.isEmpty()
                || !acc.creditLines.isEmpty()) {
            String author = acc.author != null ? acc.author : acc.reporter;
            credits = new Credits(author, acc.editor, acc.reporter, acc.codes.stream().distinct().toList(),
                    acc.creditLines.stream().distinct().toList());
        }
        Syndication synd = acc.syndText == null ? null
                : new Syndication(acc.syndOutlet, acc.syndTitle, acc.syndUrl, acc.syndText);
        return new CleanResult(out.toString(), acc.removed.stream().map(o -> o.value).toList(),
                acc.related.stream().map(o -> o.value).toList(), acc.dateline, credits, synd, acc.partialPage, version);
    }

    // ------------------------------------------------------------------------------------------------------------
    // state

    static final class Line {
        final String text;
        final int orig;
        /**
         * The pure regex tests on this line's (stripped) text already known to fail, by slot (see
         * {@link Compiled#slots}); lines that survive a pass unchanged are reused, so a later pass skips them.
         */
        byte[] memo;
        /** The same for the searches of the inline stage on {@link #text} (see {@link Compiled#inlineSlots}). */
        byte[] inlineMemo;

        Line(String text, int orig) {
            this.text = text;
            this.orig = orig;
        }
    }

    record Ordered<T>(T value, int line, int offset, int seq) {
    }

    static final class Acc {
        final List<Ordered<Removal>> removed = new ArrayList<>();
        final List<Ordered<String>> related = new ArrayList<>();
        final Set<String> relatedKeys = new HashSet<>();
        Dateline dateline;
        String author;
        String editor;
        String reporter;
        final List<String> codes = new ArrayList<>();
        final List<String> creditLines = new ArrayList<>();
        String syndOutlet;
        String syndTitle;
        String syndUrl;
        String syndText;
        boolean partialPage;
        int seq;

        void remove(String rule, String kind, String text, int line, int offset) {
            removed.add(new Ordered<>(new Removal(rule, kind, text, line), line, offset, seq++));
        }

        void related(String headline, int line, int offset) {
            String h = cleanHeadline(headline);
            if (!h.isEmpty() && relatedKeys.add(Text.norm(h))) {
                related.add(new Ordered<>(h, line, offset, seq++));
            }
        }

        void credit(String field, String name) {
            if (name == null) {
                return;
            }
            String n = name.strip();
            if (n.isEmpty()) {
                return;
            }
            switch (field) {
                case "author" -> author = author == null ? n : author;
                case "editor" -> editor = editor == null ? n : editor;
                case "reporter" -> reporter = reporter == null ? n : reporter;
                default -> {
                }
            }
        }

        void syndication(String outlet, String title, String url, String text) {
            if (syndText == null) {
                syndText = text;
            }
            if (syndOutlet == null && outlet != null && !outlet.isBlank()) {
                syndOutlet = outlet.strip();
            }
            if (syndTitle == null && title != null && !title.isBlank()) {
                syndTitle = title.strip();
            }
            if (syndUrl == null && url != null && !url.isBlank()) {
                syndUrl = url.strip();
            }
        }
    }

    static String cleanHeadline(String h) {
        String s = h.strip();
        if (s.endsWith(")")) {
            s = TRAILING_CODE.matcher(s).replaceFirst("");
        }
        int a = 0;
        int b = s.length();
        while (a < b && (s.charAt(a) == ':' || s.charAt(a) == '|' || s.charAt(a) == '-' || s.charAt(a) == '–'
                || s.charAt(a) == '»' || Character.isWhitespace(s.charAt(a)))) {
            a++;
        }
        while (b > a && (s.charAt(b - 1) == ',' || s.charAt(b - 1) == ';' || s.charAt(b - 1) == ':'
                || s.charAt(b - 1) == '-' || s.charAt(b - 1) == '|' || s.charAt(b - 1) == '»'
                || Character.isWhitespace(s.charAt(b - 1)))) {
            b--;
        }
        return s.substring(a, b);
    }

    // ------------------------------------------------------------------------------------------------------------
    // compiled rules

    /**
     * Which ASCII characters an anchored match of {@code p} can start with, found by asking the regex engine itself:
     * if matching one character neither succeeds nor reaches the end of the input, no line that starts with that
     * character can match. A cheap pre-check that skips most rules for most lines.
     */
    static long[] startFilter(Pattern p) {
        // a bit set: bits [0, 128) for the first character, bits 128 + c * 128 + d for the first two characters (the
        // same reasoning: if matching the two characters neither succeeds nor reaches the end of the input, no line
        // that starts with them can match). Small (2 KiB) so that the filters of all rules stay in cache.
        long[] ok = new long[(128 + 128 * 128) / 64];
        Matcher m = p.matcher("");
        char[] two = new char[2];
        for (char c = 0; c < 128; c++) {
            m.reset(String.valueOf(c));
            boolean first = m.lookingAt() || m.hitEnd();
            if (first) {
                ok[c >>> 6] |= 1L << c;
            }
            for (char d = 0; d < 128; d++) {
                boolean pass = true;
                if (first && c >= ' ' && c < 127 && d >= ' ' && d < 127) {
                    two[0] = c;
                    two[1] = d;
                    m.reset(new String(two));
                    pass = m.lookingAt() || m.hitEnd();
                }
                if (pass) {
                    int bit = 128 + c * 128 + d;
                    ok[bit >>> 6] |= 1L << bit;
                }
            }
        }
        return ok;
    }

    static boolean canStart(long[] filter, String s) {
        if (filter == null || s.isEmpty()) {
            return true;
        }
        char c = s.charAt(0);
        if (c >= 128) {
            return true;
        }
        if ((filter[c >>> 6] & (1L << c)) == 0) {
            return false;
        }
        if (s.length() < 2) {
            return true;
        }
        char d = s.charAt(1);
        if (d >= 128) {
            return true;
        }
        int bit = 128 + c * 128 + d;
        return (filter[bit >>> 6] & (1L << bit)) != 0;
    }

    static Pattern compile(String ruleId, String regex, int flags) {
        try {
            return Pattern.compile(regex, flags);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("rule " + ruleId + ": bad pattern: " + e.getMessage(), e);
        }
    }

    static String alternation(List<String> labels) {
        List<String> sorted = new ArrayList<>(labels);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return sorted.stream().map(Pattern::quote).collect(Collectors.joining("|"));
    }

    record LineRule(String id, String kind, Pattern p, long[] filter, List<String> requires, int suffix,
                    int maxLength, int maxWords, String position,
                    Pattern takeNext,
                    int takeNextMaxWords, boolean takeNextHeadOnly, Pattern follow, boolean takePrevious,
                    boolean pageMarker) {
    }

    record RelatedRule(String id, String kind, Pattern start, long[] filter, boolean sepRequired, Pattern inline,
                       Pattern paren, Set<String> starters, String inlineLast, String parenFirst) {
    }

    record EndBlockRule(String id, String kind, Set<String> labels, int maxItems, int maxItemWords) {
    }

    record CreditRule(String id, String kind, Map<String, String> roles, Pattern start, long[] filter,
                      Pattern find, Set<String> bare, String roleLast, Pattern roleSplit, Pattern copyrightTail) {
    }

    record CreditRegexRule(String id, String kind, Pattern p, String field, String position, long[] filter) {
        CreditRegexRule(String id, String kind, Pattern p, String field, String position) {
            this(id, kind, p, field, position, startFilter(p));
        }
    }

    record WriterCodeRule(String id, String kind, Pattern lower, Pattern upper, Pattern bracket, Pattern line,
                          long[] lineFilter) {
        WriterCodeRule(String id, String kind, Pattern lower, Pattern upper, Pattern bracket, Pattern line) {
            this(id, kind, lower, upper, bracket, line, startFilter(line));
        }
    }

    record TayangRule(String id, String kind, Pattern lead, String titleMarker, Pattern truncated, Pattern titleTail,
                      List<String> leadPrefixes, long[] leadFilter) {
        TayangRule(String id, String kind, Pattern lead, String titleMarker, Pattern truncated, Pattern titleTail,
                   List<String> leadPrefixes) {
            this(id, kind, lead, titleMarker, truncated, titleTail, leadPrefixes, startFilter(lead));
        }
    }

    record SyndRule(String id, String kind, Pattern p, int maxLength, long[] filter) {
        SyndRule(String id, String kind, Pattern p, int maxLength) {
            this(id, kind, p, maxLength, startFilter(p));
        }
    }

    record DatelineRule(String id, String kind, List<Pattern> patterns, List<long[]> filters, Pattern mid,
                        Pattern bare, Set<String> outlets,
                        int searchLines, int minRestWords) {
    }

    record InlineRule(String id, String kind, Pattern p, boolean extendSentence, List<String> continueWords,
                      List<String> requiresAny) {
    }

    record EolRule(String id, String kind, Pattern p, List<String> requiresAny) {
    }

    /**
     * The last characters of the literal {@code labels} (a pre-check: a match of a quoted, case-sensitive alternation
     * ends with one of them), or null if a label is empty and no such check is possible.
     */
    static String lastChars(java.util.Collection<String> labels) {
        StringBuilder b = new StringBuilder();
        for (String l : labels) {
            if (l.isEmpty()) {
                return null;
            }
            char c = l.charAt(l.length() - 1);
            if (b.indexOf(String.valueOf(c)) < 0) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The first characters of the literal {@code labels}, or null if a label is empty. */
    static String firstChars(java.util.Collection<String> labels) {
        StringBuilder b = new StringBuilder();
        for (String l : labels) {
            if (l.isEmpty()) {
                return null;
            }
            char c = l.charAt(0);
            if (b.indexOf(String.valueOf(c)) < 0) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** {@code \s} of java.util.regex (without UNICODE_CHARACTER_CLASS). */
    static boolean regexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /**
     * True if {@code first} is null or some '(' or '[' in {@code s} is followed, after at most two {@code \s}, by one
     * of its characters: the pre-check of a {@code [(\[]\s{0,2}(?:labels)} match.
     */
    static boolean bracketThenLabel(String s, String first) {
        return bracketThenLabel(s, '(', first) || bracketThenLabel(s, '[', first);
    }

    private static boolean bracketThenLabel(String s, char bracket, String first) {
        for (int q = s.indexOf(bracket); q >= 0; q = s.indexOf(bracket, q + 1)) {
            if (first == null) {
                return true;
            }
            for (int j = q + 1; j < s.length() && j <= q + 3; j++) {
                char d = s.charAt(j);
                if (first.indexOf(d) >= 0) {
                    return true;
                }
                if (!regexSpace(d)) {
                    break;
                }
            }
        }
        return false;
    }

    /** True if {@code chars} is null or one of its characters occurs in {@code s} within [from, to). */
    static boolean anyCharIn(String s, int from, int to, String chars) {
        if (chars == null) {
            return true;
        }
        for (int j = Math.max(0, from); j < to; j++) {
            if (chars.indexOf(s.charAt(j)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** True if {@code any} is empty or one of its strings occurs in {@code s} at or after {@code from}. */
    static boolean hasAny(String s, List<String> any, int from) {
        if (any.isEmpty()) {
            return true;
        }
        for (String x : any) {
            if (s.indexOf(x, from) >= 0) {
                return true;
            }
        }
        return false;
    }

    static final class Compiled {
        final List<LineRule> lines = new ArrayList<>();
        final List<RelatedRule> related = new ArrayList<>();
        final List<EndBlockRule> endBlocks = new ArrayList<>();
        final List<CreditRule> credits = new ArrayList<>();
        final List<CreditRegexRule> creditRegex = new ArrayList<>();
        final List<WriterCodeRule> codes = new ArrayList<>();
        final List<TayangRule> tayang = new ArrayList<>();
        final List<SyndRule> synd = new ArrayList<>();
        final List<DatelineRule> datelines = new ArrayList<>();
        final List<InlineRule> inline = new ArrayList<>();
        final List<EolRule> eol = new ArrayList<>();
        final Map<String, RulePack.Rule> heuristics = new LinkedHashMap<>();

        /** First memo slot of each family of pure per-line regex tests (see {@link Line#memo}). */
        int tayangSlot;
        int syndSlot;
        int creditRegexSlot;
        int codeSlot;
        int relatedSlot;
        int datelineSlot;
        int slots;
        /** Slots of {@link Line#inlineMemo}: inline rules, then paren and colon related links, then credits. */
        int inlineParenSlot;
        int inlineColonSlot;
        int inlineCreditSlot;
        int inlineSlots;

        /** The order in which the whole-line families are tried, as declared by the packs. */
        final List<String> precedence;
        /** The language words of all packs. */
        final Vocabulary vocabulary;

        Compiled(List<RulePack> packs) {
            Vocabulary words = Vocabulary.EMPTY;
            List<String> order = null;
            RulePack declaredBy = null;
            for (RulePack pack : packs) {
                words = words.merge(pack.vocabulary());
                if (pack.precedence() != null && order == null) {
                    order = pack.precedence();
                    declaredBy = pack;
                } else if (pack.precedence() != null && !order.equals(pack.precedence())) {
                    throw new RulePackException("rule pack " + pack.source() + ": key 'precedence': " + pack.precedence()
                            + " contradicts " + order + " declared by rule pack " + declaredBy.source());
                }
                for (RulePack.Rule r : pack.rules()) {
                    add(r);
                }
            }
            vocabulary = words;
            precedence = order != null ? order : RulePackSchema.get().defaultPrecedence();
            int k = lines.size();
            tayangSlot = k;
            k += tayang.size();
            syndSlot = k;
            k += synd.size();
            creditRegexSlot = k;
            k += creditRegex.size();
            codeSlot = k;
            k += codes.size();
            relatedSlot = k;
            k += related.size();
            datelineSlot = k;
            for (DatelineRule d : datelines) {
                k += d.patterns.size();
            }
            slots = k;
            k = inline.size();
            inlineParenSlot = k;
            k += related.size();
            inlineColonSlot = k;
            k += related.size();
            inlineCreditSlot = k;
            k += credits.size();
            inlineSlots = k;
        }

        private void add(RulePack.Rule r) {
            String id = r.id();
            int ci = r.bool("caseSensitive", true) ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
            switch (r.type()) {
                case "line" -> {
                    String tn = r.string("takeNext", null);
                    String fo = r.string("follow", null);
                    int suffix = r.integer("suffix", 0);
                    String pat = r.string("pattern", "(?!)");
                    Pattern lp = compile(id, suffix > 0 ? "(?:" + pat + ")$" : pat, ci);
                    lines.add(new LineRule(id, r.kind(), lp, suffix > 0 ? null : startFilter(lp), r.list("requires"), suffix,
                            r.integer("maxLength", 300), r.integer("maxWords", Integer.MAX_VALUE),
                            r.string("position", "any"), tn == null ? null : compile(id, tn, ci),
                            r.integer("takeNextMaxWords", 30), r.bool("takeNextHeadOnly", false),
                            fo == null ? null : compile(id, fo, ci), r.bool("takePrevious", false),
                            r.bool("pageMarker", false)));
                }
                case "related" -> {
                    List<String> labels = r.list("labels");
                    String alt = alternation(labels);
                    Pattern start = compile(id, "\\s{0,3}(?:[-–—•*»▶►>]{1,2}\\s{0,2})?[(\\[]?\\s{0,2}(?:" + alt
                            + ")(?![\\p{L}\\d'’])\\s{0,2}(?<sep>[:|]|--|[-–—])?\\s{0,3}", 0);
                    Pattern inl = null;
                    Pattern paren = null;
                    String inlineLast = null;
                    String parenFirst = null;
                    if (r.bool("inline", false)) {
                        paren = compile(id, "[(\\[]\\s{0,2}(?:" + alt + ")\\s{0,2}[:|]?\\s{0,3}(?<h>[\\p{Lu}\\d\"“'‘][^()\\[\\]\\n]{2,250})[)\\]]", 0);
                        List<String> il = r.list("inlineLabels");
                        if (il.isEmpty()) {
                            il = labels;
                        }
                        inl = compile(id, "(?<![\\p{L}\\d])(?:" + alternation(il) + ")\\s{0,2}$", 0);
                        inlineLast = lastChars(il);
                        parenFirst = firstChars(labels);
                    }
                    Set<String> starters = new HashSet<>();
                    r.list("sentenceStarters").forEach(x -> starters.add(x.toLowerCase(Locale.ROOT)));
                    related.add(new RelatedRule(id, r.kind(), start, startFilter(start), r.bool("separatorRequired", false),
                            inl, paren, starters, inlineLast, parenFirst));
                }
                case "end-block" -> {
                    Set<String> set = new HashSet<>();
                    r.list("labels").forEach(l -> set.add(Text.norm(l)));
                    endBlocks.add(new EndBlockRule(id, r.kind(), set, r.integer("maxItems", 15),
                            r.integer("maxItemWords", MAX_HEADLINE_WORDS)));
                }
                case "credit" -> {
                    Map<String, String> roles = new LinkedHashMap<>();
                    JsonNode rn = r.spec().path("roles");
                    rn.properties().forEach(e -> roles.put(e.getKey(), e.getValue().asText()));
                    if (roles.isEmpty()) {
                        throw new IllegalArgumentException("rule " + id + ": 'roles' must not be empty");
                    }
                    String alt = alternation(new ArrayList<>(roles.keySet()));
                    List<String> joiners = r.list("joiners");
                    String joiner = joiners.stream().map(Pattern::quote).collect(Collectors.joining("|"));
                    String group = joiners.isEmpty() ? "(?:" + alt + ")"
                            : "(?:" + alt + ")(?:\\s{0,3}(?:" + joiner + ")\\s{0,3}(?:" + alt + ")){0,3}";
                    String split = joiners.stream()
                            .map(j -> j.chars().allMatch(Character::isLetter) ? "\\b" + Pattern.quote(j) + "\\b" : Pattern.quote(j))
                            .collect(Collectors.joining("|"));
                    List<String> markers = r.list("copyrightMarkers");
                    Pattern start = compile(id, "\\s{0,3}(?<roles>" + group + ")(?![\\p{L}\\d'’])"
                            + "(?<sep>(?:\\s{0,3}[|:]){0,3})\\s{0,3}", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                    Pattern find = compile(id, "(?<![\\p{L}\\d])(?<roles>" + group + ")(?:\\s{0,3}[|:]){1,3}\\s{0,3}", 0);
                    Set<String> bare = new HashSet<>();
                    r.list("bareRoles").forEach(b -> bare.add(b.toLowerCase(Locale.ROOT)));
                    credits.add(new CreditRule(id, r.kind(), roles, start, startFilter(start), find, bare,
                            lastChars(roles.keySet()),
                            compile(id, joiners.isEmpty() ? "(?!)" : "\\s{0,3}(?:" + split + ")\\s{0,3}", 0),
                            markers.isEmpty() ? null : compile(id, "(?i)\\s{0,3}(?:" + markers.stream().map(Pattern::quote)
                                    .collect(Collectors.joining("|")) + ").{0,200}$", 0)));
                }
                case "credit-regex" -> creditRegex.add(new CreditRegexRule(id, r.kind(),
                        compile(id, r.string("pattern", "(?!)"), ci), r.string("field", "author"), r.string("position", "any")));
                case "writer-code" -> {
                    String lo = r.string("lower", "(?!)");
                    String up = r.string("upper", "(?!)");
                    String br = r.string("bracket", "(?!)");
                    codes.add(new WriterCodeRule(id, r.kind(),
                            compile(id, "(?:" + lo + ")\\s{0,3}$", 0),
                            compile(id, "(?<=[.!?\"”'’)]\\s{0,2})(?:" + up + ")\\s{0,3}$", 0),
                            compile(id, "(?<=[.!?\"”'’)]\\s{0,2})(?:" + br + ")\\s{0,3}$", 0),
                            compile(id, ("\\s{0,3}(?:" + lo + "|" + up + "|" + br + ")\\s{0,3}").replace("(?<code>", "(?:"), 0)));
                }
                case "syndication-tayang" -> {
                    String tr = r.string("truncated", null);
                    List<String> tails = r.list("titleTails");
                    String lead = r.string("lead", null);
                    tayang.add(new TayangRule(id, r.kind(), compile(id, lead,
                            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), r.string("titleMarker", null),
                            tr == null ? null : compile(id, tr, 0),
                            tails.isEmpty() ? null : compile(id, "(?i)[,.]?\\s{0,3}(?:" + tails.stream().map(Pattern::quote)
                                    .collect(Collectors.joining("|")) + ")\\s{0,2}:?\\s{0,2}$", 0),
                            LiteralPrefixes.of(lead)));
                }
                case "syndication" -> synd.add(new SyndRule(id, r.kind(), compile(id, r.string("pattern", "(?!)"), ci),
                        r.integer("maxLength", 300)));
                case "dateline" -> {
                    List<Pattern> ps = new ArrayList<>();
                    for (String s : r.list("patterns")) {
                        ps.add(compile(id, s, 0));
                    }
                    String mid = r.string("midLine", null);
                    String bare = r.string("bare", null);
                    datelines.add(new DatelineRule(id, r.kind(), ps, ps.stream().map(LegacyCleaner::startFilter).toList(),
                            mid == null ? null : compile(id, mid, 0),
                            bare == null ? null : compile(id, bare, 0), new HashSet<>(r.list("outlets")),
                            r.integer("searchLines", 6), r.integer("minRestWords", 6)));
                }
                case "inline" -> inline.add(new InlineRule(id, r.kind(), compile(id, r.string("pattern", "(?!)"), ci),
                        "sentence".equals(r.string("extend", "")), r.list("continueWords"), r.list("requiresAny")));
                case "inline-eol" -> eol.add(new EolRule(id, r.kind(),
                        compile(id, "(?:" + r.string("pattern", "(?!)") + ")\\s{0,3}$", ci), r.list("requiresAny")));
                case "heuristic" -> heuristics.putIfAbsent(r.string("name", id), r);
                default -> throw new IllegalArgumentException("rule " + id + ": unknown type " + r.type());
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // one pass

    /** Whole-line classification. */
    record Cls(String rule, String kind, String headline, boolean labelOnly, boolean endLabel, Cls fallback,
               LineRule lineRule) {
        static Cls of(String rule, String kind) {
            return new Cls(rule, kind, null, false, false, null, null);
        }

        static Cls headline(String rule, String kind, String headline) {
            return new Cls(rule, kind, headline, false, false, null, null);
        }
    }

    record Span(int start, int end, String rule, String kind) {
    }

    /** The removed spans of one line, with an interval index so lookups stay logarithmic. */
    static final class Spans {
        final List<Span> list = new ArrayList<>(2);
        /** Merged, disjoint intervals: start -> end. */
        private final java.util.TreeMap<Integer, Integer> merged = new java.util.TreeMap<>();

        void add(Span s) {
            list.add(s);
            int start = s.start;
            int end = s.end;
            Map.Entry<Integer, Integer> lo = merged.floorEntry(start);
            if (lo != null && lo.getValue() >= start) {
                start = lo.getKey();
                end = Math.max(end, lo.getValue());
            }
            Map.Entry<Integer, Integer> hi = merged.ceilingEntry(start);
            while (hi != null && hi.getKey() <= end) {
                end = Math.max(end, hi.getValue());
                merged.remove(hi.getKey());
                hi = merged.ceilingEntry(start);
            }
            merged.put(start, end);
        }

        boolean covered(int pos) {
            Map.Entry<Integer, Integer> e = merged.floorEntry(pos);
            return e != null && pos < e.getValue();
        }

        int nextStart(int pos, int def) {
            Integer k = merged.ceilingKey(pos);
            return k == null ? def : Math.min(k, def);
        }

        /** Start of the merged interval that contains or reaches {@code e}, or -1. */
        int startOfSpanEndingAtOrAfter(int e) {
            Map.Entry<Integer, Integer> x = merged.lowerEntry(e);
            return x != null && x.getValue() >= e ? x.getKey() : -1;
        }
    }

    final class Pass {
        private final List<Line> all;
        private final Acc acc;
        private final List<Line> nb = new ArrayList<>();
        private final String[] t;
        private final int n;
        private final Cls[] cls;
        private final List<Spans> spans;
        private int datelineIdx = -1;
        private List<Line> out;
        private final Matcher[] lineMatchers = new Matcher[rules.lines.size()];

        /** The memo of pure-test failures for line {@code i}: a function of {@code t[i]}, so of the line's text. */
        private byte[] memo(int i) {
            Line l = nb.get(i);
            byte[] m = l.memo;
            if (m == null) {
                m = new byte[rules.slots];
                l.memo = m;
            }
            return m;
        }

        Pass(List<Line> all, Acc acc) {
            this.all = all;
            this.acc = acc;
            for (Line l : all) {
                if (!l.text.isBlank()) {
                    nb.add(l);
                }
            }
            n = nb.size();
            t = new String[n];
            for (int i = 0; i < n; i++) {
                t[i] = nb.get(i).text.strip();
            }
            cls = new Cls[n];
            spans = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                spans.add(null);
            }
        }

        List<Line> result() {
            return out;
        }

        boolean head(int i) {
            return i >= 1 && i <= HEAD_LINES && (datelineIdx < 0 || i < datelineIdx);
        }

        boolean tail(int i) {
            return i >= n - TAIL_LINES;
        }

        boolean position(String pos, int i) {
            return switch (pos) {
                case "head" -> head(i);
                case "tail" -> tail(i);
                case "edge" -> head(i) || tail(i);
                default -> true;
            };
        }

        boolean run() {
            if (n == 0) {
                return false;
            }
            datelineIdx = preliminaryDateline();
            for (int i = 0; i < n; i++) {
                cls[i] = classify(i);
            }
            linkNeighbours();
            endBlocks();
            heuristics();
            dateline();
            for (int i = 0; i < n; i++) {
                if (cls[i] == null) {
                    inline(i);
                }
            }
            return apply();
        }

        // ---- classification ---------------------------------------------------------------------------------

        /** The whole-line classification of line {@code i}: the families are tried in the packs' precedence. */
        private Cls classify(int i) {
            for (String family : rules.precedence) {
                Cls c = switch (family) {
                    case "syndication-tayang" -> classifyTayang(i);
                    case "syndication" -> classifySyndication(i);
                    case "credit" -> classifyCredit(i);
                    case "credit-regex" -> classifyCreditRegex(i);
                    case "writer-code" -> classifyWriterCode(i);
                    case "end-block" -> classifyEndLabel(i);
                    case "related" -> classifyRelated(i);
                    case "line" -> classifyLine(i);
                    default -> throw new IllegalStateException("unknown family " + family);
                };
                if (c != null) {
                    return c;
                }
            }
            return null;
        }

        private Cls classifyTayang(int i) {
            String s = t[i];
            byte[] memo = memo(i);
            for (int q = 0; q < rules.tayang.size(); q++) {
                TayangRule r = rules.tayang.get(q);
                int slot = rules.tayangSlot + q;
                if (s.length() <= 3000 && memo[slot] == 0 && canStart(r.leadFilter, s)) {
                    Matcher m = r.lead.matcher(s);
                    if (m.lookingAt()) {
                        parseTayang(r, s, 0, m.end());
                        return Cls.of(r.id, r.kind);
                    }
                    memo[slot] = 1;
                }
            }
            return null;
        }

        private Cls classifySyndication(int i) {
            String s = t[i];
            byte[] memo = memo(i);
            for (int q = 0; q < rules.synd.size(); q++) {
                SyndRule r = rules.synd.get(q);
                int slot = rules.syndSlot + q;
                if (s.length() <= r.maxLength && memo[slot] == 0 && canStart(r.filter, s)) {
                    Matcher m = r.p.matcher(s);
                    if (m.matches()) {
                        parseSynd(m, s);
                        return Cls.of(r.id, r.kind);
                    }
                    memo[slot] = 1;
                }
            }
            return null;
        }

        private Cls classifyCredit(int i) {
            String s = t[i];
            for (CreditRule r : rules.credits) {
                if (s.length() <= 300 && creditLine(r, i, s)) {
                    return Cls.of(r.id, r.kind);
                }
            }
            return null;
        }

        private Cls classifyCreditRegex(int i) {
            String s = t[i];
            byte[] memo = memo(i);
            for (int q = 0; q < rules.creditRegex.size(); q++) {
                CreditRegexRule r = rules.creditRegex.get(q);
                int slot = rules.creditRegexSlot + q;
                if (s.length() <= 300 && !"last".equals(r.position) && position(r.position, i) && memo[slot] == 0
                        && canStart(r.filter, s)) {
                    Matcher m = r.p.matcher(s);
                    if (m.matches()) {
                        acc.credit(r.field, group(m, "name"));
                        acc.creditLines.add(s);
                        return Cls.of(r.id, r.kind);
                    }
                    memo[slot] = 1;
                }
            }
            return null;
        }

        private Cls classifyWriterCode(int i) {
            String s = t[i];
            byte[] memo = memo(i);
            for (int q = 0; q < rules.codes.size(); q++) {
                WriterCodeRule r = rules.codes.get(q);
                int slot = rules.codeSlot + q;
                if (s.length() <= 80 && memo[slot] == 0 && canStart(r.lineFilter, s)) {
                    Matcher m = r.line.matcher(s);
                    if (m.matches()) {
                        acc.codes.add(stripBrackets(s));
                        acc.creditLines.add(s);
                        return Cls.of(r.id, r.kind);
                    }
                    memo[slot] = 1;
                }
            }
            return null;
        }

        /** An end-block header; the related match of the same line, if any, is kept as its fallback. */
        private Cls classifyEndLabel(int i) {
            String s = t[i];
            if (s.length() > 80) {
                return null;
            }
            String key = Text.norm(s);
            for (EndBlockRule r : rules.endBlocks) {
                if (r.labels.contains(key)) {
                    return new Cls(r.id, r.kind, null, true, true, classifyRelated(i), null);
                }
            }
            return null;
        }

        private Cls classifyRelated(int i) {
            String s = t[i];
            byte[] memo = memo(i);
            for (int q = 0; q < rules.related.size(); q++) {
                int slot = rules.relatedSlot + q;
                if (memo[slot] != 0) {
                    continue;
                }
                Cls rel = related(rules.related.get(q), s);
                if (rel != null) {
                    return rel;
                }
                memo[slot] = 1;
            }
            return null;
        }

        private Cls classifyLine(int i) {
            String s = t[i];
            byte[] memo = memo(i);
            for (int k = 0; k < rules.lines.size(); k++) {
                LineRule r = rules.lines.get(k);
                if (memo[k] == 0 && s.length() <= r.maxLength && canStart(r.filter, s) && position(r.position, i)
                        && (r.maxWords == Integer.MAX_VALUE || Text.words(s, r.maxWords + 1) <= r.maxWords)) {
                    if (lineMatches(k, r, s)) {
                        return new Cls(r.id, r.kind, null, false, false, null, r);
                    }
                    memo[k] = 1;
                }
            }
            return null;
        }

        private boolean lineMatches(int k, LineRule r, String s) {
            int from = r.suffix <= 0 ? 0 : Math.max(0, s.length() - r.suffix);
            for (String req : r.requires) {
                if (s.indexOf(req, from) < 0) {
                    return false;
                }
            }
            Matcher m = lineMatchers[k];
            if (m == null) {
                m = r.p.matcher(s);
                m.useTransparentBounds(true);
                lineMatchers[k] = m;
            } else {
                m.reset(s);
            }
            if (r.suffix <= 0) {
                return m.matches();
            }
            m.region(from, s.length());
            return m.find();
        }

        private Cls related(RelatedRule r, String s) {
            if (!canStart(r.filter, s)) {
                return null;
            }
            Matcher m = r.start.matcher(s);
            if (!m.lookingAt()) {
                return null;
            }
            String lead = LEAD_BULLET.matcher(s).replaceFirst("");
            boolean paren = lead.startsWith("(") || lead.startsWith("[");
            String sep = m.group("sep");
            String rest = s.substring(m.end()).strip();
            if (paren) {
                if (rest.endsWith(")") || rest.endsWith("]")) {
                    rest = rest.substring(0, rest.length() - 1).strip();
                } else if (!rest.isEmpty()) {
                    return null;
                }
            }
            if (rest.isEmpty()) {
                return paren ? null : new Cls(r.id, r.kind, null, true, false, null, null);
            }
            if (r.sepRequired && sep == null && !paren) {
                return null;
            }
            int c = rest.codePointAt(0);
            if (!(Character.isUpperCase(c) || Character.isDigit(c) || Text.isQuote(c))) {
                return null;
            }
            if (rest.length() > MAX_HEADLINE_CHARS || Text.words(rest, MAX_HEADLINE_WORDS + 1) > MAX_HEADLINE_WORDS) {
                return null;
            }
            if (sep == null && !paren && rest.endsWith(".") && rules.vocabulary.titleCaseShare(rest) < 0.6) {
                return null; // "Lihat juga Pasal 5 undang-undang itu." is a sentence, not a link
            }
            return Cls.headline(r.id, r.kind, rest);
        }

        private boolean creditLine(CreditRule r, int i, String s) {
            if (!canStart(r.filter, s)) {
                return false;
            }
            Matcher m = r.start.matcher(s);
            if (!m.lookingAt()) {
                return false;
            }
            String sep = m.group("sep");
            String rest = s.substring(m.end()).strip();
            if (sep == null || sep.isBlank()) {
                // "Editor Restu": a bare role and a short name, only at the end
                String role = m.group("roles").toLowerCase(Locale.ROOT);
                if (!r.bare.contains(role) || !tail(i) || rest.isEmpty()
                        || !rest.matches("\\p{Lu}[\\p{L}.'-]{0,25}(?: \\p{Lu}[\\p{L}.'-]{0,25}){0,3}")) {
                    return false;
                }
                assignRoles(r, m.group("roles"), rest);
                acc.creditLines.add(s);
                return true;
            }
            parseCredits(r, s, 0);
            acc.creditLines.add(s);
            return true;
        }

        // ---- neighbours, end blocks, heuristics -------------------------------------------------------------

        private void linkNeighbours() {
            for (int i = 0; i < n; i++) {
                Cls c = cls[i];
                if (c == null) {
                    continue;
                }
                if (c.labelOnly && !c.endLabel) {
                    nextHeadline(i, c);
                }
                LineRule lr = c.lineRule;
                if (lr == null) {
                    continue;
                }
                if (lr.takeNext != null && i + 1 < n && cls[i + 1] == null
                        && (!lr.takeNextHeadOnly || head(i + 1))
                        && t[i + 1].length() <= 20_000
                        && Text.words(t[i + 1], lr.takeNextMaxWords + 1) <= lr.takeNextMaxWords
                        && lr.takeNext.matcher(t[i + 1]).matches()) {
                    cls[i + 1] = Cls.of(lr.id, lr.kind);
                }
                if (lr.follow != null) {
                    for (int j = i + 1; j < n && cls[j] == null && nb.get(j).text.length() <= 200
                            && lr.follow.matcher(nb.get(j).text).matches(); j++) {
                        cls[j] = Cls.of(lr.id, lr.kind);
                    }
                }
                if (lr.takePrevious && i - 1 >= 1 && cls[i - 1] == null && head(i - 1)
                        && Text.words(t[i - 1], 41) <= 40) {
                    cls[i - 1] = Cls.of(lr.id, lr.kind);
                }
            }
        }

        private void nextHeadline(int i, Cls c) {
            int j = i + 1;
            if (j < n && cls[j] == null && headlineLike(t[j], MAX_HEADLINE_WORDS)) {
                cls[j] = Cls.headline(c.rule, c.kind, t[j]);
            }
        }

        private boolean headlineLike(String s, int maxWords) {
            if (s.length() > MAX_HEADLINE_CHARS || Text.startsWithQuote(s)) {
                return false;
            }
            if (Text.words(s, maxWords + 1) > maxWords) {
                return false;
            }
            return !s.endsWith(".") || rules.vocabulary.titleCaseShare(s) >= 0.6;
        }

        private void endBlocks() {
            for (int i = 0; i < n; i++) {
                Cls c = cls[i];
                if (c == null || !c.endLabel) {
                    continue;
                }
                EndBlockRule r = rules.endBlocks.stream().filter(e -> e.id.equals(c.rule)).findFirst().orElseThrow();
                boolean near = n - 1 - i <= r.maxItems;
                for (int j = i + 1; near && j < n; j++) {
                    near = cls[j] != null || headlineLike(t[j], r.maxItemWords);
                }
                if (near) {
                    cls[i] = Cls.of(r.id, r.kind);
                    for (int j = i + 1; j < n; j++) {
                        if (cls[j] == null) {
                            cls[j] = Cls.headline(r.id, r.kind, t[j]);
                        }
                    }
                    return;
                }
                cls[i] = c.fallback;
                if (c.fallback != null && c.fallback.labelOnly) {
                    nextHeadline(i, c.fallback);
                }
            }
        }

        private void heuristics() {
            RulePack.Rule byline = rules.heuristics.get("byline-block");
            if (byline != null) {
                bylineBlock(byline);
            }
            RulePack.Rule title = rules.heuristics.get("repeated-title");
            if (title != null) {
                repeatedTitle(title);
            }
            for (CreditRegexRule r : rules.creditRegex) {
                if ("last".equals(r.position)) {
                    int last = n - 1;
                    while (last > 0 && cls[last] != null) {
                        last--;
                    }
                    if (last > 0 && cls[last] == null && t[last].length() <= 120) {
                        Matcher m = r.p.matcher(t[last]);
                        if (m.matches()) {
                            acc.credit(r.field, group(m, "name"));
                            acc.creditLines.add(t[last]);
                            cls[last] = Cls.of(r.id, r.kind);
                        }
                    }
                }
            }
            RulePack.Rule teaser = rules.heuristics.get("teaser");
            if (teaser != null) {
                teasers(teaser);
            }
            RulePack.Rule sweep = rules.heuristics.get("tail-sweep");
            if (sweep != null) {
                tailSweep(sweep);
            }
        }

        private void bylineBlock(RulePack.Rule r) {
            Pattern label = compileCached(r.id(), r.string("label", "(?!)"));
            List<String> roles = r.list("roles");
            for (int i = 1; i < n; i++) {
                if (cls[i] != null || t[i].length() > 40 || !label.matcher(t[i]).matches()) {
                    continue;
                }
                cls[i] = Cls.of(r.id(), r.kind());
                acc.creditLines.add(t[i]);
                int j = i - 1;
                while (j >= 1 && i - j <= 4 && cls[j] == null && t[j].length() <= 50
                        && NAME.matcher(t[j]).matches()) {
                    j--;
                }
                int k = 0;
                for (int x = j + 1; x < i; x++) {
                    cls[x] = Cls.of(r.id(), r.kind());
                    acc.creditLines.add(t[x]);
                    if (k < roles.size()) {
                        acc.credit(roles.get(k++), t[x].replaceAll("[,;]$", ""));
                    }
                }
            }
        }

        private void repeatedTitle(RulePack.Rule r) {
            if (cls[0] != null || t[0].length() > 300 || Text.words(t[0]) < r.integer("minTitleWords", 4)) {
                return;
            }
            String title = Text.norm(t[0]);
            if (title.length() < 12) {
                return;
            }
            for (int i = 1; i < n; i++) {
                if (cls[i] != null) {
                    continue;
                }
                String s = t[i];
                if (s.length() < title.length() || firstAlnumLower(s) != title.charAt(0)) {
                    continue;
                }
                String ni = Text.norm(s.length() > title.length() * 3 + 100 ? s.substring(0, title.length() * 3 + 100) : s);
                if (ni.equals(title)) {
                    cls[i] = Cls.of(r.id(), r.kind());
                    if (i > n / 2 && i >= n - TAIL_LINES) {
                        for (int j = i + 1; j < n; j++) {
                            if (cls[j] == null) {
                                cls[j] = Cls.of(r.id(), r.kind());
                            }
                        }
                        return;
                    }
                } else if (ni.startsWith(title) && ni.length() > title.length() + 3 && Text.words(s, 61) <= 60) {
                    cls[i] = Cls.of(r.id(), "caption");
                }
            }
        }

        private void teasers(RulePack.Rule r) {
            int minWords = r.integer("minWords", 8);
            int maxWords = r.integer("maxWords", 30);
            double minTitle = r.decimal("minTitleCase", 0.8);
            double maxOverlap = r.decimal("maxOverlap", 0.3);
            boolean[] cand = new boolean[n];
            boolean anyCand = false;
            for (int i = 1; i < n; i++) {
                String s = t[i];
                if (cls[i] != null || s.length() > MAX_HEADLINE_CHARS || s.endsWith(".") || Text.startsWithQuote(s)
                        || NUMBERED.matcher(s).lookingAt()) {
                    continue;
                }
                int w = Text.words(s, maxWords + 1);
                if (w < minWords || w > maxWords || rules.vocabulary.titleCaseShare(s) < minTitle) {
                    continue;
                }
                cand[i] = true;
                anyCand = true;
            }
            if (!anyCand) {
                return;
            }
            Map<String, Integer> df = new HashMap<>();
            List<Set<String>> stems = new ArrayList<>(n);
            boolean[] inDf = new boolean[n];
            int budget = 200_000;
            for (int i = 0; i < n; i++) {
                List<String> st = budget > 0 ? rules.vocabulary.contentStems(t[i], Math.min(5_000, budget)) : List.of();
                budget -= st.size();
                Set<String> u = new HashSet<>(st);
                stems.add(u);
                if (cls[i] == null && !cand[i]) {
                    inDf[i] = true;
                    for (String x : u) {
                        df.merge(x, 1, Integer::sum);
                    }
                }
            }
            int window = r.integer("window", 2);
            boolean[] teaser = new boolean[n];
            int first = -1;
            double tailFrom = r.decimal("tailFrom", 0.6);
            double maxOverlapBody = r.decimal("maxOverlapBody", maxOverlap);
            for (int i = 1; i < n; i++) {
                // between story paragraphs a real sub-heading is likelier, so ask for less shared vocabulary there
                double limit = i >= n * tailFrom ? maxOverlap : maxOverlapBody;
                if (cand[i] && overlap(i, window, stems, df, inDf) <= limit) {
                    teaser[i] = true;
                    if (first < 0) {
                        first = i;
                    }
                }
            }
            for (int i = 1; i < n; i++) {
                if (teaser[i]) {
                    cls[i] = Cls.headline(r.id(), r.kind(), t[i]);
                }
            }
            // a run of unlabeled recommendations at the end: cut the rest if none of it is about the story
            if (first >= 0 && first >= n * tailFrom) {
                boolean rest = true;
                for (int j = first + 1; rest && j < n; j++) {
                    rest = cls[j] != null || Text.words(t[j], 6) <= 5 || overlap(j, 0, stems, df, inDf) <= maxOverlap;
                }
                if (rest) {
                    for (int j = first + 1; j < n; j++) {
                        if (cls[j] == null) {
                            cls[j] = Cls.of(r.id(), "chrome");
                        }
                    }
                }
            }
        }

        /**
         * Share of a line's stems that occur in other kept lines, not counting short lines (a caption, a teaser's
         * summary) within {@code i±window}; 1.0 when the line has fewer than three stems.
         */
        private double overlap(int i, int window, List<Set<String>> stems, Map<String, Integer> df, boolean[] inDf) {
            Set<String> u = stems.get(i);
            if (u.size() < 3) {
                return 1.0;
            }
            int hit = 0;
            for (String x : u) {
                int c = df.getOrDefault(x, 0);
                for (int j = Math.max(0, i - window); c > 0 && j <= Math.min(n - 1, i + window); j++) {
                    if (inDf[j] && (j == i || Text.words(t[j], 26) <= 25) && stems.get(j).contains(x)) {
                        c--;
                    }
                }
                if (c > 0) {
                    hit++;
                }
            }
            return (double) hit / u.size();
        }

        private void tailSweep(RulePack.Rule r) {
            int maxWords = r.integer("maxWords", 6);
            int maxChars = r.integer("maxChars", 60);
            List<Integer> pending = new ArrayList<>();
            for (int i = n - 1; i >= 1; i--) {
                if (cls[i] != null) {
                    for (int p : pending) {
                        cls[p] = Cls.of(r.id(), r.kind());
                    }
                    pending.clear();
                    continue;
                }
                String s = t[i];
                if (s.length() <= maxChars && Text.words(s, maxWords + 1) <= maxWords && !Text.startsWithQuote(s)
                        && !SENTENCE_END.matcher(s).find()) {
                    pending.add(i);
                    continue;
                }
                break;
            }
        }

        // ---- dateline ---------------------------------------------------------------------------------------

        private Matcher[] datelineMatchers;

        /** A matcher of dateline pattern {@code p} (memo slot {@code slot}) reset to {@code s}, reused within a pass. */
        private Matcher datelineMatcher(int slot, Pattern p, String s) {
            if (datelineMatchers == null) {
                datelineMatchers = new Matcher[rules.slots - rules.datelineSlot];
            }
            Matcher m = datelineMatchers[slot - rules.datelineSlot];
            if (m == null) {
                m = p.matcher(s);
                datelineMatchers[slot - rules.datelineSlot] = m;
            } else {
                m.reset(s);
            }
            return m;
        }

        private int preliminaryDateline() {
            int base = rules.datelineSlot;
            for (DatelineRule r : rules.datelines) {
                for (int i = 0; i < Math.min(n, 14); i++) {
                    String pre = t[i].length() > 200 ? t[i].substring(0, 200) : t[i];
                    byte[] memo = memo(i);
                    for (int k = 0; k < r.patterns.size(); k++) {
                        if (memo[base + k] != 0 || !canStart(r.filters.get(k), pre)) {
                            continue;
                        }
                        Matcher m = datelineMatcher(base + k, r.patterns.get(k), pre);
                        if (!m.lookingAt()) {
                            memo[base + k] = 1; // a function of t[i] alone
                            continue;
                        }
                        if (Text.words(t[i].substring(m.end()), r.minRestWords) >= r.minRestWords) {
                            return i;
                        }
                    }
                }
                base += r.patterns.size();
            }
            return -1;
        }

        private void dateline() {
            int nextBase = rules.datelineSlot;
            for (DatelineRule r : rules.datelines) {
                int base = nextBase;
                nextBase += r.patterns.size();
                int seen = 0;
                boolean stopped = false; // past the first full paragraph: only a bare header place may follow
                boolean paragraph = false; // a sentence came before: a mixed-case "Place -" is no dateline now
                for (int i = 0; i < n && seen < r.searchLines; i++) {
                    if (cls[i] != null) {
                        continue;
                    }
                    seen++;
                    String s = nb.get(i).text;
                    int lead = s.length() - s.stripLeading().length();
                    String pre = t[i].length() > 200 ? t[i].substring(0, 200) : t[i];
                    byte[] memo = memo(i);
                    for (int k = 0; !stopped && k < r.patterns.size(); k++) {
                        if (memo[base + k] != 0 || !canStart(r.filters.get(k), pre)) {
                            continue;
                        }
                        Matcher m = datelineMatcher(base + k, r.patterns.get(k), pre);
                        if (!m.lookingAt()) {
                            memo[base + k] = 1; // a function of t[i] alone
                            continue;
                        }
                        String rest = t[i].substring(m.end());
                        if (Text.words(rest, r.minRestWords) < r.minRestWords) {
                            continue;
                        }
                        String[] po = placeOutlet(r, m);
                        boolean placeOnly = po[1] == null && !isUpper(po[0]);
                        boolean colon = m.group().strip().endsWith(":"); // "Mumbai: Police said ..." (English)
                        if (placeOnly && ((paragraph && !colon) || (i == 0 && Text.words(t[i], 15) < 15))) {
                            continue;
                        }
                        setDateline(r, i, lead + m.start(), lead + m.end(), po);
                        return;
                    }
                    int paren = t[i].indexOf('(');
                    if (!stopped && r.mid != null && i <= 3 && paren >= 0 && paren < 600) {
                        String head = t[i].length() > 600 ? t[i].substring(0, 600) : t[i];
                        Matcher m = r.mid.matcher(head);
                        if (m.find()) {
                            setDateline(r, i, lead + m.start(), lead + m.end(),
                                    new String[] {group(m, "place"), group(m, "outlet")});
                            return;
                        }
                    }
                    if (r.bare != null && head(i) && i + 1 < n && t[i].length() <= 60
                            && Text.words(t[i + 1], 15) >= 15) {
                        Matcher m = r.bare.matcher(t[i]);
                        if (m.matches()) {
                            cls[i] = Cls.of(r.id, r.kind);
                            if (acc.dateline == null) {
                                acc.dateline = new Dateline(group(m, "place"), null, t[i]);
                            }
                            return;
                        }
                    }
                    int w = Text.words(t[i], 25);
                    stopped |= w >= 25;
                    paragraph |= w >= 15 || SENTENCE_END.matcher(t[i]).find();
                }
            }
        }

        private void setDateline(DatelineRule r, int i, int start, int end, String[] po) {
            String text = nb.get(i).text.substring(start, end).strip();
            if (acc.dateline == null) {
                acc.dateline = new Dateline(po[0], po[1], text);
            }
            addSpan(i, new Span(start, end, r.id, r.kind));
        }

        private String[] placeOutlet(DatelineRule r, Matcher m) {
            String place = group(m, "place");
            String outlet = group(m, "outlet");
            String a = group(m, "a");
            String b = group(m, "b");
            if (a != null && b != null) {
                if (outletLike(r, a) && !outletLike(r, b)) {
                    outlet = a;
                    place = b;
                } else {
                    place = a;
                    outlet = b;
                }
            } else if (a != null) {
                if (outletLike(r, a)) {
                    outlet = a;
                } else {
                    place = a;
                }
            }
            return new String[] {place, outlet};
        }

        private boolean outletLike(DatelineRule r, String s) {
            return (s.length() <= 60 && Text.domainLike(s)) || r.outlets.contains(s) || s.contains(".");
        }

        // ---- inline fragments -------------------------------------------------------------------------------

        private void addSpan(int i, Span s) {
            Spans l = spans.get(i);
            if (l == null) {
                l = new Spans();
                spans.set(i, l);
            }
            l.add(s);
        }

        private boolean covered(int i, int pos) {
            Spans l = spans.get(i);
            return l != null && l.covered(pos);
        }

        private int nextSpanStart(int i, int pos, int def) {
            Spans l = spans.get(i);
            return l == null ? def : l.nextStart(pos, def);
        }

        /** End of the uncovered text: the line end, or the start of a span that reaches the line end. */
        private int effectiveEnd(int i) {
            String s = nb.get(i).text;
            int e = s.length();
            Spans l = spans.get(i);
            while (true) {
                while (e > 0 && Character.isWhitespace(s.charAt(e - 1))) {
                    e--;
                }
                int st = l == null ? -1 : l.startOfSpanEndingAtOrAfter(e);
                if (st < 0 || st >= e) {
                    return e;
                }
                e = st;
            }
        }

        /** The memo of pure inline-search failures on the text of line {@code i}. */
        private byte[] inlineMemo(int i) {
            Line l = nb.get(i);
            byte[] m = l.inlineMemo;
            if (m == null) {
                m = new byte[rules.inlineSlots];
                l.inlineMemo = m;
            }
            return m;
        }

        private void inline(int i) {
            String s = nb.get(i).text;
            inlineRules(i, s);
            inlineSyndication(i, s);
            inlineCredits(i, s);
            endOfLine(i, s);
            inlineRelated(i, s);
        }

        /** Ads and prompts glued into a line. */
        private void inlineRules(int i, String s) {
            byte[] memo = null;
            for (int q = 0; q < rules.inline.size(); q++) {
                InlineRule r = rules.inline.get(q);
                if (!hasAny(s, r.requiresAny, 0)) {
                    continue;
                }
                if (memo == null) {
                    memo = inlineMemo(i);
                }
                if (memo[q] != 0) {
                    continue; // the pattern was already found nowhere in this very line
                }
                Matcher m = r.p.matcher(s);
                if (!m.find()) {
                    memo[q] = 1;
                    continue;
                }
                m.reset();
                while (m.find()) {
                    if (covered(i, m.start())) {
                        continue;
                    }
                    int end = m.end();
                    if (r.extendSentence) {
                        end = sentenceEnd(s, end);
                        while (end < s.length()) {
                            int next = sentenceEnd(s, end);
                            String sent = s.substring(end, next);
                            boolean cont = false;
                            for (String w : r.continueWords) {
                                if (sent.contains(w)) {
                                    cont = true;
                                    break;
                                }
                            }
                            if (!cont) {
                                break;
                            }
                            end = next;
                        }
                    }
                    addSpan(i, new Span(m.start(), end, r.id, r.kind));
                    if (end > m.end()) {
                        m.region(end, s.length());
                    }
                }
            }
        }

        /** A syndication footer glued to a line. */
        private void inlineSyndication(int i, String s) {
            for (TayangRule r : rules.tayang) {
                // the lead's literal prefixes, read off the lead pattern itself, rule out most lines cheaply
                boolean possible = r.leadPrefixes.isEmpty() || LiteralPrefixes.containsIgnoreCase(s, r.leadPrefixes);
                Matcher m = possible ? r.lead.matcher(s) : null;
                if (possible && m.find() && m.start() > 0 && !covered(i, m.start())) {
                    int end = nextSpanStart(i, m.start(), s.length());
                    parseTayang(r, s.substring(0, end), m.start(), m.end());
                    addSpan(i, new Span(m.start(), end, r.id, r.kind));
                } else if (r.truncated != null) {
                    int e = effectiveEnd(i);
                    int from = Math.max(0, e - 60);
                    Matcher tm = r.truncated.matcher(s).region(from, e);
                    if (tm.find() && tm.start() > 0) {
                        acc.syndication(null, null, null, s.substring(tm.start(), e));
                        addSpan(i, new Span(tm.start(), e, r.id, r.kind));
                    }
                }
            }
        }

        /** True if some ':' or '|' in {@code s} has one of {@code roleLast} at most four characters before it. */
        private boolean roleBeforeSeparator(String s, String roleLast) {
            if (roleLast == null) {
                return true;
            }
            for (int q = s.indexOf(':'); q >= 0; q = s.indexOf(':', q + 1)) {
                if (anyCharIn(s, q - 4, q, roleLast)) {
                    return true;
                }
            }
            for (int q = s.indexOf('|'); q >= 0; q = s.indexOf('|', q + 1)) {
                if (anyCharIn(s, q - 4, q, roleLast)) {
                    return true;
                }
            }
            return false;
        }

        /** Credits glued to the end of the text ("... kata dia. Pewarta: X Editor: Y COPYRIGHT © ANTARA 2020"). */
        private void inlineCredits(int i, String s) {
            boolean hasSep = s.indexOf(':') >= 0 || s.indexOf('|') >= 0;
            byte[] memo = null;
            for (int q = 0; q < rules.credits.size(); q++) {
                CreditRule r = rules.credits.get(q);
                if (!hasSep) {
                    break;
                }
                if (!roleBeforeSeparator(s, r.roleLast)) {
                    continue; // no role ends within \s{0,3} before a ':' or '|': the find below cannot match
                }
                if (memo == null) {
                    memo = inlineMemo(i);
                }
                int slot = rules.inlineCreditSlot + q;
                if (memo[slot] != 0) {
                    continue; // already found nowhere in this very line
                }
                Matcher m = r.find.matcher(s);
                if (!m.find()) {
                    memo[slot] = 1;
                    continue;
                }
                m.reset();
                while (m.find()) {
                    if (m.start() == 0 || covered(i, m.start())) {
                        continue;
                    }
                    int k = m.start() - 1;
                    while (k >= 0 && Character.isWhitespace(s.charAt(k))) {
                        k--;
                    }
                    if (k < 0 || ".!?\"”)".indexOf(s.charAt(k)) < 0 || k == m.start() - 1) {
                        continue;
                    }
                    int end = nextSpanStart(i, m.start(), effectiveEnd(i));
                    if (end - m.start() > 250 || end <= m.start()) {
                        continue;
                    }
                    String frag = s.substring(m.start(), end);
                    parseCredits(r, frag, 0);
                    acc.creditLines.add(frag.strip());
                    addSpan(i, new Span(m.start(), end, r.id, r.kind));
                    break;
                }
            }
        }

        /** End-of-line labels and writer codes, repeatedly ("... kata dia. (agk) READ MORE"). */
        private void endOfLine(int i, String s) {
            boolean again = true;
            int guard = 0;
            while (again && guard++ < 4) {
                again = false;
                int e = effectiveEnd(i);
                if (e <= 0) {
                    break;
                }
                int from = Math.max(0, e - 200);
                for (EolRule r : rules.eol) {
                    if (!hasAny(s, r.requiresAny, from)) {
                        continue;
                    }
                    Matcher m = r.p.matcher(s).region(from, e);
                    m.useTransparentBounds(true);
                    if (m.find() && m.start() > 0) {
                        addSpan(i, new Span(m.start(), e, r.id, r.kind));
                        again = true;
                        break;
                    }
                }
                if (again) {
                    continue;
                }
                char lastChar = s.charAt(e - 1);
                for (WriterCodeRule r : rules.codes) {
                    if (lastChar != ')' && lastChar != ']') {
                        break;
                    }
                    for (Pattern p : new Pattern[] {r.lower, r.upper, r.bracket}) {
                        Matcher m = p.matcher(s).region(from, e);
                        m.useTransparentBounds(true);
                        if (m.find() && m.start() > 0) {
                            String code = group(m, "code");
                            if (p == r.lower && !afterSentence(s, m.start()) && code != null && code.length() > 3
                                    && code.chars().noneMatch(c -> c == '/' || Character.isDigit(c))) {
                                continue; // "... sistem zonasi (domisili)" is a gloss, not a writer code
                            }
                            acc.codes.add(code == null ? stripBrackets(m.group().strip()) : code);
                            acc.creditLines.add(m.group().strip());
                            addSpan(i, new Span(m.start(), e, r.id, r.kind));
                            again = true;
                            break;
                        }
                    }
                    if (again) {
                        break;
                    }
                }
            }
        }

        /** Related links glued into a line: "(BACA JUGA: X)" and "Baca juga: X" followed by the story. */
        private void inlineRelated(int i, String s) {
            byte[] memo = null;
            for (int q = 0; q < rules.related.size(); q++) {
                RelatedRule r = rules.related.get(q);
                if (r.inline == null) {
                    continue;
                }
                if (memo == null) {
                    memo = inlineMemo(i);
                }
                int parenSlot = rules.inlineParenSlot + q;
                Matcher pm = null;
                if (memo[parenSlot] == 0 && bracketThenLabel(s, r.parenFirst)) {
                    pm = r.paren.matcher(s);
                    if (pm.find()) {
                        pm.reset();
                    } else {
                        memo[parenSlot] = 1;
                        pm = null;
                    }
                }
                while (pm != null && pm.find()) {
                    if (covered(i, pm.start()) || (pm.start() == 0 && pm.end() >= s.stripTrailing().length())) {
                        continue;
                    }
                    acc.related(pm.group("h"), nb.get(i).orig, pm.start());
                    addSpan(i, new Span(pm.start(), pm.end(), r.id, r.kind));
                }
                int colonSlot = rules.inlineColonSlot + q;
                boolean anyLabel = false;
                for (int colon = memo[colonSlot] != 0 ? -1 : s.indexOf(':'); colon >= 0;
                        colon = s.indexOf(':', colon + 1)) {
                    // the label ends at most \s{0,2} plus a line terminator (for $) before the colon
                    int rs = Math.max(0, colon - 40);
                    if (!anyCharIn(s, Math.max(rs, colon - 5), colon, r.inlineLast)) {
                        continue;
                    }
                    Matcher m = r.inline.matcher(s).region(rs, colon);
                    m.useTransparentBounds(true);
                    if (!m.find()) {
                        continue;
                    }
                    anyLabel = true;
                    if (covered(i, m.start())) {
                        continue;
                    }
                    int from = colon + 1;
                    while (from < s.length() && from - colon <= 4 && s.charAt(from) == ' ') {
                        from++;
                    }
                    if (from >= s.length() || !headlineStart(s.codePointAt(from))) {
                        continue;
                    }
                    int limit = nextSpanStart(i, from, s.length());
                    int end = titleRun(s, from, limit, r.starters, rules.vocabulary);
                    if (end <= from) {
                        continue;
                    }
                    acc.related(s.substring(from, end), nb.get(i).orig, m.start());
                    addSpan(i, new Span(m.start(), end, r.id, r.kind));
                    colon = Math.max(colon, end - 1);
                }
                if (!anyLabel) {
                    memo[colonSlot] = 1; // every colon was tried and no label sits before any of them
                }
            }
        }

        // ---- apply ------------------------------------------------------------------------------------------

        private boolean apply() {
            boolean changed = false;
            Map<Line, String> replaced = new HashMap<>();
            Set<Line> dropped = new HashSet<>();
            for (int i = 0; i < n; i++) {
                Line line = nb.get(i);
                Cls c = cls[i];
                if (c != null) {
                    changed = true;
                    dropped.add(line);
                    acc.remove(c.rule, c.kind, t[i], line.orig, 0);
                    if (c.headline != null) {
                        acc.related(c.headline, line.orig, 0);
                    }
                    if (c.lineRule != null && c.lineRule.pageMarker) {
                        acc.partialPage = true;
                    }
                    if (c.lineRule != null && "credit".equals(c.kind)) {
                        acc.creditLines.add(t[i]);
                    }
                    continue;
                }
                Spans sp0 = spans.get(i);
                if (sp0 == null || sp0.list.isEmpty()) {
                    continue;
                }
                List<Span> l = sp0.list;
                l.sort(Comparator.comparingInt(Span::start));
                String s = line.text;
                StringBuilder b = new StringBuilder(s.length());
                int pos = 0;
                for (Span sp : l) {
                    if (sp.start < pos) {
                        if (sp.end <= pos) {
                            continue;
                        }
                        sp = new Span(pos, sp.end, sp.rule, sp.kind);
                    }
                    String removedText = s.substring(sp.start, sp.end).strip();
                    if (removedText.isEmpty()) {
                        continue;
                    }
                    join(b, s.substring(pos, sp.start));
                    acc.remove(sp.rule, sp.kind, removedText, line.orig, sp.start + 1);
                    pos = sp.end;
                    changed = true;
                }
                join(b, s.substring(pos));
                String nt = b.toString().strip();
                if (nt.isEmpty()) {
                    dropped.add(line);
                } else {
                    // keep the original indentation of the line
                    int lead = s.length() - s.stripLeading().length();
                    replaced.put(line, (lead > 0 && b.length() > 0 && Character.isWhitespace(b.charAt(0))
                            ? s.substring(0, lead) : "") + nt);
                }
            }
            out = new ArrayList<>(all.size());
            for (Line l : all) {
                if (dropped.contains(l)) {
                    continue;
                }
                String r = replaced.get(l);
                out.add(r == null ? l : new Line(r, l.orig));
            }
            return changed;
        }

        private void join(StringBuilder b, String piece) {
            if (piece.isBlank()) {
                return;
            }
            if (b.length() == 0) {
                b.append(piece);
                return;
            }
            int len = b.length();
            while (len > 0 && Character.isWhitespace(b.charAt(len - 1))) {
                len--;
            }
            b.setLength(len);
            b.append(' ').append(piece.stripLeading());
        }

        // ---- parsing helpers --------------------------------------------------------------------------------

        private void parseTayang(TayangRule r, String s, int leadStart, int afterLead) {
            String rest = s.substring(afterLead).strip();
            String outlet = rest;
            String title = null;
            int jm = rest.indexOf(r.titleMarker.strip());
            if (jm >= 0) {
                outlet = rest.substring(0, jm).strip();
                String after = rest.substring(jm + r.titleMarker.strip().length()).strip();
                if (after.startsWith(":")) {
                    after = after.substring(1).strip();
                }
                if (!after.isEmpty() && Text.isQuote(after.charAt(0))) {
                    int close = -1;
                    for (int k = 1; k < Math.min(after.length(), 400); k++) {
                        if (Text.isQuote(after.charAt(k))) {
                            close = k;
                            break;
                        }
                    }
                    title = close > 0 ? after.substring(1, close) : after.substring(1);
                } else {
                    int h = after.indexOf("http");
                    String t0 = h >= 0 ? after.substring(0, h) : after;
                    if (r.titleTail != null) {
                        t0 = r.titleTail.matcher(t0).replaceAll("");
                    }
                    title = cleanHeadline(t0);
                }
            } else {
                int sp = outlet.indexOf(' ');
                if (sp > 0 && outlet.length() > 60) {
                    outlet = outlet.substring(0, sp);
                }
            }
            String url = null;
            Matcher um = URL.matcher(rest);
            if (um.find()) {
                url = um.group().replaceAll("[.,;)]+$", "");
            }
            acc.syndication(cleanHeadline(outlet), title, url, s.substring(leadStart).strip());
        }

        private void parseSynd(Matcher m, String s) {
            String outlet = group(m, "outlet");
            String title = group(m, "title");
            String url = group(m, "url");
            String value = group(m, "value");
            if (value != null) {
                String v = value.strip();
                Matcher um = URL.matcher(v);
                if (um.lookingAt()) {
                    url = um.group().replaceAll("[.,;)]+$", "");
                    Matcher hm = HOST.matcher(url);
                    outlet = hm.find() ? hm.group(1) : null;
                } else {
                    outlet = v;
                }
            }
            acc.syndication(outlet, title, url, s);
        }

        private void parseCredits(CreditRule r, String s, int from) {
            Matcher m = r.find.matcher(s);
            List<int[]> hits = new ArrayList<>();
            List<String> roleTexts = new ArrayList<>();
            Matcher st = r.start.matcher(s);
            if (st.lookingAt() && st.group("sep") != null && !st.group("sep").isBlank()) {
                hits.add(new int[] {st.start("roles"), st.end()});
                roleTexts.add(st.group("roles"));
                m.region(st.end(), s.length());
            }
            while (m.find()) {
                hits.add(new int[] {m.start(), m.end()});
                roleTexts.add(m.group("roles"));
            }
            for (int k = 0; k < hits.size(); k++) {
                int vs = hits.get(k)[1];
                int ve = k + 1 < hits.size() ? hits.get(k + 1)[0] : s.length();
                String v = s.substring(vs, Math.max(vs, ve));
                if (r.copyrightTail != null) {
                    v = r.copyrightTail.matcher(v).replaceFirst("");
                }
                v = v.replace("|", " ").strip().replaceAll("[,;:/–-]$", "").strip();
                assignRoles(r, roleTexts.get(k), v);
            }
        }

        private void assignRoles(CreditRule r, String roleText, String name) {
            if (name.isEmpty() || name.length() > 80) {
                return;
            }
            Matcher rm = r.roleSplit.matcher(roleText);
            for (String role : rm.replaceAll("\u0000").split("\u0000")) {
                String key = role.strip();
                for (Map.Entry<String, String> e : r.roles.entrySet()) {
                    if (e.getKey().equalsIgnoreCase(key)) {
                        acc.credit(e.getValue(), name);
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // static helpers

    private static final Pattern TRAILING_CODE =
            Pattern.compile("\\s{0,3}\\((?:[a-z][a-z0-9]{1,5}(?:/[a-z0-9]{2,8}){0,2}|\\*{1,3})\\)$");
    private static final Pattern NAME = Pattern.compile("\\p{Lu}[\\p{L}.'-]{0,25}(?: \\p{Lu}[\\p{L}.'-]{0,25}){0,3},?");
    private static final Pattern NUMBERED = Pattern.compile("\\d{1,2}[.)]\\s");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?\"”]$");
    private static final Pattern LEAD_BULLET = Pattern.compile("^[-–—•*»▶►>]{1,2}\\s{0,2}");
    private static final Pattern URL = Pattern.compile("https?://\\S{1,1000}");
    private static final Pattern HOST = Pattern.compile("https?://(?:www\\.)?([^/\\s]{1,200})");
    private static final Map<String, Pattern> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private static Pattern compileCached(String id, String regex) {
        return CACHE.computeIfAbsent(id + "\u0000" + regex, k -> compile(id, regex, 0));
    }

    static String group(Matcher m, String name) {
        try {
            String g = m.group(name);
            return g == null ? null : g.strip();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** True if the text before {@code pos} ends a sentence (after optional spaces). */
    static boolean afterSentence(String s, int pos) {
        int k = pos - 1;
        while (k >= 0 && Character.isWhitespace(s.charAt(k))) {
            k--;
        }
        return k >= 0 && ".!?\"”'’)".indexOf(s.charAt(k)) >= 0;
    }

    static int firstAlnumLower(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                return Character.toLowerCase(cp);
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    static boolean isUpper(String s) {
        if (s == null) {
            return false;
        }
        boolean letter = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
                if (!Character.isUpperCase(c)) {
                    return false;
                }
            }
        }
        return letter;
    }

    static String stripBrackets(String s) {
        String x = s.strip();
        if (x.length() >= 2 && (x.charAt(0) == '(' || x.charAt(0) == '[')) {
            x = x.substring(1, x.length() - 1);
        }
        return x.strip();
    }

    /** End of the sentence that contains {@code from} (after its final punctuation), at most 400 chars on. */
    static int sentenceEnd(String s, int from) {
        int lim = Math.min(s.length(), from + 400);
        for (int k = from; k < lim; k++) {
            char c = s.charAt(k);
            if ((c == '.' || c == '!' || c == '?') && (k + 1 == s.length() || Character.isWhitespace(s.charAt(k + 1)))) {
                return k + 1;
            }
        }
        return lim == s.length() ? lim : from;
    }

    /**
     * The end of a headline that starts at {@code from}: a run of capitalised words, numbers and lowercase
     * function words. A lowercase word ends it, and the capitalised word before that word is given back to the
     * sentence that follows; a quote or a bracket ends it without giving anything back.
     */
    static boolean headlineStart(int c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '“' || c == '\'' || c == '‘';
    }

    static int titleRun(String s, int from, int limit, Set<String> starters, Vocabulary vocabulary) {
        int pos = from;
        List<int[]> toks = new ArrayList<>();
        List<Integer> types = new ArrayList<>(); // 0 other, 1 capital/digit, 2 function word
        boolean backoff = false;
        while (pos < limit && toks.size() < 25) {
            while (pos < limit && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
            if (pos >= limit) {
                break;
            }
            int end = pos;
            while (end < limit && !Character.isWhitespace(s.charAt(end))) {
                end++;
            }
            char c0 = s.charAt(pos);
            if (Text.isQuote(c0) || c0 == '(' || c0 == '[') {
                if (!toks.isEmpty()) {
                    break;
                }
            }
            String tok = s.substring(pos, end);
            String w = Text.stripPunct(tok);
            int type;
            if (w.isEmpty()) {
                type = 0;
            } else {
                int c = w.codePointAt(0);
                if (Character.isUpperCase(c) || Character.isDigit(c)) {
                    type = 1;
                } else if (vocabulary.isFunctionWord(w)) {
                    type = 2;
                } else {
                    backoff = true;
                    break;
                }
            }
            toks.add(new int[] {pos, end});
            types.add(type);
            pos = end;
            if (tok.endsWith(".") && w.length() > 3 && type == 1) {
                break;
            }
        }
        int k = toks.size();
        if (backoff) {
            while (k > 0 && types.get(k - 1) != 1) {
                k--;
            }
            // the next sentence may open with a known starter ("Presiden Joko Widodo mengatakan ...")
            int cut = -1;
            for (int x = k - 1; x >= Math.max(2, k - 5) && types.get(x) != 2; x--) {
                int[] tk = toks.get(x);
                if (starters.contains(Text.stripPunct(s.substring(tk[0], tk[1])).toLowerCase(Locale.ROOT))) {
                    cut = x;
                }
            }
            if (cut >= 2) {
                k = cut;
            } else if (k >= 3) {
                k--;
            }
            while (k > 0 && types.get(k - 1) != 1) {
                k--;
            }
        }
        if (k == 0) {
            return from;
        }
        int end = toks.get(k - 1)[1];
        while (end > from && ",;:-".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }
}
