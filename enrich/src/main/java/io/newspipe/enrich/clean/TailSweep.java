package io.newspipe.enrich.clean;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code tail-sweep}: short widget labels ("Bagikan", "Komentar 3") among the footer. Walking up from the last line,
 * a run of short lines that are not sentences is removed when a claimed line stands above it.
 */
final class TailSweep implements Heuristic {

    private final String id;
    private final String kind;
    private final int maxWords;
    private final int maxChars;

    TailSweep(RulePack.Rule rule) {
        id = rule.id();
        kind = rule.kind();
        maxWords = rule.integer("maxWords", 6);
        maxChars = rule.integer("maxChars", 60);
    }

    @Override
    public void run(CleaningPass pass) {
        List<Integer> pending = new ArrayList<>();
        for (int i = pass.size() - 1; i >= 1; i--) {
            if (pass.verdict(i) != null) {
                for (int p : pending) {
                    pass.claim(p, LineVerdict.of(id, kind));
                }
                pending.clear();
                continue;
            }
            String s = pass.stripped(i);
            if (s.length() <= maxChars && pass.words(i, maxWords + 1) <= maxWords && !Text.startsWithQuote(s)
                    && !Text.endsSentence(s)) {
                pending.add(i);
                continue;
            }
            break;
        }
    }
}
