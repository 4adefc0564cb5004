package dk.tvaers.meetings;

import dk.tvaers.casefile.CaseFile;
import dk.tvaers.casefile.CaseFiles;
import dk.tvaers.casefile.Department;
import dk.tvaers.casefile.InvolvementStatus;
import dk.tvaers.casefile.Meeting;
import dk.tvaers.casefile.Participant;
import dk.tvaers.security.CasesShown;
import dk.tvaers.security.CaseAccessPolicy;
import dk.tvaers.security.CprMasking;
import dk.tvaers.security.CurrentUser;
import dk.tvaers.web.WorkplacePage;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The network meeting's pages: the invitation form (who, when, where), the minutes as PDF, and the
 * outbox where every mail Tværs sent or holds can be read (the demo's stand-in for a mail server).
 */
@WorkplacePage
class MeetingPages {

    /** Rows in the invitation form for network persons (family, a mentor, a friend). */
    static final int NETWORK_ROWS = 3;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s;,:\"<>()\\[\\]\\\\]+@[^@\\s;,:\"<>()\\[\\]\\\\]+\\.[A-Za-z]{2,}$");

    private final CaseFiles caseFiles;
    private final CaseAccessPolicy policy;
    private final Invitations invitations;
    private final MinutesMailer minutes;
    private final Outbox outbox;
    private final MailDispatcher dispatcher;
    private final IdentityService identities;
    private final MessageSource messages;
    private final Clock clock;

    MeetingPages(CaseFiles caseFiles, CaseAccessPolicy policy, Invitations invitations, MinutesMailer minutes, Outbox outbox,
                 MailDispatcher dispatcher, IdentityService identities, MessageSource messages, Clock clock) {
        this.caseFiles = caseFiles;
        this.policy = policy;
        this.invitations = invitations;
        this.minutes = minutes;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.identities = identities;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/sager/{id}/indkaldelse")
    String invitationForm(@PathVariable String id, Authentication auth, Model model) {
        CaseFile caseFile = changeable(id, CurrentUser.of(auth));
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        values.add("requestId", UUID.randomUUID().toString());
        invitations.upcoming(caseFile).ifPresentOrElse(previous -> {
            values.add("date", LocalDate.ofInstant(previous.startsAt(), Invitations.DANISH).toString());
            values.add("start", LocalTime.ofInstant(previous.startsAt(), Invitations.DANISH).toString());
            values.add("end", LocalTime.ofInstant(previous.endsAt(), Invitations.DANISH).toString());
            values.add("location", previous.location());
            fill(values, previous.invitees());
        }, () -> fill(values, defaultInvitees(caseFile)));
        return invitationPage(caseFile, values, Map.of(), model);
    }

    @PostMapping("/sager/{id}/indkaldelse")
    String invite(@PathVariable String id, @RequestParam MultiValueMap<String, String> form, Authentication auth, Model model) {
        CurrentUser user = CurrentUser.of(auth);
        CaseFile caseFile = changeable(id, user);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate date = date(form.getFirst("date"), "date", errors);
        LocalTime start = time(form.getFirst("start"), "start", errors);
        LocalTime end = time(form.getFirst("end"), "end", errors);
        if (start != null && end != null && !end.isAfter(start)) {
            errors.put("end", text("invitation.error.endBeforeStart"));
        }
        String location = trimmed(form.getFirst("location"));
        if (location == null) {
            errors.put("location", text("invitation.error.location"));
        } else if (location.length() > 300) {
            errors.put("location", text("invitation.error.tooLong", 300));
        } else if (CprMasking.containsCpr(location)) {
            errors.put("location", text("invitation.error.cpr"));
        }
        List<Invitations.Invitee> invitees = invitees(form, errors);
        if (errors.isEmpty() && invitees.stream().noneMatch(i -> i.email() != null)) {
            errors.put("email0", text("invitation.error.noRecipient"));
        }
        String requestId = trimmed(form.getFirst("requestId"));
        if (requestId == null || requestId.length() > 64) {
            requestId = UUID.randomUUID().toString();
        }
        if (!errors.isEmpty()) {
            form.set("requestId", requestId);
            return invitationPage(caseFile, form, errors, model);
        }
        invitations.invite(id, new Invitations.Request(requestId, date, start, end, location, invitees), user.id(), organizerEmail(user));
        return "redirect:/sager/" + id + "?indkaldt";
    }

    @GetMapping(path = "/sager/{id}/moeder/{meetingId}/referat.pdf")
    ResponseEntity<byte[]> minutes(@PathVariable String id, @PathVariable long meetingId, Authentication auth) {
        CaseFile caseFile = policy.visibleCase(id, CurrentUser.of(auth));
        Meeting meeting = caseFile.meetings().stream().filter(m -> m.id() == meetingId).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        byte[] pdf = minutes.minutes(caseFile, meetingId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(MinutesMailer.fileName(meeting)).build().toString())
                .body(pdf);
    }

    /** Sends the minutes of a held meeting to someone more: whoever came without an e-mail invitation. */
    @GetMapping("/sager/{id}/moeder/{meetingId}/referat")
    String minutesForm(@PathVariable String id, @PathVariable long meetingId, @RequestParam(required = false) Integer sendt,
                       Authentication auth, Model model) {
        CaseFile caseFile = jobcentres(id, CurrentUser.of(auth));
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        for (int i = 0; i < NETWORK_ROWS; i++) {
            values.add("name" + i, "");
            values.add("email" + i, "");
        }
        model.addAttribute("sent", sendt);
        return minutesPage(caseFile, meeting(caseFile, meetingId), values, Map.of(), model);
    }

    @PostMapping("/sager/{id}/moeder/{meetingId}/referat")
    String sendMinutes(@PathVariable String id, @PathVariable long meetingId, @RequestParam MultiValueMap<String, String> form,
                       Authentication auth, Model model) {
        CaseFile caseFile = jobcentres(id, CurrentUser.of(auth));
        Meeting meeting = meeting(caseFile, meetingId);
        Map<String, String> errors = new LinkedHashMap<>();
        List<MinutesMailer.Recipient> recipients = new ArrayList<>();
        for (int i = 0; i < NETWORK_ROWS; i++) {
            String name = trimmed(form.getFirst("name" + i));
            String email = trimmed(form.getFirst("email" + i));
            if (name == null && email == null) {
                continue;
            }
            checkName(name, "name" + i, errors, "minutesForm.error.cpr");
            if (email == null || email.length() > 320 || !EMAIL.matcher(email).matches()) {
                errors.put("email" + i, text("invitation.error.email"));
            } else if (CprMasking.containsCpr(email)) {
                errors.put("email" + i, text("minutesForm.error.cpr"));
            }
            recipients.add(new MinutesMailer.Recipient(name, email));
        }
        if (errors.isEmpty() && recipients.isEmpty()) {
            errors.put("email0", text("minutesForm.error.none"));
        }
        if (!errors.isEmpty()) {
            return minutesPage(caseFile, meeting, form, errors, model);
        }
        int sent = minutes.sendTo(id, meetingId, recipients, CurrentUser.of(auth).id());
        return "redirect:/sager/" + id + "/moeder/" + meetingId + "/referat?sendt=" + sent;
    }

    private String minutesPage(CaseFile caseFile, Meeting meeting, MultiValueMap<String, String> values, Map<String, String> errors,
                               Model model) {
        model.addAttribute("caseId", caseFile.id());
        model.addAttribute("citizenName", caseFile.citizenName());
        model.addAttribute("meeting", meeting);
        model.addAttribute("recipients", minutes.sent(meeting.id()));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("rows", java.util.stream.IntStream.range(0, NETWORK_ROWS).boxed().toList());
        model.addAttribute("zone", Invitations.DANISH);
        return "meetings/minutes";
    }

    private static Meeting meeting(CaseFile caseFile, long meetingId) {
        return MinutesMailer.networkMeeting(caseFile, meetingId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/post")
    String outbox(Model model) {
        List<Outbox.Entry> mails = outbox.recent(200);
        CasesShown.mark(mails.stream().map(Outbox.Entry::caseId).filter(Objects::nonNull).distinct().toList());
        model.addAttribute("mails", mails);
        model.addAttribute("sends", dispatcher.sends());
        model.addAttribute("zone", Invitations.DANISH);
        return "meetings/outbox";
    }

    @GetMapping("/post/{mailId}")
    String mail(@PathVariable long mailId, Model model) {
        Outbox.Entry mail = outbox.find(mailId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        CasesShown.mark(mail.caseId() == null ? List.of() : List.of(mail.caseId()));
        model.addAttribute("mail", mail);
        model.addAttribute("sends", dispatcher.sends());
        model.addAttribute("zone", Invitations.DANISH);
        return "meetings/mail";
    }

    @GetMapping("/post/{mailId}/invitation.ics")
    ResponseEntity<String> calendar(@PathVariable long mailId) {
        String ics = outbox.calendar(mailId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8; method=REQUEST"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("invitation.ics").build().toString())
                .body(ics);
    }

    @GetMapping("/post/{mailId}/vedhaeftning")
    ResponseEntity<byte[]> attachment(@PathVariable long mailId) {
        Outbox.Attachment attachment = outbox.attachment(mailId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(attachment.type()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(attachment.name()).build().toString())
                .body(attachment.content());
    }

    private String invitationPage(CaseFile caseFile, MultiValueMap<String, String> values, Map<String, String> errors, Model model) {
        model.addAttribute("caseId", caseFile.id());
        model.addAttribute("citizenName", caseFile.citizenName());
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; values.containsKey("role" + i); i++) {
            rows.add(i);
        }
        model.addAttribute("rows", rows);
        model.addAttribute("today", LocalDate.now(clock));
        return "meetings/invitation";
    }

    /** The citizen, every involved department but the job centre (the organiser) and empty rows for network persons. */
    private List<Invitations.Invitee> defaultInvitees(CaseFile caseFile) {
        List<Invitations.Invitee> invitees = new ArrayList<>();
        invitees.add(new Invitations.Invitee(Participant.CITIZEN, null, caseFile.citizenName(), null));
        caseFile.departments().stream()
                .filter(d -> d.status() == InvolvementStatus.INVOLVED && d.department() != Department.JOBCENTER)
                .forEach(d -> invitees.add(new Invitations.Invitee(Participant.DEPARTMENT, d.department(), null, null)));
        return invitees;
    }

    private static void fill(MultiValueMap<String, String> values, List<Invitations.Invitee> invitees) {
        int i = 0;
        for (Invitations.Invitee invitee : invitees) {
            values.add("role" + i, invitee.role());
            values.add("department" + i, invitee.department() == null ? "" : invitee.department().name());
            values.add("name" + i, invitee.name() == null ? "" : invitee.name());
            values.add("email" + i, invitee.email() == null ? "" : invitee.email());
            i++;
        }
        long network = invitees.stream().filter(v -> Participant.NETWORK.equals(v.role())).count();
        for (long n = network; n < NETWORK_ROWS; n++, i++) {
            values.add("role" + i, Participant.NETWORK);
            values.add("department" + i, "");
            values.add("name" + i, "");
            values.add("email" + i, "");
        }
    }

    /** The form's participant rows: a row counts when it has a name or an e-mail address; both are checked. */
    private List<Invitations.Invitee> invitees(MultiValueMap<String, String> form, Map<String, String> errors) {
        List<Invitations.Invitee> invitees = new ArrayList<>();
        for (int i = 0; form.containsKey("role" + i) && i < 50; i++) {
            String role = form.getFirst("role" + i);
            String name = trimmed(form.getFirst("name" + i));
            String email = trimmed(form.getFirst("email" + i));
            Department department = null;
            String code = trimmed(form.getFirst("department" + i));
            if (!List.of(Participant.CITIZEN, Participant.DEPARTMENT, Participant.NETWORK).contains(role)) {
                errors.put("name" + i, text("invitation.error.role"));
                continue;
            }
            if (code != null) {
                try {
                    department = Department.valueOf(code);
                } catch (IllegalArgumentException e) {
                    errors.put("name" + i, text("invitation.error.role"));
                    continue;
                }
            }
            if (name == null && email == null) {
                continue;
            }
            checkName(name, "name" + i, errors, "invitation.error.cpr");
            if (email != null && (email.length() > 320 || !EMAIL.matcher(email).matches())) {
                errors.put("email" + i, text("invitation.error.email"));
            } else if (CprMasking.containsCpr(email)) {
                errors.put("email" + i, text("invitation.error.cpr"));
            }
            invitees.add(new Invitations.Invitee(role, department, name, email));
        }
        return invitees;
    }

    /** A participant's name: written, not too long, and no CPR number in it (it goes out by e-mail). */
    private void checkName(String name, String field, Map<String, String> errors, String cprKey) {
        if (name == null) {
            errors.put(field, text("invitation.error.name"));
        } else if (name.length() > 200) {
            errors.put(field, text("invitation.error.tooLong", 200));
        } else if (CprMasking.containsCpr(name)) {
            errors.put(field, text(cprKey));
        }
    }

    private LocalDate date(String value, String field, Map<String, String> errors) {
        try {
            LocalDate date = LocalDate.parse(value == null ? "" : value.trim());
            if (date.isBefore(LocalDate.now(clock))) {
                errors.put(field, text("invitation.error.past"));
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.put(field, text("invitation.error.date"));
            return null;
        }
    }

    private LocalTime time(String value, String field, Map<String, String> errors) {
        try {
            return LocalTime.parse(value == null ? "" : value.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, text("invitation.error.time"));
            return null;
        }
    }

    private String organizerEmail(CurrentUser user) {
        User found = identities.createUserQuery().userId(user.id()).singleResult();
        return found != null && found.getEmail() != null && EMAIL.matcher(found.getEmail()).matches()
                ? found.getEmail() : "tvaers@kommune.example";
    }


    /** A case the job centre works on: only its staff (and administrators) invite and send minutes. */
    private CaseFile jobcentres(String id, CurrentUser user) {
        CaseFile caseFile = policy.visibleCase(id, user);
        policy.requireChange(user, text("invitation.error.notJobcenter"));
        return caseFile;
    }

    /** A case a meeting can still be called on: the job centre's and not closed. */
    private CaseFile changeable(String id, CurrentUser user) {
        CaseFile caseFile = jobcentres(id, user);
        caseFile.requireActive();
        return caseFile;
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
