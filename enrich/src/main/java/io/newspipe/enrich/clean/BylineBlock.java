package io.newspipe.enrich.clean;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code byline-block}: a label line such as "Tim Redaksi" after up to four short name lines; the label and the
 * names are removed and the names fill the credit {@code roles} in order.
 */
final class BylineBlock implements Heuristic {

    private static final Pattern NAME = Pattern.compile("\\p{Lu}[\\p{L}.'-]{0,25}(?: \\p{Lu}[\\p{L}.'-]{0,25}){0,3},?");

    private final String id;
    private final String kind;
    private final Pattern label;
    private final List<String> roles;

    BylineBlock(RulePack.Rule rule) {
        id = rule.id();
        kind = rule.kind();
        label = CompiledRules.compile(id, rule.string("label", null), 0);
        roles = rule.list("roles");
    }

    @Override
    public void run(CleaningPass pass) {
        for (int i = 1; i < pass.size(); i++) {
            String s = pass.stripped(i);
            if (pass.verdict(i) != null || s.length() > 40 || !label.matcher(s).matches()) {
                continue;
            }
            pass.claim(i, LineVerdict.of(id, kind));
            pass.findings().creditLines.add(s);
            int j = i - 1;
            while (j >= 1 && i - j <= 4 && pass.verdict(j) == null && pass.stripped(j).length() <= 50
                    && NAME.matcher(pass.stripped(j)).matches()) {
                j--;
            }
            int role = 0;
            for (int x = j + 1; x < i; x++) {
                pass.claim(x, LineVerdict.of(id, kind));
                pass.findings().creditLines.add(pass.stripped(x));
                if (role < roles.size()) {
                    pass.findings().credit(roles.get(role++), pass.stripped(x).replaceAll("[,;]$", ""));
                }
            }
        }
    }
}
