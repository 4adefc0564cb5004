package dk.tvaers.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;

/** docs/security.md shows the grant table the engine gets, row for row. */
class EngineGrantsDocTests {

    @Test
    void theDocumentedTableIsTheGrantedOne() throws Exception {
        String doc = Files.readString(Path.of("docs/security.md"));
        List<String> documented = doc.lines()
                .filter(line -> line.startsWith("| `") && line.split("\\|").length == 5)
                .filter(line -> !line.startsWith("| `camunda-admin`"))
                .toList();
        List<String> granted = EngineGrants.TABLE.stream()
                .filter(grant -> !grant.group().equals(EngineGrants.ADMINISTRATORS))
                .map(grant -> "| `" + grant.group() + "` | " + ((Resources) grant.resource()).name() + " | `" + grant.resourceId() + "` | "
                        + grant.permissions().stream().map(Permission::getName).collect(Collectors.joining(", ")) + " |")
                .toList();
        assertThat(documented).containsExactlyInAnyOrderElementsOf(granted);
        assertThat(doc).contains("| `camunda-admin` | every resource type | `*` | ALL |");
        assertThat(EngineGrants.TABLE.stream().filter(g -> g.group().equals(EngineGrants.ADMINISTRATORS)).count())
                .isEqualTo(Resources.values().length);
    }
}
