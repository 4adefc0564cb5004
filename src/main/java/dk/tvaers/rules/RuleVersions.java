package dk.tvaers.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored rule-set versions: their source files, who made each, when and why, and the
 * activations. A version is written once and never changed; the newest activation says which
 * version is in force on every node.
 */
@Repository
@Transactional
public class RuleVersions {

    /** Where a version came from. */
    public enum Origin { SHIPPED, LEADER }

    /** One version, without its file contents. */
    public record Version(int version, Instant createdAt, String createdBy, String comment, Origin origin, String contentHash,
                          List<SourceInfo> sources) {}

    public record SourceInfo(String name, String sha256) {}

    /** One activation: which version, by whom, when, why, and whether a person (not startup) did it. */
    public record Activation(long id, int version, Instant activatedAt, String activatedBy, String comment, boolean byLeader) {}

    private final JdbcClient jdbc;

    RuleVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The SHA-256 of a set of files: over their sorted names and contents' hashes. */
    public static String contentHash(List<RuleSource> sources) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            sources.stream().sorted(Comparator.comparing(RuleSource::name)).forEach(source -> {
                digest.update(source.name().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(source.sha256().getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) '\n');
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores a new version with the next number and returns the number. */
    public int create(List<RuleSource> sources, String by, String comment, Origin origin, Instant at) {
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from rule_set_version").query(Integer.class).single();
        jdbc.sql("insert into rule_set_version (version, created_at, created_by, comment, origin, content_hash) values (?, ?, ?, ?, ?, ?)")
                .params(version, Timestamp.from(at), by, comment, origin.name(), contentHash(sources))
                .update();
        for (RuleSource source : sources) {
            jdbc.sql("insert into rule_set_source (version, name, sha256, content) values (?, ?, ?, ?)")
                    .params(version, source.name(), source.sha256(), source.content())
                    .update();
        }
        return version;
    }

    public void activate(int version, String by, String comment, boolean byLeader, Instant at) {
        jdbc.sql("insert into rule_set_activation (version, activated_at, activated_by, comment, by_leader) values (?, ?, ?, ?, ?)")
                .params(version, Timestamp.from(at), by, comment, byLeader)
                .update();
    }

    @Transactional(readOnly = true)
    public Optional<Activation> current() {
        return jdbc.sql("select id, version, activated_at, activated_by, comment, by_leader from rule_set_activation"
                        + " where id = (select max(id) from rule_set_activation)")
                .query((rs, n) -> new Activation(rs.getLong(1), rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6)))
                .optional();
    }

    /** Whether a person has activated a version since the newest shipped version was imported. */
    @Transactional(readOnly = true)
    public boolean leaderActivatedSinceLastImport() {
        return jdbc.sql("""
                        select count(*) from rule_set_activation a
                        where a.by_leader and a.id > coalesce((select max(b.id) from rule_set_activation b
                            join rule_set_version v on v.version = b.version where v.origin = 'SHIPPED' and not b.by_leader), 0)
                        """)
                .query(Long.class).single() > 0;
    }

    @Transactional(readOnly = true)
    public Optional<Integer> findByContentHash(String hash) {
        return jdbc.sql("select max(version) from rule_set_version where content_hash = ?").param(hash)
                .query(Integer.class).optional();
    }

    @Transactional(readOnly = true)
    public boolean exists(int version) {
        return jdbc.sql("select count(*) from rule_set_version where version = ?").param(version).query(Long.class).single() > 0;
    }

    /** A version's files, in name order. */
    @Transactional(readOnly = true)
    public List<RuleSource> sources(int version) {
        return jdbc.sql("select name, content from rule_set_source where version = ? order by name").param(version)
                .query((rs, n) -> new RuleSource(rs.getString(1), rs.getBytes(2)))
                .list();
    }

    /** Every version, newest first. */
    @Transactional(readOnly = true)
    public List<Version> history() {
        Map<Integer, List<SourceInfo>> sources = new LinkedHashMap<>();
        jdbc.sql("select version, name, sha256 from rule_set_source order by version, name")
                .query(rs -> {
                    sources.computeIfAbsent(rs.getInt(1), v -> new java.util.ArrayList<>()).add(new SourceInfo(rs.getString(2), rs.getString(3)));
                });
        return jdbc.sql("select version, created_at, created_by, comment, origin, content_hash from rule_set_version order by version desc")
                .query((rs, n) -> new Version(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        Origin.valueOf(rs.getString(5)), rs.getString(6), sources.getOrDefault(rs.getInt(1), List.of())))
                .list();
    }
}
