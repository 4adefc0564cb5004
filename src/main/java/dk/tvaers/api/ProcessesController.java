package dk.tvaers.api;

import dk.tvaers.route.InvalidProcessException;
import dk.tvaers.route.ProcessDeployments;
import dk.tvaers.route.ProcessNotFoundException;
import dk.tvaers.route.RouteMigrations;
import dk.tvaers.route.WaitingTimes;
import dk.tvaers.security.CaseAccessPolicy;
import dk.tvaers.security.CurrentUser;
import dk.tvaers.web.Input;
import dk.tvaers.web.Uploads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The processes for process owners (API.md, Processes): every process with its versions and running
 * cases, a version's BPMN, and deployments validated as at startup. Process owners and
 * administrators only; no personal data.
 */
@RestController
@RequestMapping(path = "/api/processes", produces = "application/json")
@Tag(name = "Processes", description = "Forløbets BPMN-processer: versioner, validerede deployments")
class ProcessesController {

    static final String PROCESS_OWNERS = "process-owners";
    /** The engine's process definition ids: key:version:id (the key a BPMN id), or the id alone when that would be too long. */
    static final String DEFINITION_ID = "^(?:[A-Za-z_][A-Za-z0-9_.-]{0,254}:[0-9]{1,9}:)?[0-9a-f-]{36}$";

    private final ProcessDeployments deployments;
    private final WaitingTimes waitingTimes;
    private final RouteMigrations migrations;

    ProcessesController(ProcessDeployments deployments, WaitingTimes waitingTimes, RouteMigrations migrations) {
        this.deployments = deployments;
        this.waitingTimes = waitingTimes;
        this.migrations = migrations;
    }

    private static CurrentUser processOwner(Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        if (!user.isMemberOf(PROCESS_OWNERS) && !user.isMemberOf(CaseAccessPolicy.ADMIN_GROUP)) {
            throw new AccessDeniedException("Kun procesejere og administratorer arbejder med processerne");
        }
        return user;
    }

    @GetMapping
    @Operation(summary = "Alle processer med deres versioner, hvem der deployede dem, og hvor mange sager der kører på hver")
    List<ProcessDeployments.ProcessView> processes(Authentication auth) {
        processOwner(auth);
        return deployments.processes();
    }

    @GetMapping("/{definitionId}/activities")
    @Operation(summary = "Hvor sagerne er og venter, pr. trin i versionen: kørende og afsluttede besøg, median og 90-procent-fraktil "
            + "af tiden i trinnet (afsluttede i perioden), og hvor længe de kørende har ventet; alarmgrænsen, hvor en gælder")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Trinnene i versionen"),
            @ApiResponse(responseCode = "400", description = "En dato er ikke gyldig, eller to ligger før from"),
            @ApiResponse(responseCode = "404", description = "Versionen findes ikke")})
    List<WaitingTimes.Step> activities(@Parameter(description = "fx CaseRouteProcess:2:…", schema = @Schema(type = "string", pattern = DEFINITION_ID))
                                       @PathVariable String definitionId,
                                       @Parameter(description = "afsluttede besøg fra denne dag", schema = @Schema(type = "string", format = "date"))
                                       @RequestParam(required = false) String from,
                                       @Parameter(description = "til og med denne dag", schema = @Schema(type = "string", format = "date"))
                                       @RequestParam(required = false) String to,
                                       Authentication auth) {
        processOwner(auth);
        Input in = new Input();
        var query = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        if (from != null) {
            query.put("from", from);
        }
        if (to != null) {
            query.put("to", to);
        }
        LocalDate fromDay = in.date(query, "from", false);
        LocalDate toDay = in.date(query, "to", false);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            in.add("to", "endBeforeStart");
        }
        in.throwIfAny();
        return waitingTimes.of(definitionId, fromDay, toDay);
    }

    @GetMapping(path = "/{definitionId}/xml", produces = "application/xml")
    @Operation(summary = "BPMN'en for en version, som den blev deployet")
    @ApiResponses(@ApiResponse(responseCode = "200", description = "BPMN 2.0 XML",
            content = @Content(mediaType = "application/xml", schema = @Schema(type = "string"))))
    ResponseEntity<byte[]> xml(@Parameter(description = "fx CaseRouteProcess:2:…", schema = @Schema(type = "string", pattern = DEFINITION_ID))
                               @PathVariable String definitionId, Authentication auth) {
        processOwner(auth);
        byte[] xml = deployments.xml(definitionId).orElseThrow(() -> new ProcessNotFoundException(definitionId));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml);
    }

    @PostMapping(path = "/deployments", consumes = "multipart/form-data")
    @Operation(summary = "Validerer og deployer BPMN-filer; en uændret fil giver ingen ny version",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "multipart/form-data",
                    schema = @Schema(implementation = ApiBodies.ProcessFiles.class))))
    @ApiResponses({@ApiResponse(responseCode = "201", description = "Nye versioner og hvad der er ændret",
            content = @Content(schema = @Schema(implementation = ProcessDeployments.Deployed.class))),
            @ApiResponse(responseCode = "200", description = "Intet ændret: de eksisterende versioner",
                    content = @Content(schema = @Schema(implementation = ProcessDeployments.Deployed.class))),
            @ApiResponse(responseCode = "422", description = "En fil bryder BPMN-skemaet, motorens parser eller Tværs' regler (errors: file, element, line, message); intet er deployet")})
    ResponseEntity<ProcessDeployments.Deployed> deploy(@Parameter(hidden = true) @RequestPart(name = "files", required = false) List<MultipartFile> files,
                                                       @Parameter(hidden = true) @RequestParam(name = "comment", required = false) String comment,
                                                       Authentication auth) {
        CurrentUser user = processOwner(auth);
        Map<String, byte[]> bpmn = Uploads.files(files, "processFileName", ".bpmn");
        Input in = new Input();
        String why = in.text("comment", comment, true, 2000);
        in.throwIfAny();
        ProcessDeployments.Deployed deployed = deployments.deploy(bpmn, user.id(), why);
        if (deployed.definitions().isEmpty()) {
            return ResponseEntity.ok(deployments.current(bpmn));
        }
        return ResponseEntity.created(URI.create("/api/processes/" + deployed.definitions().get(0).definitionId() + "/xml")).body(deployed);
    }

    /** A migration started: its id, and the plan and dry run it was started from. */
    record MigrationStarted(String migrationId, String sourceDefinitionId, String targetDefinitionId, int instances, int canMigrate,
                            List<RouteMigrations.Mapping> plan, List<RouteMigrations.Cannot> cannot) {}

    @PostMapping(path = "/migrations", consumes = "application/json")
    @Operation(summary = "Planlægger at flytte kørende sager fra én version til en anden (aktiviteter med samme id), med en prøvekørsel af hver sag; "
            + "uden dryRun startes flytningen også som motorens batch for de sager, der kan flyttes",
            requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ApiBodies.MigrationRequest.class))))
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Prøvekørslen (dryRun true): planen, og hvilke sager der kan og ikke kan flyttes",
            content = @Content(schema = @Schema(implementation = RouteMigrations.Report.class))),
            @ApiResponse(responseCode = "202", description = "Flytningen er startet",
                    content = @Content(schema = @Schema(implementation = MigrationStarted.class))),
            @ApiResponse(responseCode = "404", description = "En af versionerne findes ikke"),
            @ApiResponse(responseCode = "422", description = "Ingen plan mellem versionerne, eller ingen sag kan flyttes; intet er flyttet")})
    ResponseEntity<?> migrate(@org.springframework.web.bind.annotation.RequestBody com.fasterxml.jackson.databind.JsonNode body, Authentication auth) {
        CurrentUser user = processOwner(auth);
        Input in = new Input();
        Input.object(body);
        in.onlyFields(body, "sourceDefinitionId", "targetDefinitionId", "dryRun", "caseIds");
        String source = definitionId(in, body, "sourceDefinitionId");
        String target = definitionId(in, body, "targetDefinitionId");
        Boolean dryRun = in.bool(body, "dryRun", false);
        java.util.Set<String> caseIds = null;
        com.fasterxml.jackson.databind.JsonNode cases = in.arrayField(body, "caseIds", false, ApiBodies.MAX_CASE_IDS);
        if (cases != null) {
            caseIds = new java.util.LinkedHashSet<>();
            for (int i = 0; i < cases.size(); i++) {
                if (!cases.get(i).isTextual() || cases.get(i).asText().length() > 64) {
                    in.add("caseIds[" + i + "]", "text");
                } else {
                    caseIds.add(cases.get(i).asText());
                }
            }
        }
        in.throwIfAny();
        if (Boolean.TRUE.equals(dryRun)) {
            return ResponseEntity.ok(migrations.dryRun(source, target, caseIds));
        }
        RouteMigrations.Started started = migrations.start(source, target, caseIds, user.id());
        RouteMigrations.Report report = started.report();
        return ResponseEntity.accepted().location(URI.create("/api/processes/migrations/" + started.migrationId()))
                .body(new MigrationStarted(started.migrationId(), source, target, report.instances(), report.canMigrate(), report.plan(), report.cannot()));
    }

    @GetMapping("/migrations/{migrationId}")
    @Operation(summary = "Hvor en flytning står: RUNNING, COMPLETED eller FAILED, hvor mange sager den fik, hvor mange der er flyttet, og hvilke der fejlede og hvorfor")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Flytningens tilstand"),
            @ApiResponse(responseCode = "404", description = "Flytningen findes ikke")})
    RouteMigrations.Status migration(@Parameter(schema = @Schema(type = "string", format = "uuid")) @PathVariable String migrationId, Authentication auth) {
        processOwner(auth);
        return migrations.status(migrationId).orElseThrow(() -> new ProcessNotFoundException(migrationId));
    }

    private static String definitionId(Input in, com.fasterxml.jackson.databind.JsonNode body, String field) {
        String id = in.text(body, field, true, 300);
        if (id != null && !id.matches(DEFINITION_ID)) {
            in.add(field, "invalidValue");
            return null;
        }
        return id;
    }
}
