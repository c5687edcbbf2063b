package io.newspipe.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompatibilityCheckTest {

    private static final String V1 = """
            {"type":"record","name":"Item","namespace":"t","fields":[{"name":"name","type":"string"}]}""";

    @Test
    void shouldPassTheProjectsOwnSchemasAgainstTheirReleasedCopies() throws Exception {
        assertThat(CompatibilityCheck.check(Path.of("src/main/avro"), Path.of("released"))).isEmpty();
    }

    @Test
    void shouldAcceptAnOptionalFieldWithADefault(@TempDir Path dir) throws Exception {
        write(dir, V1, """
                {"type":"record","name":"Item","namespace":"t","fields":[{"name":"name","type":"string"},
                 {"name":"note","type":["null","string"],"default":null}]}""");
        assertThat(CompatibilityCheck.check(dir.resolve("src"), dir.resolve("released"))).isEmpty();
    }

    @Test
    void shouldNameTheFieldAndTheFixForAFieldWithoutDefault(@TempDir Path dir) throws Exception {
        write(dir, V1, """
                {"type":"record","name":"Item","namespace":"t","fields":[{"name":"name","type":"string"},
                 {"name":"rank","type":"int"}]}""");
        assertThat(CompatibilityCheck.check(dir.resolve("src"), dir.resolve("released")))
                .singleElement().asString()
                .contains("Item").contains("`rank`").contains("give it a default");
        assertThatThrownBy(() -> CompatibilityCheck.main(new String[] {dir.resolve("src").toString(),
            dir.resolve("released").toString()})).hasMessageContaining("not BACKWARD compatible");
    }

    @Test
    void shouldReportAChangedType(@TempDir Path dir) throws Exception {
        write(dir, V1, """
                {"type":"record","name":"Item","namespace":"t","fields":[{"name":"name","type":"int"}]}""");
        assertThat(CompatibilityCheck.check(dir.resolve("src"), dir.resolve("released")))
                .singleElement().asString().contains("changed type");
    }

    private static void write(Path dir, String released, String current) throws Exception {
        Files.createDirectories(dir.resolve("released/Item"));
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("released/Item/v1.avsc"), released);
        Files.writeString(dir.resolve("src/Item.avsc"), current);
    }
}
