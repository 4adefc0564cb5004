package dk.tvaers.api;

import com.fasterxml.jackson.databind.JsonNode;
import dk.tvaers.alarms.CaseEvaluation;
import dk.tvaers.casefile.CaseFile;
import dk.tvaers.casefile.CaseFiles;
import dk.tvaers.casefile.ConsentGiver;
import dk.tvaers.casefile.Cpr;
import dk.tvaers.casefile.Department;
import dk.tvaers.casefile.Effort;
import dk.tvaers.casefile.EffortType;
import dk.tvaers.casefile.Flag;
import dk.tvaers.casefile.JourneyEntry;
import dk.tvaers.casefile.Referral;
import dk.tvaers.casefile.Stage;
import dk.tvaers.caseview.CaseListQuery;
import dk.tvaers.caseview.CaseView;
import dk.tvaers.caseview.CaseViews;
import dk.tvaers.caseview.JourneyTexts;
import dk.tvaers.caseview.PlanView;
import dk.tvaers.rules.Evaluation;
import dk.tvaers.leaders.RuleTexts;
import dk.tvaers.rules.RuleEngine;
import dk.tvaers.security.CasesShown;
import dk.tvaers.security.CaseAccessPolicy;
import dk.tvaers.security.CurrentUser;
import dk.tvaers.web.FieldError;
import dk.tvaers.web.Input;
import dk.tvaers.web.InvalidInputException;
import dk.tvaers.web.Texts;
import dk.tvaers.security.NotVisibleException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Cases over HTTP, exactly as API.md version 1 says. */
@RestController
@RequestMapping(path = "/api/cases", produces = "application/json")
@Tag(name = "Cases", description = "Henvisninger og sagens oplysninger")
class CaseController {

    private static final String REFERRAL_EXAMPLE = """
            {"externalRef": "JC-2026-0042",
             "citizen": {"cpr": "0101074234", "name": "Viktor Test"},
             "referredBy": "JOBCENTER", "referralDate": "2026-11-02",
             "flags": ["MENTAL_HEALTH", "NO_EDUCATION", "SOCIAL_ISOLATION"], "note": "fri tekst"}""";

    private final CaseFiles caseFiles;
    private final CaseViews views;
    private final CaseListQuery list;
    private final CaseAccessPolicy policy;
    private final CaseEvaluation evaluation;
    private final RuleEngine rules;
    private final RuleTexts ruleTexts;
    private final Clock clock;

    CaseController(CaseFiles caseFiles, CaseViews views, CaseListQuery list, CaseAccessPolicy policy, CaseEvaluation evaluation,
                   RuleEngine rules, RuleTexts ruleTexts, Clock clock) {
        this.ruleTexts = ruleTexts;
        this.caseFiles = caseFiles;
        this.views = views;
        this.list = list;
        this.policy = policy;
        this.evaluation = evaluation;
        this.rules = rules;
        this.clock = clock;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Modtag en henvisning", description = "201 ny sag; 200 samme henvisning igen; 409 samme externalRef med andet indhold",
            requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ApiBodies.Referral.class),
                    examples = @ExampleObject(name = "Viktor", value = REFERRAL_EXAMPLE))))
    @ApiResponses({@ApiResponse(responseCode = "201", description = "Ny sag; Location peger på den", content = @Content(schema = @Schema(implementation = CaseView.class))),
            @ApiResponse(responseCode = "200", description = "Samme henvisning igen: den eksisterende sag", content = @Content(schema = @Schema(implementation = CaseView.class))),
            @ApiResponse(responseCode = "409", description = "Samme externalRef med et andet indhold")})
    ResponseEntity<CaseView> refer(@org.springframework.web.bind.annotation.RequestBody JsonNode body, Authentication auth) {
        requireJobcentre(auth);
        Referral referral = referral(body);
        CaseFiles.Referred referred;
        try {
            referred = caseFiles.refer(referral);
        } catch (DataIntegrityViolationException race) {
            // The same externalRef arrived at the same moment and the other request won: answer as a repeat.
            referred = caseFiles.refer(referral);
        }
        CaseView view = views.view(caseFiles.find(referred.caseFile().id()).orElseThrow());
        CasesShown.mark(List.of(view.id()));
        return referred.created()
                ? ResponseEntity.created(URI.create("/api/cases/" + view.id())).body(view)
                : ResponseEntity.ok(view);
    }

    private Referral referral(JsonNode body) {
        Input in = new Input();
        Input.object(body);
        in.onlyFields(body, "externalRef", "citizen", "referredBy", "referralDate", "flags", "note", "coordinator");
        String externalRef = in.text(body, "externalRef", true, 100);
        JsonNode citizen = in.objectField(body, "citizen", true);
        String name = null;
        String cpr = null;
        if (citizen != null) {
            Input c = in.nested("citizen");
            c.onlyFields(citizen, "cpr", "name");
            name = c.text(citizen, "name", true, 200);
            cpr = c.cpr(citizen, "cpr", today());
        }
        Department referredBy = in.code(body, "referredBy", Department.class, true);
        LocalDate referralDate = in.dateNotAfter(body, "referralDate", true, today());
        Set<Flag> flags = in.codes(body, "flags", Flag.class, false);
        String note = in.text(body, "note", false, 4000);
        String coordinator = in.text(body, "coordinator", false, 100);
        in.throwIfAny();
        return new Referral(externalRef, name, cpr, referredBy, referralDate, flags == null ? Set.of() : flags, note, coordinator);
    }

    /** The paged list of cases visible to the caller, newest first. */
    record CasePage(List<CaseSummary> content, int page, int size, long totalElements, int totalPages) {}

    record CaseSummary(String id, String externalRef, CaseView.Citizen citizen, String status, String stage,
                       @Schema(nullable = true) LocalDate stageSince, @Schema(nullable = true) String coordinator, LocalDate referralDate,
                       List<String> alarms) {}

    @GetMapping
    @Operation(summary = "Sager, du må se, nyeste først")
    CasePage list(@Parameter(schema = @Schema(implementation = Stage.class)) @RequestParam(required = false) String stage,
                  @Parameter(description = "En afdeling, der er foreslået eller involveret", schema = @Schema(implementation = Department.class))
                  @RequestParam(required = false) String department,
                  @Parameter(description = "En åben alarms kode", schema = @Schema(ref = "#/components/schemas/AlarmCode"))
                  @RequestParam(required = false) String alarm,
                  @Parameter(schema = @Schema(type = "integer", minimum = "0", maximum = "100000", defaultValue = "0"))
                  @RequestParam(defaultValue = "0") String page,
                  @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "200", defaultValue = "20"))
                  @RequestParam(defaultValue = "20") String size, Authentication auth) {
        Input in = new Input();
        var query = new com.fasterxml.jackson.databind.node.ObjectNode(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance);
        if (stage != null) query.put("stage", stage);
        if (department != null) query.put("department", department);
        Stage stageCode = in.code(query, "stage", Stage.class, false);
        Department departmentCode = in.code(query, "department", Department.class, false);
        if (alarm != null && !dk.tvaers.rules.Thresholds.KNOWN_CODES.contains(alarm)) {
            in.add("alarm", "unknownAlarm", alarm);
        }
        int pageNumber = number(in, "page", page, 0, 100_000);
        int pageSize = number(in, "size", size, 1, 200);
        in.throwIfAny();
        CaseListQuery.Page result = list.find(new CaseListQuery.Criteria(stageCode == null ? null : stageCode.name(), departmentCode, alarm),
                policy.visibility(CurrentUser.of(auth)), pageNumber, pageSize);
        Map<String, List<String>> alarms = list.openAlarmCodes(result.rows().stream().map(CaseListQuery.Row::id).toList());
        LocalDate today = today();
        List<CaseSummary> content = result.rows().stream().map(r -> new CaseSummary(r.id(), r.externalRef(),
                new CaseView.Citizen(r.citizenName(), Cpr.maskedFrom(r.cprBirthDigits()), Cpr.age(r.birthDate(), today), r.birthDate()),
                r.status(), r.stage(), r.stageSince(), r.coordinator(), r.referralDate(), alarms.getOrDefault(r.id(), List.of()))).toList();
        CasesShown.mark(content.stream().map(CaseSummary::id).toList());
        return new CasePage(content, pageNumber, pageSize, result.total(), (int) ((result.total() + pageSize - 1) / pageSize));
    }

    private static int number(Input in, String field, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                in.add(field, "between", min, max);
            }
            return value;
        } catch (NumberFormatException e) {
            in.add(field, "integer");
            return min;
        }
    }

    @GetMapping("/{id}")
    @Operation(summary = "Sagen med borger (maskeret CPR), samtykke, afdelinger, alarmer, indsatser, aftaler og aktive opgaver")
    CaseView get(@PathVariable String id, Authentication auth) {
        return views.view(visible(id, auth));
    }

    @PutMapping(path = "/{id}/flags", consumes = "application/json")
    @Operation(summary = "Erstatter sagens markeringer; forslag og alarmer vurderes straks igen", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ApiBodies.Flags.class))))
    CaseView flags(@PathVariable String id, @org.springframework.web.bind.annotation.RequestBody JsonNode body, Authentication auth) {
        visible(id, auth);
        requireJobcentre(auth);
        Input in = new Input();
        Input.object(body);
        in.onlyFields(body, "flags");
        Set<Flag> flags = in.codes(body, "flags", Flag.class, true);
        in.throwIfAny();
        caseFiles.replaceFlags(id, flags);
        return get(id, auth);
    }

    @PostMapping(path = "/{id}/departments/{code}", consumes = "application/json")
    @Operation(summary = "Besvarer et forslag: INVOLVE eller DECLINE med en begrundelse", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ApiBodies.Decision.class))))
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Sagen efter beslutningen", content = @Content(schema = @Schema(implementation = CaseView.class))),
            @ApiResponse(responseCode = "409", description = "JOBCENTER kan ikke fravælges")})
    CaseView decide(@PathVariable String id, @Parameter(schema = @Schema(implementation = Department.class)) @PathVariable String code, @org.springframework.web.bind.annotation.RequestBody JsonNode body,
                    Authentication auth) {
        visible(id, auth);
        requireJobcentre(auth);
        Input in = new Input();
        Department department = null;
        try {
            department = Department.valueOf(code);
        } catch (IllegalArgumentException e) {
            in.add("code", "unknownDepartment", code);
        }
        Input.object(body);
        in.onlyFields(body, "decision", "reason");
        String decision = in.word(body, "decision", true, "INVOLVE", "DECLINE");
        String reason = in.text(body, "reason", "DECLINE".equals(decision), 1000);
        in.throwIfAny();
        caseFiles.decideDepartment(id, department, "INVOLVE".equals(decision), reason, auth.getName());
        return get(id, auth);
    }

    @PostMapping(path = "/{id}/consents", consumes = "application/json")
    @Operation(summary = "Registrerer samtykke (borgeren eller forældremyndighedsindehaveren) til deling med de nævnte afdelinger",
            requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ApiBodies.Consent.class))))
    @ApiResponses(@ApiResponse(responseCode = "201", description = "Sagen med samtykket", content = @Content(schema = @Schema(implementation = CaseView.class))))
    ResponseEntity<CaseView> consent(@PathVariable String id, @org.springframework.web.bind.annotation.RequestBody JsonNode body,
                                     Authentication auth) {
        visible(id, auth);
        requireJobcentre(auth);
        Input in = new Input();
        Input.object(body);
        in.onlyFields(body, "givenBy", "departments", "givenOn");
        ConsentGiver givenBy = in.code(body, "givenBy", ConsentGiver.class, true);
        Set<Department> departments = in.codes(body, "departments", Department.class, true);
        if (departments != null && departments.isEmpty() && !in.hasErrorFor("departments")) {
            in.add("departments", "departmentsConsent");
        }
        LocalDate givenOn = in.dateNotAfter(body, "givenOn", true, today());
        in.throwIfAny();
        caseFiles.giveConsent(id, givenBy, departments, givenOn);
        return ResponseEntity.status(HttpStatus.CREATED).body(get(id, auth));
    }

    @PostMapping(path = "/{id}/consents/withdraw", consumes = "application/json")
    @Operation(summary = "Trækker samtykket tilbage: andre afdelinger end jobcentret mister adgangen", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ApiBodies.Withdrawal.class))))
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Sagen uden samtykke", content = @Content(schema = @Schema(implementation = CaseView.class))),
            @ApiResponse(responseCode = "409", description = "Der er intet samtykke at trække tilbage")})
    CaseView withdraw(@PathVariable String id, @org.springframework.web.bind.annotation.RequestBody JsonNode body, Authentication auth) {
        visible(id, auth);
        requireJobcentre(auth);
        Input in = new Input();
        Input.object(body);
        in.onlyFields(body, "withdrawnOn");
        LocalDate withdrawnOn = in.dateNotAfter(body, "withdrawnOn", true, today());
        in.throwIfAny();
        caseFiles.withdrawConsent(id, withdrawnOn);
        return get(id, auth);
    }

    @PostMapping(path = "/{id}/efforts", consumes = "application/json")
    @Operation(summary = "Registrerer en indsats; ventetiden løber fra requestedOn til startedOn", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ApiBodies.Effort.class))))
    @ApiResponses(@ApiResponse(responseCode = "201", description = "Indsatsen; Location peger på den", content = @Content(schema = @Schema(implementation = CaseView.EffortView.class))))
    ResponseEntity<CaseView.EffortView> addEffort(@PathVariable String id, @org.springframework.web.bind.annotation.RequestBody JsonNode body,
                                                  Authentication auth) {
        visible(id, auth);
        requireJobcentre(auth);
        Input in = new Input();
        Input.object(body);
        in.onlyFields(body, "type", "department", "requestedOn", "startedOn", "endedOn", "note");
        EffortType type = in.code(body, "type", EffortType.class, true);
        Department department = in.code(body, "department", Department.class, false);
        LocalDate requestedOn = in.dateNotAfter(body, "requestedOn", true, today());
        LocalDate startedOn = in.dateNotAfter(body, "startedOn", false, today());
        LocalDate endedOn = in.dateNotAfter(body, "endedOn", false, today());
        String note = in.text(body, "note", false, 1000);
        if (!in.hasErrorFor("startedOn")) {
            // The case file's own rule, asked now so every error of the request is answered at once.
            Effort.datesProblems(requestedOn, startedOn, endedOn).forEach(in::add);
        }
        in.throwIfAny();
        Effort effort = caseFiles.recordEffort(id, type, department != null ? department : type.usualDepartment(), requestedOn, startedOn, endedOn, note);
        return ResponseEntity.created(URI.create("/api/cases/" + id + "/efforts/" + effort.id())).body(CaseViews.effort(effort, today()));
    }

    @PatchMapping(path = "/{id}/efforts/{effortId}", consumes = "application/json")
    @Operation(summary = "Flytter en indsats videre: startedOn eller endedOn", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ApiBodies.EffortMove.class))))
    CaseView.EffortView moveEffort(@PathVariable String id, @PathVariable String effortId,
                                   @org.springframework.web.bind.annotation.RequestBody JsonNode body, Authentication auth) {
        CaseFile caseFile = visible(id, auth);
        requireJobcentre(auth);
        Effort effort = caseFile.efforts().stream().filter(e -> String.valueOf(e.id()).equals(effortId)).findFirst()
                .orElseThrow(() -> new NotVisibleException());
        Input in = new Input();
        Input.object(body);
        in.onlyFields(body, "startedOn", "endedOn");
        LocalDate startedOn = in.dateNotAfter(body, "startedOn", false, today());
        LocalDate endedOn = in.dateNotAfter(body, "endedOn", false, today());
        if (!body.has("startedOn") && !body.has("endedOn")) {
            in.add("startedOn", "startedOrEnded");
        }
        effort.moveProblems(startedOn, endedOn).forEach(in::add);
        in.throwIfAny();
        Effort moved = effort;
        if (startedOn != null) {
            moved = caseFiles.startEffort(id, effort.id(), startedOn);
        }
        if (endedOn != null) {
            moved = caseFiles.endEffort(id, effort.id(), endedOn);
        }
        return CaseViews.effort(moved, today());
    }

    @GetMapping("/{id}/alarms")
    @Operation(summary = "De alarmer, de aktive regler giver for sagen på en dato; beregnet, intet gemmes")
    List<CaseView.AlarmView> alarms(@PathVariable String id,
                                    @Parameter(schema = @Schema(type = "string", format = "date")) @RequestParam(required = false) String asOf,
                                    Authentication auth) {
        visible(id, auth);
        Input in = new Input();
        LocalDate given = in.date("asOf", asOf);
        in.throwIfAny();
        LocalDate day = given == null ? today() : given;
        Evaluation result = evaluation.evaluateAsOf(id, day, rules.active());
        return result.alarms().stream().map(a -> new CaseView.AlarmView(a.code(), a.severity(), a.since(), a.rule(), a.text())).toList();
    }

    @GetMapping("/{id}/explanations")
    @Operation(summary = "Hvorfor en afdeling er, eller ikke er, foreslået: hver regel, der kan foreslå den, og dens betingelser på sagens fakta")
    RuleTexts.ExplanationView explanations(@PathVariable String id,
                                           @Parameter(required = true, schema = @Schema(implementation = Department.class)) @RequestParam(required = false) String department,
                                           Authentication auth) {
        CaseFile caseFile = visible(id, auth);
        Input in = new Input();
        Department code = in.code("department", department, Department.class, true);
        in.throwIfAny();
        return ruleTexts.explain(rules.active().explain(evaluation.snapshot(caseFile, today()), code.name()), dk.tvaers.web.Texts.DANISH);
    }

    /** A journey line: its type and code for programs, its text in Danish for people. */
    record TimelineEntry(LocalDate date, String type, @Schema(nullable = true) String code, String text) {}

    @GetMapping("/{id}/timeline")
    @Operation(summary = "Sagens hændelser i rækkefølge: forløbets trin, møder, indsatser, ventetid og alarmer")
    List<TimelineEntry> timeline(@PathVariable String id, Authentication auth) {
        visible(id, auth);
        return caseFiles.journey(id).stream()
                .map((JourneyEntry e) -> new TimelineEntry(e.occurredOn(), e.type(), e.subject().orElse(null), JourneyTexts.text(e, Texts.DANISH)))
                .toList();
    }

    @GetMapping("/{id}/plan")
    @Operation(summary = "Borgerens plan: målene med borgerens egne ord, delmålene, aftalerne under dem og progressionen på hvert mål",
            description = "Én plan for sagen: hver afdeling, der må se sagen (involveret og dækket af samtykke), ser den samme.")
    PlanView plan(@PathVariable String id, Authentication auth) {
        return views.plan(visible(id, auth));
    }

    private CaseFile visible(String id, Authentication auth) {
        return policy.visibleCase(id, CurrentUser.of(auth));
    }

    /** Changing a case is the jobcentre's (the coordinating caseworker's hub) work. */
    private void requireJobcentre(Authentication auth) {
        policy.requireChange(CurrentUser.of(auth));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
