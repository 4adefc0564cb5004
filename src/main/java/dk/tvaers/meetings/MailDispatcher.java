package dk.tvaers.meetings;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends the outbox through Spring Mail: after each commit that queued mail, and every minute for
 * what failed before (up to five attempts). A row is claimed with a conditional update first, so two
 * nodes never send the same mail. A row a node claimed and never finished (the node stopped while
 * sending) is released after {@code tvaers.mail.stale-after} and tried again: a mail may then arrive
 * twice, which is better than never. Where no mail server is configured ({@code spring.mail.host}, as
 * in the demo) the mail stays pending and is read on the outbox page.
 */
@Component
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    static final int MAX_ATTEMPTS = 5;

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> sender;
    private final TaskExecutor executor;
    private final String from;
    private final Duration staleAfter;
    private final Clock clock;
    private final AtomicBoolean roundWaiting = new AtomicBoolean();

    MailDispatcher(JdbcClient jdbc, ObjectProvider<JavaMailSender> sender, @Qualifier("mailExecutor") TaskExecutor executor,
                   @Value("${tvaers.mail.from:tvaers@kommune.example}") String from,
                   @Value("${tvaers.mail.stale-after:PT15M}") Duration staleAfter, Clock clock) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.executor = executor;
        this.from = from;
        this.staleAfter = staleAfter;
        this.clock = clock;
    }

    /** True where a mail server is configured; otherwise mail is kept on the outbox page. */
    boolean sends() {
        return sender.getIfAvailable() != null;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void queued(Outbox.MailQueued event) {
        // A commit that queued mail for five people needs one round, which sends all that is pending.
        if (sends() && roundWaiting.compareAndSet(false, true)) {
            executor.execute(() -> {
                roundWaiting.set(false);
                dispatch();
            });
        }
    }

    @Scheduled(fixedDelayString = "${tvaers.mail.retry-every:PT1M}", initialDelayString = "PT30S")
    void retry() {
        if (sends()) {
            dispatch();
        }
    }

    /** Sends every pending mail and every failed one with attempts left; returns how many went out. */
    int dispatch() {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return 0;
        }
        releaseStale();
        List<Long> due = jdbc.sql("select id from mail_outbox where status = 'PENDING' or (status = 'FAILED' and attempts < :max) order by id")
                .param("max", MAX_ATTEMPTS).query(Long.class).list();
        int sent = 0;
        for (long id : due) {
            int claimed = jdbc.sql("""
                            update mail_outbox set status = 'SENDING', attempts = attempts + 1, claimed_at = :now
                            where id = :id and (status = 'PENDING' or (status = 'FAILED' and attempts < :max))""")
                    .param("id", id).param("max", MAX_ATTEMPTS).param("now", OffsetDateTime.now(clock)).update();
            if (claimed == 0) {
                continue;
            }
            try {
                mail.send(message(mail, id));
                jdbc.sql("update mail_outbox set status = 'SENT', sent_at = :now, error = null where id = :id")
                        .param("now", OffsetDateTime.now(clock)).param("id", id).update();
                sent++;
            } catch (MailException | MessagingException | UnsupportedEncodingException e) {
                log.warn("Mail {} blev ikke sendt: {}", id, e.getMessage());
                String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                jdbc.sql("update mail_outbox set status = 'FAILED', error = :error where id = :id")
                        .param("error", error.length() > 1000 ? error.substring(0, 1000) : error).param("id", id).update();
            }
        }
        return sent;
    }

    /** Rows claimed longer ago than staleAfter and never finished count as a failed attempt. */
    private void releaseStale() {
        int released = jdbc.sql("""
                        update mail_outbox set status = 'FAILED', error = :error
                        where status = 'SENDING' and (claimed_at is null or claimed_at < :before)""")
                .param("error", "Afsendelsen blev afbrudt (noden stoppede undervejs); prøves igen")
                .param("before", OffsetDateTime.now(clock).minus(staleAfter)).update();
        if (released > 0) {
            log.warn("{} mail(s) hang i afsendelse i over {} og prøves igen", released, staleAfter);
        }
    }

    private MimeMessage message(JavaMailSender mail, long id) throws MessagingException, UnsupportedEncodingException {
        record Row(String key, String recipient, String name, String subject, String body, String calendar, String attachmentName,
                   String attachmentType, byte[] attachment) {}
        Row row = jdbc.sql("""
                        select idempotency_key, recipient, recipient_name, subject, body, calendar, attachment_name, attachment_type, attachment
                        from mail_outbox where id = :id""").param("id", id)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getBytes(9))).single();
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(row.name() == null ? new InternetAddress(row.recipient())
                : new InternetAddress(row.recipient(), row.name(), StandardCharsets.UTF_8.name()));
        helper.setSubject(row.subject());
        helper.setText(row.body());
        if (row.calendar() != null) {
            helper.addAttachment("invitation.ics", new ByteArrayResource(row.calendar().getBytes(StandardCharsets.UTF_8)),
                    "text/calendar; charset=UTF-8; method=REQUEST");
        }
        if (row.attachment() != null) {
            helper.addAttachment(row.attachmentName(), new ByteArrayResource(row.attachment()), row.attachmentType());
        }
        message.setHeader("X-Tvaers-Mail-Key", row.key());
        return message;
    }
}
