package dk.tvaers.meetings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every mail Tværs sends is first a row here, written in the same transaction as the change that
 * caused it and keyed so that the same mail can never be queued twice (a double-clicked form, a
 * retried request, a second node). {@link MailDispatcher} sends the rows after the commit.
 */
@Component
public class Outbox {

    public record Attachment(String name, String type, byte[] content) {}

    public record Mail(String key, String caseId, String recipient, String recipientName, String subject, String body,
                       String calendar, Attachment attachment) {}

    public record Entry(long id, String caseId, String recipient, String recipientName, String subject, String body,
                        boolean hasCalendar, String attachmentName, Instant createdAt, String status, Instant sentAt,
                        int attempts, String error) {}

    /** Published when a mail was queued, so the dispatcher can send it once the transaction commits. */
    record MailQueued(String key) {}

    static final String PENDING = "PENDING";
    static final String SENDING = "SENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Outbox(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Queues the mail unless one with its key is queued already; true when it is new. */
    public boolean enqueue(Mail mail) {
        if (jdbc.sql("select count(*) from mail_outbox where idempotency_key = :key").param("key", mail.key()).query(Long.class).single() > 0) {
            return false;
        }
        try {
            jdbc.sql("""
                            insert into mail_outbox (idempotency_key, case_id, recipient, recipient_name, subject, body, calendar,
                                                     attachment_name, attachment_type, attachment, created_at, status, attempts)
                            values (:key, :caseId, :recipient, :recipientName, :subject, :body, :calendar,
                                    :attachmentName, :attachmentType, :attachment, :createdAt, 'PENDING', 0)""")
                    .param("key", mail.key())
                    .param("caseId", mail.caseId())
                    .param("recipient", mail.recipient())
                    .param("recipientName", mail.recipientName())
                    .param("subject", mail.subject())
                    .param("body", mail.body())
                    .param("calendar", mail.calendar())
                    .param("attachmentName", mail.attachment() == null ? null : mail.attachment().name())
                    .param("attachmentType", mail.attachment() == null ? null : mail.attachment().type())
                    .param("attachment", mail.attachment() == null ? null : mail.attachment().content())
                    .param("createdAt", OffsetDateTime.now(clock))
                    .update();
        } catch (DuplicateKeyException raced) {
            return false;
        }
        events.publishEvent(new MailQueued(mail.key()));
        return true;
    }

    /** The newest mails first, without their attachments. */
    public List<Entry> recent(int limit) {
        return jdbc.sql(SELECT + " order by id desc limit :limit").param("limit", limit).query(Outbox::entry).list();
    }

    public List<Entry> ofCase(String caseId) {
        return jdbc.sql(SELECT + " where case_id = :caseId order by id").param("caseId", caseId).query(Outbox::entry).list();
    }

    /** The mails whose key starts so, oldest first: all the mails of one kind for one thing (the minutes of a meeting). */
    public List<Entry> withKeyPrefix(String prefix) {
        return jdbc.sql(SELECT + " where idempotency_key like :prefix order by id").param("prefix", prefix.replace("%", "") + "%")
                .query(Outbox::entry).list();
    }

    public Optional<Entry> find(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(Outbox::entry).optional();
    }

    public Optional<Attachment> attachment(long id) {
        return jdbc.sql("select attachment_name, attachment_type, attachment from mail_outbox where id = :id and attachment is not null")
                .param("id", id)
                .query((rs, n) -> new Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    public Optional<String> calendar(long id) {
        return jdbc.sql("select calendar from mail_outbox where id = :id and calendar is not null").param("id", id)
                .query(String.class).optional();
    }

    /** Removes the personal data of a case's mails (retention): recipients, texts and attachments. */
    public void forget(String caseId) {
        jdbc.sql("""
                        update mail_outbox set recipient = 'Anonymiseret', recipient_name = null, subject = 'Anonymiseret', body = 'Anonymiseret',
                               calendar = null, attachment = null, attachment_name = null
                        where case_id = :caseId""").param("caseId", caseId).update();
    }

    private static final String SELECT = """
            select id, case_id, recipient, recipient_name, subject, body, calendar is not null, attachment_name, created_at, status,
                   sent_at, attempts, error from mail_outbox""";

    private static Entry entry(ResultSet rs, int n) throws SQLException {
        return new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getBoolean(7), rs.getString(8), instant(rs.getObject(9, OffsetDateTime.class)), rs.getString(10),
                instant(rs.getObject(11, OffsetDateTime.class)), rs.getInt(12), rs.getString(13));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
