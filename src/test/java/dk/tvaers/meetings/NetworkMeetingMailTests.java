package dk.tvaers.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dk.tvaers.casefile.CaseFile;
import dk.tvaers.casefile.CaseFiles;
import dk.tvaers.casefile.ConsentGiver;
import dk.tvaers.casefile.Department;
import dk.tvaers.casefile.Dimension;
import dk.tvaers.casefile.Flag;
import dk.tvaers.casefile.Outcome;
import dk.tvaers.casefile.Participant;
import dk.tvaers.inbox.TaskForm;
import dk.tvaers.route.RouteProcess.FollowUpOutcome;
import dk.tvaers.route.RouteProcess.NextStep;
import dk.tvaers.route.RouteProcess.SparringOutcome;
import dk.tvaers.support.Route;
import dk.tvaers.support.TvaersTest;
import dk.tvaers.support.WebSession;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The network meeting in the browser's terms, over real HTTP: the coordinator invites, the
 * participants with e-mail get an iCalendar request, the meeting is recorded, and the minutes go to
 * the same people as a PDF. Then the outbox is sent to a real SMTP server.
 */
@TvaersTest
class NetworkMeetingMailTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @LocalServerPort int port;
    @Autowired Route route;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired CaseFiles caseFiles;

    private String caseAtTheNetworkMeeting(String name) {
        CaseFile caseFile = route.refer(name, 19, Flag.MENTAL_HEALTH, Flag.NO_EDUCATION);
        route.complete(caseFile.id(), "koordinator",
                new TaskForm.RegisterConsent(true, ConsentGiver.CITIZEN, java.util.Set.of(Department.PSYCHIATRY, Department.UU), Route.today()));
        route.complete(caseFile.id(), "ungeteam",
                new TaskForm.YouthTeamSparring(SparringOutcome.INTERDISCIPLINARY, java.util.Set.of(Department.PSYCHIATRY, Department.UU), "Drøftet"));
        return caseFile.id();
    }

    @Test
    void theCoordinatorInvitesAndTheMinutesGoToEveryoneInvited() throws Exception {
        String id = caseAtTheNetworkMeeting("Møde Mikkel");
        WebSession koordinator = new WebSession(port).loggedInAs("koordinator");

        String form = koordinator.get("/sager/" + id + "/indkaldelse").body();
        assertThat(form).contains("Indkald til netværksmøde").contains("Borgeren").contains("Psykiatri og handicap")
                .contains("Ungdommens Uddannelsesvejledning").contains("value=\"Møde Mikkel\"");
        String requestId = field(form, "requestId");
        int uuRow = rowOf(form, "UU");
        int psychiatryRow = rowOf(form, "PSYCHIATRY");

        // Wrong input: every error by its field, what was typed kept, nothing stored or sent.
        HttpResponse<String> wrong = koordinator.post("/sager/" + id + "/indkaldelse", invitation(requestId, uuRow, psychiatryRow,
                Route.today().minusDays(1).toString(), "11:30", "10:00", "", "ulrik@uu"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("Mødet kan ikke ligge før i dag.").contains("Mødet skal slutte efter det begynder.")
                .contains("Skriv hvor mødet holdes.").contains("Skriv en gyldig e-mailadresse").contains("value=\"ulrik@uu\"")
                .contains("aria-invalid=\"true\"");
        assertThat(mails(id)).isEmpty();
        // A CPR number in the place (which goes out by e-mail) is refused too.
        HttpResponse<String> withCpr = koordinator.post("/sager/" + id + "/indkaldelse", invitation(requestId, uuRow, psychiatryRow,
                Route.today().plusDays(7).toString(), "10:00", "11:30", "Jobcentret, spørg efter 0101074234", "ulrik@uu.kommune.dk"));
        assertThat(withCpr.body()).contains("Skriv ikke CPR-numre i indkaldelsen").contains("value=\"Jobcentret, spørg efter 0101074234\"");
        assertThat(mails(id)).isEmpty();

        String day = Route.today().plusDays(7).toString();
        HttpResponse<String> sent = koordinator.post("/sager/" + id + "/indkaldelse", invitation(requestId, uuRow, psychiatryRow,
                day, "10:00", "11:30", "Jobcentret, mødelokale 2", "ulrik@uu.kommune.dk"));
        assertThat(sent.headers().firstValue("Location")).get().asString().endsWith("/sager/" + id + "?indkaldt");
        // The same form sent twice (a double click, a retried request) invites once.
        koordinator.get("/sager/" + id + "/indkaldelse");
        koordinator.post("/sager/" + id + "/indkaldelse", invitation(requestId, uuRow, psychiatryRow,
                day, "10:00", "11:30", "Jobcentret, mødelokale 2", "ulrik@uu.kommune.dk"));
        List<Outbox.Entry> invitations = mails(id);
        assertThat(invitations).extracting(Outbox.Entry::recipient)
                .containsExactlyInAnyOrder("mikkel@example.dk", "ulrik@uu.kommune.dk", "mor@example.dk");
        assertThat(invitations).allSatisfy(m -> {
            assertThat(m.subject()).startsWith("Indkaldelse til netværksmøde");
            assertThat(m.hasCalendar()).isTrue();
            assertThat(m.body()).contains("Jobcentret, mødelokale 2").doesNotContain(route.caseFile(id).cprMasked().substring(0, 6));
        });

        String page = koordinator.get("/sager/" + id + "?indkaldt").body();
        assertThat(page).contains("Indkaldelsen er sendt").contains("Indkaldt til ").contains("Flyt mødet");

        // The meeting's form starts from the invitation: the citizen, the departments and the network person,
        // but no date while the meeting lies ahead.
        String meetingForm = koordinator.get("/opgaver/" + route.task(id, "networkMeeting").getId()).body();
        assertThat(meetingForm).contains("Udfyldt fra indkaldelsen").containsPattern("name=\"participantCitizen\" value=\"true\" checked")
                .containsPattern("name=\"participantDepartments\" value=\"UU\" checked")
                .containsPattern("name=\"participantDepartments\" value=\"PSYCHIATRY\" checked")
                .containsPattern("name=\"participantNetwork0\" value=\"Mor\"").containsPattern("name=\"heldOn\" value=\"\"");

        String ics = koordinator.get("/post/" + invitations.get(0).id() + "/invitation.ics").body();
        assertThat(ics).contains("METHOD:REQUEST").contains("BEGIN:VEVENT").contains("SEQUENCE:0")
                .contains("DTSTART:" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(
                        LocalDate.parse(day).atTime(10, 0).atZone(java.time.ZoneId.of("Europe/Copenhagen")).withZoneSameInstant(java.time.ZoneOffset.UTC)))
                .contains("LOCATION:Jobcentret\\, mødelokale 2").contains("mailto:ulrik@uu.kommune.dk").contains("\r\n");
        assertThat(ics.lines()).allSatisfy(line -> assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));

        // The meeting is held and recorded: the minutes follow to the same three people.
        route.complete(id, "koordinator", new TaskForm.NetworkMeeting(Route.today(),
                List.of(new Participant(Participant.CITIZEN, null, null), new Participant(Participant.DEPARTMENT, Department.UU, "Ulrik")),
                List.of(new TaskForm.GoalLine("Jeg vil i gang med en uddannelse", dk.tvaers.casefile.Dimension.WORK_READINESS,
                        List.of("Vide, hvilken uddannelse der passer"))),
                List.of(new TaskForm.AgreementLine("Book vejledning om uddannelse", "Ulrik, UU", Route.today().plusDays(14),
                                dk.tvaers.casefile.CaseFiles.PlanPlace.underNew(1, 1)),
                        new TaskForm.AgreementLine("Ring til koordinator hver fredag", "Mikkel", Route.today().plusDays(7))),
                NextStep.INTERNSHIP));
        List<Outbox.Entry> minutes = mails(id).stream().filter(m -> m.attachmentName() != null).toList();
        assertThat(minutes).hasSize(3).allSatisfy(m -> assertThat(m.subject()).startsWith("Referat af netværksmøde"));
        HttpResponse<byte[]> pdf = koordinator.getBytes("/post/" + minutes.get(0).id() + "/vedhaeftning");
        assertThat(pdf.headers().firstValue("Content-Type")).get().asString().startsWith("application/pdf");
        String text = pdfText(pdf.body());
        assertThat(text).contains("Referat af netværksmøde").contains("Møde Mikkel").contains("Book vejledning om uddannelse")
                .contains("Ulrik, UU").contains("Virksomhedspraktik").contains("Ungdommens Uddannelsesvejledning – Ulrik");
        assertThat(text).doesNotContainPattern("[0-9]{6}-?[0-9]{4}");
        // The plan: the goal, its sub-goal with the agreement under it, then the agreement made without one.
        assertThat(text).containsSubsequence("Borgerens plan", "Jeg vil i gang med en uddannelse", "måles på Parathed til job og uddannelse",
                "Delmål 1.1", "Vide, hvilken uddannelse der passer", "Book vejledning om uddannelse", "Aftaler uden delmål",
                "Ring til koordinator hver fredag");

        String casePage = koordinator.get("/sager/" + id).body();
        assertThat(casePage).contains("Referat af netværksmødet").contains("sendt til 3 deltagere").contains("referat.pdf");
        Matcher link = Pattern.compile("href=\"(/sager/[^\"]+/referat\\.pdf)\"").matcher(casePage);
        assertThat(link.find()).isTrue();
        assertThat(pdfText(koordinator.getBytes(link.group(1)).body())).contains("Book vejledning om uddannelse");

        // Someone who came without an e-mail invitation is sent the minutes afterwards; the invited are not sent them twice.
        String minutesPage = link.group(1).replace("referat.pdf", "referat");
        assertThat(casePage).contains("href=\"" + minutesPage + "\"");
        assertThat(koordinator.get(minutesPage).body()).contains("mikkel@example.dk").contains("ulrik@uu.kommune.dk").contains("mor@example.dk");
        HttpResponse<String> noAddress = koordinator.post(minutesPage, "name0", "Morten Mentor", "email0", "", "name1", "", "email1", "x@example.dk");
        assertThat(noAddress.statusCode()).isEqualTo(200);
        assertThat(noAddress.body()).contains("id=\"err-email0\"").contains("id=\"err-name1\"").contains("value=\"Morten Mentor\"");
        assertThat(koordinator.post(minutesPage).body()).contains("Skriv navn og e-mail på mindst én modtager");
        assertThat(koordinator.post(minutesPage, "name0", "Nabo 010107-4234", "email0", "nabo@example.dk").body())
                .contains("Skriv ikke CPR-numre her").contains("id=\"err-name0\"");
        assertThat(mails(id).stream().filter(m -> m.attachmentName() != null)).hasSize(3);
        HttpResponse<String> more = koordinator.post(minutesPage, "name0", "Morten Mentor", "email0", "morten@example.dk",
                "name1", "Mor", "email1", "MOR@example.dk");
        assertThat(more.headers().firstValue("Location")).get().asString().endsWith(minutesPage + "?sendt=1");
        assertThat(koordinator.get(minutesPage + "?sendt=1").body()).contains("Referatet er sendt til én modtager mere")
                .contains("morten@example.dk").as("the language link does not repeat the message").contains("href=\"" + minutesPage + "?lang=en\"");
        assertThat(mails(id).stream().filter(m -> m.attachmentName() != null).map(Outbox.Entry::recipient))
                .containsExactlyInAnyOrder("mikkel@example.dk", "ulrik@uu.kommune.dk", "mor@example.dk", "morten@example.dk");
        assertThat(koordinator.get("/sager/" + id).body()).contains("sendt til én modtager mere af koordinator");
        // Only the job centre sends; a department that may see the case may not, and one that may not see it finds nothing.
        WebSession uuSession = new WebSession(port).loggedInAs("uu");
        assertThat(uuSession.get(minutesPage).statusCode()).isEqualTo(403);
        assertThat(uuSession.post(minutesPage, "name0", "Ude Person", "email0", "ude@example.dk").statusCode()).isEqualTo(403);
        assertThat(new WebSession(port).loggedInAs("familie").get(minutesPage).statusCode()).isEqualTo(404);
        assertThat(mails(id).stream().filter(m -> m.attachmentName() != null)).hasSize(4);

        assertThat(koordinator.get("/post").body()).contains("Udbakke").contains("ingen mailserver").contains("Referat af netværksmøde");
        WebSession uu = new WebSession(port).loggedInAs("uu");
        assertThat(uu.get("/post").statusCode()).isEqualTo(403);
        assertThat(uu.get("/sager/" + id + "/indkaldelse").statusCode()).isEqualTo(403);
    }

    /** The case's own rule, answered on the page in Danish with 409; nothing is invited. */
    @Test
    void aClosedCaseCannotBeCalledToAMeeting() throws Exception {
        String id = caseAtTheNetworkMeeting("Lukket Lone");
        WebSession koordinator = new WebSession(port).loggedInAs("koordinator");
        String form = koordinator.get("/sager/" + id + "/indkaldelse").body();
        caseFiles.close(id, Outcome.OTHER);
        HttpResponse<String> refused = koordinator.post("/sager/" + id + "/indkaldelse", "requestId", field(form, "requestId"),
                "date", Route.today().toString(), "start", "09:00", "end", "10:00", "location", "Jobcentret", "role0", "CITIZEN",
                "department0", "", "name0", "Lukket Lone", "email0", "lone@example.dk");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Sagen er afsluttet: der kan ikke længere ændres i den eller indkaldes til møder.");
        assertThat(jdbc.sql("select count(*) from meeting_invitation where case_id = :id").param("id", id).query(Long.class).single())
                .isZero();
    }

    @Test
    void aSecondMeetingWithoutANewInvitationDoesNotMailTheFirstMeetingsList() throws Exception {
        String id = caseAtTheNetworkMeeting("Anden Anna");
        try {
            WebSession koordinator = new WebSession(port).loggedInAs("koordinator");
            String form = koordinator.get("/sager/" + id + "/indkaldelse").body();
            koordinator.post("/sager/" + id + "/indkaldelse", "requestId", field(form, "requestId"), "date", Route.today().toString(),
                    "start", "09:00", "end", "10:00", "location", "Jobcentret", "role0", "CITIZEN", "department0", "",
                    "name0", "Anden Anna", "email0", "anna@example.dk");
            route.complete(id, "koordinator", new TaskForm.NetworkMeeting(Route.today(),
                    List.of(new Participant(Participant.CITIZEN, null, null)), List.of(), NextStep.FOLLOW_UP));
            assertThat(mails(id).stream().filter(m -> m.attachmentName() != null)).hasSize(1);

            route.fireTimer(id, "Timer_FollowUpDue");
            route.complete(id, "koordinator", new TaskForm.FollowUp(Map.of(Dimension.MOTIVATION, 5), FollowUpOutcome.NEW_NETWORK_MEETING, null));
            route.complete(id, "koordinator", new TaskForm.NetworkMeeting(Route.today(),
                    List.of(new Participant(Participant.CITIZEN, null, null)), List.of(), NextStep.FOLLOW_UP));

            assertThat(mails(id).stream().filter(m -> m.attachmentName() != null)).as("minutes mailed").hasSize(1);
            assertThat(koordinator.get("/sager/" + id).body()).contains("ingen deltagere med e-mail at sende det til");
        } finally {
            Route.resetClock();
        }
    }

    @Test
    void theOutboxGoesOutOverSmtpOnceWithTheCalendarAndThePdf() throws Exception {
        String id = caseAtTheNetworkMeeting("Post Pernille");
        String key = UUID.randomUUID().toString();
        Outbox outbox = new Outbox(jdbc, event -> { }, clock);
        {
            outbox.enqueue(new Outbox.Mail("test:" + key, id, "pernille-" + key + "@example.dk", "Pernille", "Indkaldelse til netværksmøde",
                    "Kære Pernille", "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n",
                    new Outbox.Attachment("referat.pdf", "application/pdf", "%PDF-1.4 test".getBytes())));
            // Queued twice under the same key: kept once.
            assertThat(outbox.enqueue(new Outbox.Mail("test:" + key, id, "pernille-" + key + "@example.dk", "Pernille", "igen", "igen",
                    null, null))).isFalse();
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        MailDispatcher dispatcher = new MailDispatcher(jdbc, new StaticListableBeanFactory(Map.of("mail", sender)).getBeanProvider(JavaMailSender.class),
                Runnable::run, "tvaers@kommune.example", java.time.Duration.ofMinutes(15), clock);
        // Two mails a node claimed and never finished: one an hour ago (the node died), one just now (still sending).
        String stale = "test-stale:" + key;
        String busy = "test-busy:" + key;
        for (String other : List.of(stale, busy)) {
            outbox.enqueue(new Outbox.Mail(other, id, other.replace(":", "-") + "@example.dk", "Pernille", "Referat", "Kære Pernille", null, null));
        }
        jdbc.sql("update mail_outbox set status = 'SENDING', attempts = 1, claimed_at = :at where idempotency_key = :k")
                .param("at", java.time.OffsetDateTime.now(clock).minusHours(1)).param("k", stale).update();
        jdbc.sql("update mail_outbox set status = 'SENDING', attempts = 1, claimed_at = :at where idempotency_key = :k")
                .param("at", java.time.OffsetDateTime.now(clock)).param("k", busy).update();

        assertThat(dispatcher.dispatch()).isPositive();
        assertThat(dispatcher.dispatch()).isZero();
        assertThat(jdbc.sql("select status || ' ' || attempts from mail_outbox where idempotency_key = :k").param("k", stale)
                .query(String.class).single()).as("released and sent on its second attempt").isEqualTo("SENT 2");
        assertThat(jdbc.sql("select status from mail_outbox where idempotency_key = :k").param("k", busy).query(String.class).single())
                .as("another node may still be sending it").isEqualTo("SENDING");

        List<MimeMessage> received = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().contains("pernille-" + key)) {
                received.add(message);
            }
        }
        assertThat(received).hasSize(1);
        MimeMessage message = received.get(0);
        assertThat(message.getSubject()).isEqualTo("Indkaldelse til netværksmøde");
        assertThat(message.getHeader("X-Tvaers-Mail-Key")[0]).isEqualTo("test:" + key);
        List<String> types = new ArrayList<>();
        collect((Multipart) message.getContent(), types);
        assertThat(types).anyMatch(t -> t.startsWith("text/calendar")).anyMatch(t -> t.startsWith("application/pdf"));
        assertThat(jdbc.sql("select status from mail_outbox where idempotency_key = :k").param("k", "test:" + key).query(String.class).single())
                .isEqualTo("SENT");
    }

    /** The invitation as calendar programs read it: parsed back with ical4j, Danish letters intact, lines folded at 75 octets. */
    @Test
    void calendarLinesAreFoldedAndTextIsEscaped() throws Exception {
        Instant start = ZonedDateTime.of(2026, 12, 3, 10, 0, 0, 0, ZoneId.of("Europe/Copenhagen")).toInstant();
        String description = "Æbler, pærer; og \"citater\"\nny linje ".repeat(5);
        String ics = ICalendar.request(new ICalendar.Event("uid-1@tvaers", 2, start.minusSeconds(86_400), start, start.plusSeconds(5_400),
                "Netværksmøde om Søren Ærø", "Jobcentret, mødelokale 2", description,
                new ICalendar.Attendee("Kåre Koordinator", "kaare@kommune.example"),
                List.of(new ICalendar.Attendee("Åse fra Ungdommens Uddannelsesvejledning, Østerbro", "aase@kommune.example"))));

        String[] lines = ics.split("\r\n");
        assertThat(lines.length).isGreaterThan(1);
        for (String line : lines) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("Æbler\\, pærer\\; og \"citater\"\\nny linje");

        net.fortuna.ical4j.model.Calendar parsed = new net.fortuna.ical4j.data.CalendarBuilder().build(new java.io.StringReader(ics));
        assertThat(parsed.getProperty("METHOD").map(p -> p.getValue())).contains("REQUEST");
        net.fortuna.ical4j.model.component.VEvent event = parsed.<net.fortuna.ical4j.model.component.VEvent>getComponents("VEVENT").get(0);
        assertThat(event.getProperty("SUMMARY").map(p -> p.getValue())).contains("Netværksmøde om Søren Ærø");
        assertThat(event.getProperty("LOCATION").map(p -> p.getValue())).contains("Jobcentret, mødelokale 2");
        assertThat(event.getProperty("DESCRIPTION").map(p -> p.getValue())).as("a trailing space is not kept by parsers").contains(description.strip());
        assertThat(event.getProperty("SEQUENCE").map(p -> p.getValue())).contains("2");
        assertThat(event.getProperties("DTSTAMP")).as("stamped once, with the invitation's time").hasSize(1);
        assertThat(event.getProperties("UID")).hasSize(1);
        assertThat(event.getProperty("UID").map(p -> p.getValue())).contains("uid-1@tvaers");
        assertThat(event.getProperty("DTSTAMP").map(p -> p.getValue())).contains("20261202T090000Z");
        assertThat(event.getProperty("DTSTART").map(p -> p.getValue())).as("10.00 in Copenhagen is 09.00 UTC in December")
                .contains("20261203T090000Z");
        assertThat(event.getProperty("DTEND").map(p -> p.getValue())).contains("20261203T103000Z");
        assertThat(event.<net.fortuna.ical4j.model.Property>getProperties("ATTENDEE")).singleElement().satisfies(attendee -> {
            assertThat(attendee.getValue()).isEqualTo("mailto:aase@kommune.example");
            assertThat(attendee.getParameter("CN").map(c -> c.getValue())).contains("Åse fra Ungdommens Uddannelsesvejledning, Østerbro");
            assertThat(attendee.getParameter("RSVP").map(c -> c.getValue())).contains("TRUE");
        });
        assertThat(event.getProperty("ORGANIZER").flatMap(o -> o.<net.fortuna.ical4j.model.Parameter>getParameter("CN")).map(c -> c.getValue())).contains("Kåre Koordinator");
    }

    private static void collect(Multipart multipart, List<String> types) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            types.add(part.getContentType());
            if (part.getContent() instanceof Multipart nested) {
                collect(nested, types);
            }
        }
    }

    private List<Outbox.Entry> mails(String caseId) {
        return new Outbox(jdbc, e -> { }, clock).ofCase(caseId);
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String field(String page, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page);
        assertThat(m.find()).as("field " + name).isTrue();
        return m.group(1);
    }

    private static int rowOf(String page, String department) {
        Matcher m = Pattern.compile("name=\"department([0-9]+)\" value=\"" + department + "\"").matcher(page);
        assertThat(m.find()).as("row of " + department).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** The invitation form: the citizen (row 0), UU with the given address, psychiatry without, and a network person. */
    private static String[] invitation(String requestId, int uuRow, int psychiatryRow, String date, String start, String end,
                                       String location, String uuEmail) {
        int networkRow = Math.max(uuRow, psychiatryRow) + 1;
        List<String> pairs = new ArrayList<>(List.of("requestId", requestId, "date", date, "start", start, "end", end, "location", location,
                "role0", "CITIZEN", "department0", "", "name0", "Møde Mikkel", "email0", "mikkel@example.dk",
                "role" + uuRow, "DEPARTMENT", "department" + uuRow, "UU", "name" + uuRow, "Ulrik Vejleder", "email" + uuRow, uuEmail,
                "role" + psychiatryRow, "DEPARTMENT", "department" + psychiatryRow, "PSYCHIATRY", "name" + psychiatryRow, "Pia Psykiatri",
                "email" + psychiatryRow, "",
                "role" + networkRow, "NETWORK", "department" + networkRow, "", "name" + networkRow, "Mor", "email" + networkRow, "mor@example.dk"));
        return pairs.toArray(String[]::new);
    }
}
