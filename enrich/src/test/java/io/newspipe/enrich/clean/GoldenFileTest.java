package io.newspipe.enrich.clean;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files: the expected cleaning of every corpus article is checked in under {@code golden/NNN.json}, so any
 * rule change shows up as a diff. After an intended change, regenerate them with
 * {@code -Dgolden.update=true}, e.g. {@code mvn -pl enrich test -Dtest=GoldenFileTest -Dgolden.update=true}
 * (written to {@code src/test/resources/golden}, or {@code -Dgolden.dir=...}), and review the diff before
 * committing.
 */
class GoldenFileTest {

    static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TestFactory
    Stream<DynamicTest> everyCorpusArticleMatchesItsGoldenFile() {
        Cleaner cleaner = Cleaner.defaults();
        List<Corpus.Article> all = Corpus.all();
        return all.stream().map(a -> DynamicTest.dynamicTest("corpus " + a.id(), () -> {
            String actual = render(a, cleaner.clean(a.text()));
            if (UPDATE) {
                Path dir = goldenDir();
                Files.createDirectories(dir);
                Files.writeString(dir.resolve(a.id() + ".json"), actual, StandardCharsets.UTF_8);
                return;
            }
            String expected = Corpus.resource("golden/" + a.id() + ".json");
            assertThat(expected).as("golden/%s.json is missing; generate it with -Dgolden.update=true", a.id())
                    .isNotNull();
            assertThat(actual).as("cleaning of corpus/%s.txt differs from golden/%s.json (if intended, regenerate "
                    + "with -Dgolden.update=true and review the diff)", a.id(), a.id())
                    .isEqualTo(expected.replace("\r\n", "\n"));
        }));
    }

    static Path goldenDir() {
        String p = System.getProperty("golden.dir");
        if (p != null) {
            return Path.of(p);
        }
        for (String c : new String[] {"src/test/resources/golden", "enrich/src/test/resources/golden"}) {
            if (Files.isDirectory(Path.of(c).getParent())) {
                return Path.of(c);
            }
        }
        throw new IllegalStateException("cannot find src/test/resources; pass -Dgolden.dir=<dir>");
    }

    /** A stable, reviewable JSON rendering of a result. */
    static String render(Corpus.Article a, CleanResult r) {
        ObjectNode o = Corpus.MAPPER.createObjectNode();
        o.put("article", a.id());
        o.put("rule_pack_version", r.rulePackVersion());
        o.put("partial_page", r.partialPage());
        ArrayNode body = o.putArray("body");
        r.body().lines().forEach(body::add);
        ArrayNode rel = o.putArray("related_headlines");
        r.relatedHeadlines().forEach(rel::add);
        o.set("dateline", Corpus.MAPPER.valueToTree(r.dateline()));
        o.set("credits", Corpus.MAPPER.valueToTree(r.credits()));
        o.set("syndication", Corpus.MAPPER.valueToTree(r.syndication()));
        ArrayNode rem = o.putArray("removed");
        for (Removal x : r.removed()) {
            ObjectNode e = rem.addObject();
            e.put("line", x.line());
            e.put("rule", x.rule());
            e.put("kind", x.kind());
            e.put("text", x.text());
            if (x.score() != null) {
                e.put("score", x.score());
            }
        }
        try {
            DefaultIndenter nl = new DefaultIndenter("  ", "\n");
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withArrayIndenter(nl).withObjectIndenter(nl);
            return Corpus.MAPPER.writer(pp).writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
