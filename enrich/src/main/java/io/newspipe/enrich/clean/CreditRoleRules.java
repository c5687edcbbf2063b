package io.newspipe.enrich.clean;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code credit} family: role labels ("Penulis:", "Editor |") before names, on a credit line of their own or
 * glued after the last sentence of a paragraph ("... kata dia. Pewarta: X Editor: Y").
 */
final class CreditRoleRules implements RuleFamily {

    private static final Pattern BARE_NAME = Pattern.compile("\\p{Lu}[\\p{L}.'-]{0,25}(?: \\p{Lu}[\\p{L}.'-]{0,25}){0,3}");

    private record Rule(String id, String kind, Map<String, String> roles, AnchoredPattern start,
                        StartFilter filter, AnchoredPattern find, Set<String> bare, Pattern roleSplit,
                        Pattern copyrightTail, int memo) {
    }

    private final AnchorIndex.Builder patterns;
    private final FailureMemos memos;
    private final List<Rule> rules = new ArrayList<>();

    CreditRoleRules(AnchorIndex.Builder patterns, FailureMemos memos) {
        this.patterns = patterns;
        this.memos = memos;
    }

    @Override
    public String type() {
        return "credit";
    }

    @Override
    public void add(RulePack.Rule r) {
        String id = r.id();
        Map<String, String> roles = new LinkedHashMap<>();
        r.spec().path("roles").properties().forEach(e -> roles.put(e.getKey(), e.getValue().asText()));
        String labels = CompiledRules.alternation(new ArrayList<>(roles.keySet()));
        List<String> joiners = r.list("joiners");
        String joiner = joiners.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        String group = joiners.isEmpty() ? "(?:" + labels + ")"
                : "(?:" + labels + ")(?:\\s{0,3}(?:" + joiner + ")\\s{0,3}(?:" + labels + ")){0,3}";
        String split = joiners.stream()
                .map(j -> j.chars().allMatch(Character::isLetter) ? "\\b" + Pattern.quote(j) + "\\b" : Pattern.quote(j))
                .collect(Collectors.joining("|"));
        List<String> markers = r.list("copyrightMarkers");
        AnchoredPattern start = patterns.compile(id, "\\s{0,3}(?<roles>" + group + ")(?![\\p{L}\\d'’])"
                + "(?<sep>(?:\\s{0,3}[|:]){0,3})\\s{0,3}", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        AnchoredPattern find = patterns.compile(id, "(?<![\\p{L}\\d])(?<roles>" + group + ")(?:\\s{0,3}[|:]){1,3}\\s{0,3}", 0);
        Set<String> bare = new HashSet<>();
        r.list("bareRoles").forEach(b -> bare.add(b.toLowerCase(Locale.ROOT)));
        rules.add(new Rule(id, r.kind(), roles, start, StartFilter.of(start.pattern()), find, bare,
                CompiledRules.compile(id, joiners.isEmpty() ? "(?!)" : "\\s{0,3}(?:" + split + ")\\s{0,3}", 0),
                markers.isEmpty() ? null : CompiledRules.compile(id, "(?i)\\s{0,3}(?:" + markers.stream()
                        .map(Pattern::quote).collect(Collectors.joining("|")) + ").{0,200}$", 0),
                memos.inlineSlot()));
    }

    @Override
    public LineVerdict claim(CleaningPass pass, int i) {
        String s = pass.stripped(i);
        for (Rule r : rules) {
            if (s.length() <= 300 && creditLine(pass, r, i, s)) {
                return LineVerdict.of(r.id, r.kind);
            }
        }
        return null;
    }

    private boolean creditLine(CleaningPass pass, Rule r, int i, String s) {
        if (!r.filter.canStart(s) || !pass.mayMatch(i, r.start, 0)) {
            return false;
        }
        Matcher m = r.start.pattern().matcher(s);
        if (!m.lookingAt()) {
            return false;
        }
        String separator = m.group("sep");
        String rest = s.substring(m.end()).strip();
        if (separator == null || separator.isBlank()) {
            // "Editor Restu": a bare role and a short name, only at the end
            String role = m.group("roles").toLowerCase(Locale.ROOT);
            if (!r.bare.contains(role) || !pass.tail(i) || rest.isEmpty() || !BARE_NAME.matcher(rest).matches()) {
                return false;
            }
            assignRoles(pass.findings(), r, m.group("roles"), rest);
            pass.findings().creditLines.add(s);
            return true;
        }
        parse(pass.findings(), r, s);
        pass.findings().creditLines.add(s);
        return true;
    }

    /** Credits glued to the end of the text ("... kata dia. Pewarta: X Editor: Y COPYRIGHT © ANTARA 2020"). */
    @Override
    public void cut(CleaningPass pass, int i) {
        String s = pass.text(i);
        if (s.indexOf(':') < 0 && s.indexOf('|') < 0) {
            return;
        }
        for (int q = 0; q < rules.size(); q++) {
            Rule r = rules.get(q);
            if (!pass.mayMatch(i, r.find, 0)) {
                continue; // no role label in the line: the search below cannot match
            }
            if (pass.inlineKnownToFail(i, r.memo)) {
                continue;
            }
            Matcher m = r.find.pattern().matcher(s);
            if (!m.find()) {
                pass.rememberInlineFailure(i, r.memo);
                continue;
            }
            m.reset();
            while (m.find()) {
                if (m.start() == 0 || pass.covered(i, m.start())) {
                    continue;
                }
                int k = m.start() - 1;
                while (k >= 0 && Character.isWhitespace(s.charAt(k))) {
                    k--;
                }
                if (k < 0 || ".!?\"”)".indexOf(s.charAt(k)) < 0 || k == m.start() - 1) {
                    continue;
                }
                int end = pass.nextSpanStart(i, m.start(), pass.effectiveEnd(i));
                if (end - m.start() > 250 || end <= m.start()) {
                    continue;
                }
                String fragment = s.substring(m.start(), end);
                parse(pass.findings(), r, fragment);
                pass.findings().creditLines.add(fragment.strip());
                pass.addSpan(i, new Span(m.start(), end, r.id, r.kind));
                break;
            }
        }
    }

    private static void parse(Findings findings, Rule r, String s) {
        Matcher m = r.find.pattern().matcher(s);
        List<int[]> hits = new ArrayList<>();
        List<String> roleTexts = new ArrayList<>();
        Matcher start = r.start.pattern().matcher(s);
        if (start.lookingAt() && start.group("sep") != null && !start.group("sep").isBlank()) {
            hits.add(new int[] {start.start("roles"), start.end()});
            roleTexts.add(start.group("roles"));
            m.region(start.end(), s.length());
        }
        while (m.find()) {
            hits.add(new int[] {m.start(), m.end()});
            roleTexts.add(m.group("roles"));
        }
        for (int k = 0; k < hits.size(); k++) {
            int valueStart = hits.get(k)[1];
            int valueEnd = k + 1 < hits.size() ? hits.get(k + 1)[0] : s.length();
            String value = s.substring(valueStart, Math.max(valueStart, valueEnd));
            if (r.copyrightTail != null) {
                value = r.copyrightTail.matcher(value).replaceFirst("");
            }
            value = value.replace("|", " ").strip().replaceAll("[,;:/–-]$", "").strip();
            assignRoles(findings, r, roleTexts.get(k), value);
        }
    }

    private static void assignRoles(Findings findings, Rule r, String roleText, String name) {
        if (name.isEmpty() || name.length() > 80) {
            return;
        }
        for (String role : r.roleSplit.matcher(roleText).replaceAll("\u0000").split("\u0000")) {
            String key = role.strip();
            for (Map.Entry<String, String> e : r.roles.entrySet()) {
                if (e.getKey().equalsIgnoreCase(key)) {
                    findings.credit(e.getValue(), name);
                }
            }
        }
    }
}
