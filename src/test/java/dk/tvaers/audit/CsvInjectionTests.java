package dk.tvaers.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.support.Api;
import dk.tvaers.support.TvaersTest;
import dk.tvaers.support.WebSession;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/** A cell that a spreadsheet would run as a formula reaches every CSV Tværs writes as plain text. */
@TvaersTest
class CsvInjectionTests {

    @Autowired Api api;
    @LocalServerPort int port;

    @Test
    void everyFormulaPrefixIsNeutralised() {
        for (String cell : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            String csv = AuditCsv.of(List.of(new AuditEntry(1, Instant.EPOCH, cell, "sag", "handling", "200")));
            CSVRecord row = records(csv).get(0);
            assertThat(row.get("bruger")).as(cell).isEqualTo("'" + cell);
        }
        assertThat(records(AuditCsv.of(List.of(new AuditEntry(1, Instant.EPOCH, "a;b\"c", "sag", "handling", "200")))).get(0).get("bruger"))
                .as("quoting by the library").isEqualTo("a;b\"c");
    }

    @Test
    void aFormulaTypedIntoAPathIsTextInTheAuditExportsOfTheApiAndThePage() throws Exception {
        String formula = "=cmd|'-C calc'!A" + System.nanoTime() % 1000;
        String encoded = formula.replace("=", "%3D").replace("|", "%7C").replace("'", "%27").replace(" ", "%20").replace("!", "%21");
        // Sent as it is, already encoded (a URI template would encode the % signs once more).
        var client = java.net.http.HttpClient.newHttpClient();
        var look = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/cases/" + encoded))
                .header("Authorization", "Basic a29vcmRpbmF0b3I6a29vcmRpbmF0b3I=").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(look.statusCode()).isEqualTo(404);

        Api.Response json = api.call("admin", HttpMethod.GET, "/api/audit?format=csv&size=1000", null);
        assertThat(json.status()).isEqualTo(200);
        // Not a case's id: kept with the action, after its text, so no cell of the export starts with it.
        assertThat(records(json.raw())).anySatisfy(r -> assertThat(r.get("handling")).isEqualTo("GET /api/cases/{id} (id: " + formula + ")"))
                .allSatisfy(r -> assertThat(r.values()).noneMatch(cell -> cell.startsWith("=")));

        WebSession admin = new WebSession(port);
        admin.get("/login");
        admin.post("/login", "username", "admin", "password", "admin");
        var page = admin.get("/admin/audit.csv");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(records(page.body())).anySatisfy(r -> assertThat(r.get("handling")).isEqualTo("GET /api/cases/{id} (id: " + formula + ")"))
                .allSatisfy(r -> assertThat(r.values()).noneMatch(cell -> cell.startsWith("=")));
    }

    private static List<CSVRecord> records(String csv) {
        try {
            return CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).get().parse(new java.io.StringReader(csv))
                    .getRecords();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
