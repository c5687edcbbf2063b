package io.newspipe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The image build cannot run here (no Docker engine); what it needs from the tree is checked instead. */
class DockerfileTest {

    @Test
    void shouldCopyThePomOfEveryModuleTheParentListsBeforeBuilding() throws Exception {
        String parent = Files.readString(Path.of("../pom.xml"));
        String dockerfile = Files.readString(ComposeFile.DOCKERFILE);
        List<String> modules = new ArrayList<>();
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(parent);
        while (module.find()) {
            modules.add(module.group(1).trim());
        }

        assertThat(modules).isNotEmpty();
        // Maven refuses a reactor whose parent lists a module without its pom.xml
        assertThat(modules).allSatisfy(name -> assertThat(dockerfile)
                .as("the Dockerfile copies %s/pom.xml", name).contains("COPY " + name + "/pom.xml " + name + "/"));
    }
}
