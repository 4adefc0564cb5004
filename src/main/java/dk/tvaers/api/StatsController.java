package dk.tvaers.api;

import dk.tvaers.casefile.Department;
import dk.tvaers.security.CurrentUser;
import dk.tvaers.stats.Period;
import dk.tvaers.stats.Statistics;
import dk.tvaers.stats.StatsCsv;
import dk.tvaers.web.Texts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The leaders' figures (API.md, Statistics): aggregates only, a count from 1 to 4 as "&lt;5", as JSON or
 * CSV. For the leader forum, the jobcentre and the administrators.
 */
@RestController
@RequestMapping(path = "/api/stats")
@Tag(name = "Statistics", description = "Tal for lederne: trin, ventetider, alarmer, tværfaglighed, progression og udfald; aldrig en borger")
class StatsController {

    private final Statistics statistics;
    private final Clock clock;

    StatsController(Statistics statistics, Clock clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    @GetMapping(produces = {"application/json", "text/csv"})
    @Operation(summary = "Tallene for en periode (som standard de sidste 12 måneder): hvad der står nu, og hvad der skete i perioden; "
            + "et antal fra 1 til 4 er \"<5\", og et tal udledt af færre end 5 sager udelades (null). Med Accept: text/csv de samme tal "
            + "som CSV, én række pr. tal (figure;key;measure;value;label, semikolon, decimalkomma, UTF-8)")
    @ApiResponses({@ApiResponse(responseCode = "200", description = "Tallene", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = Statistics.Report.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))}),
            @ApiResponse(responseCode = "400", description = "En dato eller afdeling er ikke gyldig, en dato ligger uden for årene "
                    + Period.FIRST_YEAR + "–" + Period.LAST_YEAR + ", eller to ligger før from")})
    ResponseEntity<?> stats(@Parameter(description = "første dag i perioden", schema = @Schema(type = "string", format = "date", pattern = Period.DAY_PATTERN))
                            @RequestParam(required = false) String from,
                            @Parameter(description = "sidste dag i perioden (standard i dag)", schema = @Schema(type = "string", format = "date", pattern = Period.DAY_PATTERN))
                            @RequestParam(required = false) String to,
                            @Parameter(description = "kun sager, afdelingen deltager i", schema = @Schema(implementation = Department.class))
                            @RequestParam(required = false) String department,
                            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                            Authentication auth) {
        Period period = period(from, to, department, auth);
        Statistics.Report report = statistics.report(period);
        if (!wantsCsv(accept)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        }
        return StatsCsv.download(report, Texts.DANISH, false);
    }

    /** CSV when the caller prefers it to JSON (Spring has already refused an Accept that allows neither). */
    private static boolean wantsCsv(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types = MediaType.parseMediaTypes(accept);
        org.springframework.util.MimeTypeUtils.sortBySpecificity(types);
        for (MediaType type : types) {
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return false;
            }
            if (type.isCompatibleWith(MediaType.valueOf("text/csv"))) {
                return true;
            }
        }
        return false;
    }

    private Period period(String from, String to, String department, Authentication auth) {
        if (!Statistics.mayRead(CurrentUser.of(auth))) {
            throw new AccessDeniedException("Kun ledere, jobcentret og administratorer ser tallene");
        }
        return Period.parse(from, to, department, LocalDate.now(clock));
    }
}
