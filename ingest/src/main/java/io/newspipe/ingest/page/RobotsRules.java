package io.newspipe.ingest.page;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules of one site's {@code robots.txt} for one crawler, as RFC 9309 reads them: the groups whose
 * {@code user-agent} names the crawler's product token (case-insensitively), else the {@code *} groups, else no
 * rule; within them the {@code allow}/{@code disallow} rule with the longest matching path wins, and {@code allow}
 * wins a tie. Paths may hold {@code *} (any characters) and end in {@code $} (the end of the path). A
 * {@code crawl-delay} in the chosen groups (not part of the RFC, but widely used) is kept as a lower bound on the
 * time between two requests to the site. Lines that are not rules are ignored.
 */
public final class RobotsRules {

    /** Everything allowed: no robots.txt (a 4xx answer), or no group for the crawler. */
    public static final RobotsRules ALLOW_ALL = new RobotsRules(List.of(), Duration.ZERO);

    /** Nothing allowed: the robots.txt could not be read (a 5xx answer, no answer), as RFC 9309 asks. */
    public static final RobotsRules DISALLOW_ALL = new RobotsRules(List.of(new Rule(false, "/")), Duration.ZERO);

    private record Rule(boolean allow, String pattern) {
    }

    private final List<Rule> rules;
    private final Duration crawlDelay;

    private RobotsRules(List<Rule> rules, Duration crawlDelay) {
        this.rules = List.copyOf(rules);
        this.crawlDelay = crawlDelay;
    }

    /** Parses {@code text} for the crawler whose product token is {@code productToken} (e.g. newspipe). */
    public static RobotsRules parse(String text, String productToken) {
        String token = productToken.toLowerCase(Locale.ROOT);
        List<Rule> mine = new ArrayList<>();
        List<Rule> anyone = new ArrayList<>();
        Duration myDelay = null;
        Duration anyDelay = null;
        boolean forMe = false;
        boolean forAnyone = false;
        boolean inAgents = false;
        boolean sawMine = false;
        for (String raw : text.split("\r\n|\r|\n")) {
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (key.equals("user-agent")) {
                if (!inAgents) { // a new group starts
                    forMe = false;
                    forAnyone = false;
                }
                inAgents = true;
                String agent = value.toLowerCase(Locale.ROOT);
                if (agent.equals("*")) {
                    forAnyone = true;
                } else if (!agent.isEmpty() && (agent.equals(token) || agent.startsWith(token + "/"))) {
                    forMe = true;
                    sawMine = true;
                }
                continue;
            }
            inAgents = false;
            if (key.equals("allow") || key.equals("disallow")) {
                if (value.isEmpty()) {
                    continue; // "disallow:" with no path allows everything: no rule
                }
                Rule rule = new Rule(key.equals("allow"), value);
                if (forMe) {
                    mine.add(rule);
                }
                if (forAnyone) {
                    anyone.add(rule);
                }
            } else if (key.equals("crawl-delay")) {
                Duration d = delay(value);
                if (d != null && forMe) {
                    myDelay = d;
                }
                if (d != null && forAnyone) {
                    anyDelay = d;
                }
            }
        }
        if (sawMine) {
            return new RobotsRules(mine, myDelay == null ? Duration.ZERO : myDelay);
        }
        return new RobotsRules(anyone, anyDelay == null ? Duration.ZERO : anyDelay);
    }

    private static Duration delay(String value) {
        try {
            double seconds = Double.parseDouble(value);
            return seconds > 0 && seconds < 86_400 ? Duration.ofMillis((long) (seconds * 1000)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether the crawler may fetch {@code pathAndQuery} (the path, with {@code ?query} when there is one). */
    public boolean allows(String pathAndQuery) {
        String path = pathAndQuery == null || pathAndQuery.isEmpty() ? "/" : pathAndQuery;
        Rule best = null;
        for (Rule r : rules) {
            if (matches(r.pattern(), path) && (best == null || r.pattern().length() > best.pattern().length()
                    || r.pattern().length() == best.pattern().length() && r.allow())) {
                best = r;
            }
        }
        return best == null || best.allow();
    }

    /** The site's crawl-delay for this crawler, zero when it names none. */
    public Duration crawlDelay() {
        return crawlDelay;
    }

    /** {@code *} matches any run of characters; a final {@code $} anchors the end; else a prefix match. */
    static boolean matches(String pattern, String path) {
        boolean anchored = pattern.endsWith("$");
        String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
        return matchFrom(p, 0, path, 0, anchored);
    }

    private static boolean matchFrom(String p, int pi, String s, int si, boolean anchored) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                while (pi < p.length() && p.charAt(pi) == '*') {
                    pi++;
                }
                if (pi == p.length()) {
                    return true;
                }
                for (int k = si; k <= s.length(); k++) {
                    if (matchFrom(p, pi, s, k, anchored)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length() || s.charAt(si) != c) {
                return false;
            }
            pi++;
            si++;
        }
        return !anchored || si == s.length();
    }
}
