package dk.tvaers.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.alarms.AlarmSweep;
import dk.tvaers.support.RuleVersionsRestore;
import dk.tvaers.support.TvaersTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What a restart does with the shipped rules/ folder, run as startup runs it (a new RuleEngine on the
 * same database): the same content is no new version; new content becomes one only if no leader has
 * activated a version since the last import; a restart never undoes a leader's change.
 */
@TvaersTest
class RuleVersionImportTests {

    @Autowired RuleEngine engine;
    @Autowired RuleVersions versions;
    @Autowired PlatformTransactionManager transactions;
    @Autowired ApplicationEventPublisher events;
    @Autowired Clock clock;
    @Autowired AlarmSweep sweep;
    @TempDir Path folder;

    RuleVersionsRestore restore;

    @BeforeEach
    void remember() {
        restore = new RuleVersionsRestore(engine, sweep);
    }

    @AfterEach
    void putBack() {
        restore.restore();
    }

    private RuleEngine restartWith(Path rules) {
        return new RuleEngine(rules, versions, transactions, events, clock);
    }

    private Path shippedWithAChangedComment() throws IOException {
        try (Stream<Path> files = Files.walk(RulesFixtures.RULES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = folder.resolve(RulesFixtures.RULES.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
        Path drl = folder.resolve("alarms/alarms.drl");
        Files.writeString(drl, "// A new shipped release changed this line.\n" + Files.readString(drl));
        return folder;
    }

    private long versionCount() {
        return versions.history().size();
    }

    @Test
    void theSameShippedFolderMakesNoNewVersion() {
        long before = versionCount();
        RuleEngine restarted = restartWith(RulesFixtures.RULES);
        assertThat(versionCount()).isEqualTo(before);
        assertThat(restarted.active().version()).isEqualTo(engine.active().version());
    }

    @Test
    void aRestartKeepsTheLeadersVersionEvenWhenTheShippedRulesChanged() throws IOException {
        int leaders = engine.activate(engine.withThresholds(Map.of("WAIT_SPARRING", 9)), "leder", "ni dage");
        RuleVersionsRestore.awaitSweep(sweep);
        long before = versionCount();

        assertThat(restartWith(RulesFixtures.RULES).active().version()).isEqualTo(leaders);
        RuleEngine restarted = restartWith(shippedWithAChangedComment());
        assertThat(restarted.active().version()).isEqualTo(leaders);
        assertThat(restarted.active().thresholds().get("WAIT_SPARRING").days()).isEqualTo(9);
        assertThat(versionCount()).as("the changed shipped rules are not imported over a leader's choice").isEqualTo(before);
    }

    @Test
    void newShippedRulesBecomeTheActiveVersionWhenNoLeaderChoseOneSinceTheLastImport() throws IOException {
        // The state right after an import by startup: the shipped version active, activated by the system.
        int shipped = versions.history().stream().filter(v -> v.origin() == RuleVersions.Origin.SHIPPED)
                .mapToInt(RuleVersions.Version::version).max().orElseThrow();
        versions.activate(shipped, "system", "Standardregler indlæst ved opstart", false, clock.instant());
        long before = versionCount();

        RuleEngine restarted = restartWith(shippedWithAChangedComment());
        assertThat(versionCount()).isEqualTo(before + 1);
        RuleVersions.Version imported = versions.history().get(0);
        assertThat(imported.origin()).isEqualTo(RuleVersions.Origin.SHIPPED);
        assertThat(imported.createdBy()).isEqualTo("system");
        assertThat(restarted.active().version()).isEqualTo(imported.version());
        assertThat(versions.current()).hasValueSatisfying(a -> assertThat(a.byLeader()).isFalse());
    }

    @Test
    void aShippedFolderThatDoesNotCompileLeavesTheActiveVersionServing() throws IOException {
        int shipped = versions.history().stream().filter(v -> v.origin() == RuleVersions.Origin.SHIPPED)
                .mapToInt(RuleVersions.Version::version).max().orElseThrow();
        versions.activate(shipped, "system", "Standardregler indlæst ved opstart", false, clock.instant());
        Path broken = shippedWithAChangedComment();
        Files.writeString(broken.resolve("alarms/alarms.drl"), Files.readString(broken.resolve("alarms/alarms.drl")).replace("then", "thne"));
        long before = versionCount();
        RuleEngine restarted = restartWith(broken);
        assertThat(versionCount()).isEqualTo(before);
        assertThat(restarted.active().version()).isEqualTo(shipped);
    }
}
