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
            dir.resolve("released").toString()})).hasMessageContaining("not FULL_TRANSITIVE compatible");
    }

    @Test
    void shouldReportAChangedType(@TempDir Path dir) throws Exception {
        write(dir, V1, """
                {"type":"record","name":"Item","namespace":"t","fields":[{"name":"name","type":"int"}]}""");
        assertThat(CompatibilityCheck.check(dir.resolve("src"), dir.resolve("released")))
                .hasSize(2).allSatisfy(problem -> assertThat(problem).contains("changed type"))
                .anySatisfy(problem -> assertThat(problem).contains("BACKWARD"))
                .anySatisfy(problem -> assertThat(problem).contains("FORWARD"));
    }

    @Test
    void shouldRefuseRemovingAFieldThatOldConsumersNeed(@TempDir Path dir) throws Exception {
        write(dir, """
                {"type":"record","name":"Item","namespace":"t","fields":[{"name":"name","type":"string"},
                 {"name":"rank","type":"int"}]}""", V1);
        assertThat(CompatibilityCheck.check(dir.resolve("src"), dir.resolve("released")))
                .singleElement().asString().contains("FORWARD").contains("give it a default");
    }

    @Test
    void shouldAcceptRemovingAFieldThatHasADefault(@TempDir Path dir) throws Exception {
        write(dir, """
                {"type":"record","name":"Item","namespace":"t","fields":[{"name":"name","type":"string"},
                 {"name":"note","type":["null","string"],"default":null}]}""", V1);
        assertThat(CompatibilityCheck.check(dir.resolve("src"), dir.resolve("released"))).isEmpty();
    }

    @Test
    void shouldCheckEveryReleasedVersionNotOnlyTheLast(@TempDir Path dir) throws Exception {
        write(dir, V1, """
                {"type":"record","name":"Item","namespace":"t","fields":[{"name":"name","type":"string"},
                 {"name":"rank","type":"int","default":0}]}""");
        // v2 dropped the required field `name`; the current schema equals v2, so only the comparison with v1
        // finds that consumers still on v1 cannot read what is written now
        Files.writeString(dir.resolve("released/Item/v2.avsc"), """
                {"type":"record","name":"Item","namespace":"t","fields":[
                 {"name":"rank","type":"int","default":0}]}""");
        Files.writeString(dir.resolve("src/Item.avsc"), """
                {"type":"record","name":"Item","namespace":"t","fields":[
                 {"name":"rank","type":"int","default":0}]}""");
        assertThat(CompatibilityCheck.check(dir.resolve("src"), dir.resolve("released")))
                .singleElement().asString().contains("Item/v1.avsc").contains("FORWARD");
    }

    @Test
    void shouldReportASchemaThatIsNotPortable(@TempDir Path dir) throws Exception {
        write(dir, V1, """
                {"type":"record","name":"Item","namespace":"t","fields":[{"name":"name","type":"string"},
                 {"name":"hash","type":["null","long"],"default":null}]}""");
        assertThat(CompatibilityCheck.check(dir.resolve("src"), dir.resolve("released")))
                .singleElement().asString().contains("Item.hash").contains("2^53");
    }

    private static void write(Path dir, String released, String current) throws Exception {
        Files.createDirectories(dir.resolve("released/Item"));
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("released/Item/v1.avsc"), released);
        Files.writeString(dir.resolve("src/Item.avsc"), current);
    }
}
