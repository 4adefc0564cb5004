package dk.tvaers.api;

import com.fasterxml.jackson.databind.JsonNode;
import dk.tvaers.inbox.Inbox;
import dk.tvaers.route.TaskComments;
import dk.tvaers.security.CasesShown;
import dk.tvaers.security.CurrentUser;
import dk.tvaers.web.FieldError;
import dk.tvaers.web.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The task inbox over HTTP: my tasks, my groups' tasks, claim, give back, complete. */
@RestController
@RequestMapping(path = "/api/tasks", produces = "application/json")
@Tag(name = "Tasks", description = "Indbakken")
class TaskController {

    private final Inbox inbox;

    TaskController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    @Operation(summary = "Åbne opgaver: scope=mine (tildelt mig), scope=group (kan tages af en af mine grupper); uden scope begge")
    List<Inbox.TaskView> list(@Parameter(schema = @Schema(allowableValues = {"mine", "group"})) @RequestParam(required = false) String scope,
                              @RequestParam(required = false) String taskKey, @RequestParam(required = false) String caseId, Authentication auth) {
        if (scope != null && !scope.equals("mine") && !scope.equals("group")) {
            throw new InvalidInputException(FieldError.of("scope", "scope"));
        }
        List<Inbox.TaskView> views = inbox.tasks(CurrentUser.of(auth), scope, taskKey, caseId);
        CasesShown.mark(views.stream().map(Inbox.TaskView::caseId).distinct().toList());
        return views;
    }

    @GetMapping("/{id}/form")
    @Operation(summary = "Felterne opgaven afsluttes med: for en opgave med Tværs' egen formular generic=false (felterne står i API.md); "
            + "for et trin, en procesejer har tilføjet, formularfelterne fra dets BPMN")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Opgavens formular"),
            @ApiResponse(responseCode = "404", description = "Opgaven findes ikke, eller du har ikke adgang til dens sag")})
    Inbox.FormView form(@PathVariable String id, Authentication auth) {
        return inbox.form(CurrentUser.of(auth), id);
    }

    @PostMapping("/{id}/claim")
    @Operation(summary = "Tag opgaven; 409 hvis en anden har den")
    @ApiResponses({@ApiResponse(responseCode = "204", description = "Opgaven er din"),
            @ApiResponse(responseCode = "409", description = "En anden har opgaven")})
    ResponseEntity<Void> claim(@PathVariable String id, Authentication auth) {
        inbox.claim(CurrentUser.of(auth), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/unclaim")
    @Operation(summary = "Giv opgaven tilbage til gruppen; 409 hvis en anden har den")
    @ApiResponses({@ApiResponse(responseCode = "204", description = "Opgaven er givet tilbage"),
            @ApiResponse(responseCode = "409", description = "En anden har opgaven")})
    ResponseEntity<Void> unclaim(@PathVariable String id, Authentication auth) {
        inbox.unclaim(CurrentUser.of(auth), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{id}/complete", consumes = "application/json")
    @Operation(summary = "Afslut opgaven med dens felter (se API.md); 400 med fejl pr. felt; 409 hvis en anden har den",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = ApiBodies.TaskCompletion.class))))
    @ApiResponses({@ApiResponse(responseCode = "204", description = "Opgaven er afsluttet"),
            @ApiResponse(responseCode = "409", description = "En anden har opgaven, eller den kan ikke afsluttes gennem API'et")})
    ResponseEntity<Void> complete(@PathVariable String id, @RequestBody JsonNode body, Authentication auth) {
        inbox.complete(CurrentUser.of(auth), id, body);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/comments")
    @Operation(summary = "Opgavens kommentarer, ældste først")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Kommentarerne"),
            @ApiResponse(responseCode = "404", description = "Opgaven findes ikke, eller du har ikke adgang til dens sag")})
    List<TaskComments.TaskComment> comments(@PathVariable String id, Authentication auth) {
        return inbox.comments(CurrentUser.of(auth), id);
    }

    @PostMapping(path = "/{id}/comments", consumes = "application/json")
    @Operation(summary = "Skriv en kommentar på opgaven (alle, der kan se opgaven); 400 med fejl pr. felt",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = ApiBodies.TaskComment.class))))
    @ApiResponses({@ApiResponse(responseCode = "201", description = "Kommentaren er gemt"),
            @ApiResponse(responseCode = "404", description = "Opgaven findes ikke, eller du har ikke adgang til dens sag")})
    ResponseEntity<TaskComments.TaskComment> comment(@PathVariable String id, @RequestBody JsonNode body, Authentication auth) {
        return ResponseEntity.status(201).body(inbox.comment(CurrentUser.of(auth), id, body));
    }

    @PutMapping(path = "/{id}/follow-up", consumes = "application/json")
    @Operation(summary = "Sæt den dag, du vil se på opgaven igen (kun den, der kan afslutte den); null fjerner den",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = ApiBodies.FollowUpDate.class))))
    @ApiResponses({@ApiResponse(responseCode = "204", description = "Datoen er sat"),
            @ApiResponse(responseCode = "403", description = "Opgaven ligger hos en gruppe, du ikke er med i"),
            @ApiResponse(responseCode = "404", description = "Opgaven findes ikke, eller du har ikke adgang til dens sag")})
    ResponseEntity<Void> followUp(@PathVariable String id, @RequestBody JsonNode body, Authentication auth) {
        inbox.followUp(CurrentUser.of(auth), id, body);
        return ResponseEntity.noContent().build();
    }
}
