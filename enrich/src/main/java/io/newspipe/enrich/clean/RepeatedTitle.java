package io.newspipe.enrich.clean;

/**
 * {@code repeated-title}: the first line (the title) repeated further down. A repeat near the end is removed with
 * everything after it; a longer line that starts with the title is a caption.
 */
final class RepeatedTitle implements Heuristic {

    /** Most words of a line taken for a title: longer first lines that end a sentence are story paragraphs. */
    private static final int MAX_TITLE_WORDS = 15;

    private final String id;
    private final String kind;
    private final int minTitleWords;

    RepeatedTitle(RulePack.Rule rule) {
        id = rule.id();
        kind = rule.kind();
        minTitleWords = rule.integer("minTitleWords", 4);
    }

    @Override
    public void run(CleaningPass pass) {
        int n = pass.size();
        String first = pass.stripped(0);
        if (pass.verdict(0) != null || first.length() > 300 || Text.words(first) < minTitleWords) {
            return;
        }
        // a first line of sentences is the story's opening paragraph (no title was kept), not a title
        if (first.endsWith(".") && pass.words(0, MAX_TITLE_WORDS + 1) > MAX_TITLE_WORDS) {
            return;
        }
        String title = Text.norm(first);
        if (title.length() < 12) {
            return;
        }
        for (int i = 1; i < n; i++) {
            if (pass.verdict(i) != null) {
                continue;
            }
            String s = pass.stripped(i);
            if (s.length() < title.length() || Text.firstAlphanumericLower(s) != title.charAt(0)) {
                continue;
            }
            int prefix = title.length() * 3 + 100;
            String normalised = Text.norm(s.length() > prefix ? s.substring(0, prefix) : s);
            if (normalised.equals(title)) {
                pass.claim(i, LineVerdict.of(id, kind));
                if (i > n / 2 && i >= n - CleaningPass.TAIL_LINES) {
                    for (int j = i + 1; j < n; j++) {
                        // a story paragraph after the repeat means the page went on (a capped copy), not a footer
                        if (pass.verdict(j) == null && pass.words(j, MAX_TITLE_WORDS * 4 + 1) <= MAX_TITLE_WORDS * 4) {
                            pass.claim(j, LineVerdict.of(id, kind));
                        }
                    }
                    return;
                }
            } else if (normalised.startsWith(title) && normalised.length() > title.length() + 3
                    && Text.words(s, 61) <= 60) {
                pass.claim(i, LineVerdict.of(id, "caption"));
            }
        }
    }
}
