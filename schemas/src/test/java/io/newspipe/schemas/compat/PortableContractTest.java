package io.newspipe.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PortableContractTest {

    static Stream<File> projectSchemas() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("src/main/avro"))) {
            List<File> list = files.filter(p -> p.toString().endsWith(".avsc")).map(Path::toFile).toList();
            assertThat(list).hasSize(4);
            return list.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("projectSchemas")
    void shouldFindEveryContractOfTheProjectPortable(File avsc) throws Exception {
        assertThat(PortableContract.problems(new Schema.Parser().parse(avsc))).isEmpty();
    }

    @Test
    void shouldRefuseAHashInALongAndAcceptItAsAString() {
        assertThat(problems("{\"name\":\"simhash\",\"type\":[\"null\",\"long\"],\"default\":null}"))
                .singleElement().asString().contains("Item.simhash").contains("2^53").contains("string");
        assertThat(problems("{\"name\":\"simhash_hex\",\"type\":[\"null\",\"string\"],\"default\":null}")).isEmpty();
    }

    @Test
    void shouldAcceptMillisecondTimestampsAndDeclaredCounts() {
        assertThat(problems("{\"name\":\"at\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}}"))
                .isEmpty();
        Schema deadLetter = new Schema.Parser().parse("""
                {"type":"record","name":"DeadLetter","fields":[{"name":"offset","type":["null","long"],"default":null}]}""");
        assertThat(PortableContract.problems(deadLetter)).isEmpty();
    }

    @Test
    void shouldRefuseDecimalsAndNanosecondTimestamps() {
        assertThat(problems("{\"name\":\"price\",\"type\":{\"type\":\"bytes\",\"logicalType\":\"decimal\","
                + "\"precision\":9,\"scale\":2}}")).singleElement().asString().contains("decimal");
        assertThat(problems("{\"name\":\"at\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-nanos\"}}"))
                .isNotEmpty();
    }

    @Test
    void shouldRefuseUnionsOtherThanAnOptionalValue() {
        assertThat(problems("{\"name\":\"either\",\"type\":[\"string\",\"int\"]}"))
                .singleElement().asString().contains("[\\\"null\\\", T]".replace("\\", ""));
        assertThat(problems("{\"name\":\"maybe\",\"type\":[\"null\",\"string\"],\"default\":null}")).isEmpty();
    }

    @Test
    void shouldRefuseAnEnumWithoutDefaultSymbol() {
        assertThat(problems("{\"name\":\"kind\",\"type\":{\"type\":\"enum\",\"name\":\"Kind\",\"symbols\":[\"A\"]}}"))
                .singleElement().asString().contains("default");
        assertThat(problems("{\"name\":\"kind\",\"type\":{\"type\":\"enum\",\"name\":\"Kind\",\"symbols\":[\"A\"],"
                + "\"default\":\"A\"}}")).isEmpty();
    }

    @Test
    void shouldRefuseReservedWordsAndNamesThatAreNotSnakeCase() {
        assertThat(problems("{\"name\":\"type\",\"type\":\"string\"}"))
                .singleElement().asString().contains("reserved word");
        assertThat(problems("{\"name\":\"publishedAt\",\"type\":\"string\"}"))
                .singleElement().asString().contains("snake case");
    }

    private static List<String> problems(String field) {
        return PortableContract.problems(new Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"Item\",\"namespace\":\"t\",\"fields\":[" + field + "]}"));
    }
}
