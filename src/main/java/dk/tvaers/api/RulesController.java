package dk.tvaers.api;

import com.fasterxml.jackson.databind.JsonNode;
import dk.tvaers.alarms.RuleSimulation;
import dk.tvaers.leaders.RuleBook;
import dk.tvaers.leaders.RuleChanges;
import dk.tvaers.rules.RuleEngine;
import dk.tvaers.rules.RuleNotFoundException;
import dk.tvaers.rules.RuleSource;
import dk.tvaers.security.CurrentUser;
import dk.tvaers.web.Texts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The rules for leaders (API.md, Rules): the active version, its sources, new thresholds, uploaded
 * files, what-if, the history and rollback. Everybody logged in reads; leaders and administrators
 * change. No answer here names a citizen, a CPR number or a case, but the what-if's list of the
 * cases the caller may see (none for a leader).
 */
@RestController
@RequestMapping(path = "/api/rules", produces = "application/json")
@Tag(name = "Rules", description = "Regelsæt som versioner: grænser, forslagstabel, hvad-nu-hvis og tilbagerulning")
class RulesController {

    private final RuleEngine engine;
    private final RuleBook book;
    private final RuleChanges changes;

    RulesController(RuleEngine engine, RuleBook book, RuleChanges changes) {
        this.engine = engine;
        this.book = book;
        this.changes = changes;
    }

    @GetMapping
    @Operation(summary = "Den aktive version med alle regler beskrevet, deres grænser og hvor tit de slog til de sidste 30 dage")
    RuleBook.RuleSetView active() {
        return book.active(Texts.DANISH);
    }

    @GetMapping(path = "/sources/{name}", produces = {"text/plain", "text/csv", RuleBook.XLSX})
    @Operation(summary = "En kildefil i den aktive version, som den blev lagt op (en tabel som .xlsx eller .csv)")
    @ApiResponses(@ApiResponse(responseCode = "200", description = "Filen", content = {
            @Content(mediaType = "text/plain", schema = @Schema(type = "string")),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = RuleBook.XLSX, schema = @Schema(type = "string", format = "binary"))}))
    ResponseEntity<byte[]> source(@Parameter(description = "Filens navn, fx thresholds.csv",
            schema = @Schema(type = "string", pattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")) @PathVariable String name) {
        return RuleBook.download(engine.active(), name).orElseThrow(() -> RuleNotFoundException.source(name));
    }

    @PutMapping(path = "/thresholds", consumes = "application/json")
    @Operation(summary = "Ny aktiv version med disse grænser ændret (de andre beholdes)",
            requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ApiBodies.ThresholdsChange.class))))
    @ApiResponses({@ApiResponse(responseCode = "201", description = "Den nye aktive version", content = @Content(schema = @Schema(implementation = RuleBook.RuleSetView.class))),
            @ApiResponse(responseCode = "422", description = "Ukendt alarmkode eller ugyldigt antal dage (errors: thresholds.KODE); intet er ændret")})
    ResponseEntity<RuleBook.RuleSetView> thresholds(@org.springframework.web.bind.annotation.RequestBody JsonNode body, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        RuleChanges.requireChange(user);
        Map<String, Integer> days = changes.thresholds(body);
        String comment = changes.comment(body);
        int version = engine.activate(engine.withThresholds(days), user.id(), comment);
        return created(version);
    }

    @PostMapping(path = "/deployments", consumes = "multipart/form-data")
    @Operation(summary = "Ny aktiv version med disse filer tilføjet eller i stedet for filerne med samme navn",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "multipart/form-data",
                    schema = @Schema(implementation = ApiBodies.RuleFiles.class))))
    @ApiResponses({@ApiResponse(responseCode = "201", description = "Den nye aktive version", content = @Content(schema = @Schema(implementation = RuleBook.RuleSetView.class))),
            @ApiResponse(responseCode = "422", description = "Filerne kan ikke oversættes (errors: file, line, message; en tabels række); den aktive version er uændret")})
    ResponseEntity<RuleBook.RuleSetView> deploy(@Parameter(hidden = true) @RequestPart(name = "files", required = false) List<MultipartFile> files,
                                                @Parameter(hidden = true) @RequestParam(name = "comment", required = false) String comment,
                                                Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        RuleChanges.requireChange(user);
        List<RuleSource> sources = changes.files(files);
        String why = changes.comment(comment);
        int version = engine.activate(engine.withFiles(sources), user.id(), why);
        return created(version);
    }

    @PostMapping(path = "/simulate", consumes = "application/json")
    @Operation(summary = "Hvad-nu-hvis for nye grænser: forskellen mod den aktive version på alle aktive sager; intet ændres",
            requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ApiBodies.ThresholdsSimulation.class))))
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Forskellen", content = @Content(schema = @Schema(implementation = RuleSimulation.Result.class))),
            @ApiResponse(responseCode = "422", description = "Ukendt alarmkode eller ugyldigt antal dage")})
    RuleSimulation.Result simulateThresholds(@org.springframework.web.bind.annotation.RequestBody JsonNode body, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        RuleChanges.requireChange(user);
        return changes.simulate(engine.withThresholds(changes.thresholds(body)), user);
    }

    @PostMapping(path = "/simulate", consumes = "multipart/form-data")
    @Operation(summary = "Hvad-nu-hvis for filer: forskellen mod den aktive version på alle aktive sager; intet ændres",
            requestBody = @RequestBody(required = true, content = @Content(mediaType = "multipart/form-data",
                    schema = @Schema(implementation = ApiBodies.RuleFilesSimulation.class))))
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Forskellen", content = @Content(schema = @Schema(implementation = RuleSimulation.Result.class))),
            @ApiResponse(responseCode = "422", description = "Filerne kan ikke oversættes (errors: file, line, message)")})
    RuleSimulation.Result simulateFiles(@Parameter(hidden = true) @RequestPart(name = "files", required = false) List<MultipartFile> files,
                                        @Parameter(hidden = true) @RequestParam(name = "comment", required = false) String comment,
                                        Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        RuleChanges.requireChange(user);
        return changes.simulate(engine.withFiles(changes.files(files)), user);
    }

    @GetMapping("/versions")
    @Operation(summary = "Alle versioner, nyeste først")
    List<RuleBook.VersionView> versions() {
        return book.versions();
    }

    @PostMapping(path = "/versions/{n}/activate", consumes = "application/json")
    @Operation(summary = "Gør version n aktiv (tilbagerulning eller frem igen)",
            requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ApiBodies.Activation.class))))
    @ApiResponses(@ApiResponse(responseCode = "200", description = "Den nu aktive version", content = @Content(schema = @Schema(implementation = RuleBook.RuleSetView.class))))
    RuleBook.RuleSetView activate(@Parameter(schema = @Schema(type = "integer", minimum = "1")) @PathVariable String n,
                                  @org.springframework.web.bind.annotation.RequestBody JsonNode body, Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        RuleChanges.requireChange(user);
        int version;
        try {
            version = Integer.parseInt(n);
        } catch (NumberFormatException e) {
            throw RuleNotFoundException.version(0);
        }
        dk.tvaers.web.Input in = new dk.tvaers.web.Input();
        dk.tvaers.web.Input.object(body);
        in.onlyFields(body, "comment");
        in.throwIfAny();
        engine.activate(version, user.id(), changes.comment(body));
        return book.active(Texts.DANISH);
    }

    private ResponseEntity<RuleBook.RuleSetView> created(int version) {
        return ResponseEntity.created(URI.create("/api/rules/versions/" + version)).body(book.active(Texts.DANISH));
    }
}
