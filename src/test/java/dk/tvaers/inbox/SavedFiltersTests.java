package dk.tvaers.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.support.TvaersTest;
import dk.tvaers.support.WebSession;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Saved inbox filters over real HTTP with a session: each user's own, named, refused by the field when wrong. */
@TvaersTest
class SavedFiltersTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void aCoordinatorSavesNamesAndDeletesTheirOwnFilters() throws Exception {
        String name = "Psykiatri venter " + System.nanoTime() % 100000;
        WebSession coordinator = new WebSession(port).loggedInAs("koordinator");
        assertThat(coordinator.get("/indbakke").body()).as("nothing chosen, nothing to save").doesNotContain("id=\"filterName\"");
        String filtered = coordinator.get("/indbakke?alarm=WAIT_SERVICE&department=PSYCHIATRY&sort=due").body();
        assertThat(filtered).contains("Gem filtrene som").contains("Tastaturgenveje").contains("<kbd>j</kbd>").contains("<kbd>Enter</kbd>");

        HttpResponse<String> saved = coordinator.post("/indbakke/filtre", "department", "PSYCHIATRY", "alarm", "WAIT_SERVICE", "sort", "due",
                "filterName", "  " + name + " ");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        String back = saved.headers().firstValue("Location").orElseThrow();
        assertThat(back).endsWith("/indbakke?department=PSYCHIATRY&alarm=WAIT_SERVICE&sort=due");
        String page = coordinator.get(back.substring(back.indexOf("/indbakke"))).body();
        assertThat(page).contains("Filteret er gemt.").contains("Mine gemte filtre")
                .contains("href=\"/indbakke?department=PSYCHIATRY&amp;alarm=WAIT_SERVICE&amp;sort=due\">" + name + "</a>");

        // Refused by the field, with what was typed kept: the same name again, no name, a CPR number, no filter at all.
        assertThat(follow(coordinator, coordinator.post("/indbakke/filtre", "stage", "CONSENT", "filterName", name.toUpperCase()))).contains("id=\"err-filterName\"")
                .contains("Du har allerede et filter med det navn").contains("value=\"" + name.toUpperCase() + "\"");
        assertThat(follow(coordinator, coordinator.post("/indbakke/filtre", "stage", "CONSENT", "filterName", " "))).contains("Skal udfyldes");
        assertThat(follow(coordinator, coordinator.post("/indbakke/filtre", "stage", "CONSENT", "filterName", "Sager for 0101074234"))).contains("Må ikke indeholde et CPR-nummer").doesNotContain("0101074234")
                .as("what was typed is kept, the number masked").contains("value=\"Sager for 010107-****\"");
        assertThat(follow(coordinator, coordinator.post("/indbakke/filtre", "filterName", "Alt"))).contains("Vælg mindst ét filter at gemme");
        assertThat(follow(coordinator, coordinator.post("/indbakke/filtre", "stage", "NOWHERE", "filterName", "Ukendt"))).contains("Vælg mindst ét filter at gemme");
        assertThat(count("koordinator", name)).isEqualTo(1);
        assertThat(count("koordinator", "Ukendt") + count("koordinator", "Alt")).isZero();

        // Another user sees none of them and cannot delete them.
        long id = jdbc.sql("select id from saved_filter where user_id = 'koordinator' and name = ?").param(name).query(Long.class).single();
        WebSession team = new WebSession(port).loggedInAs("ungeteam");
        assertThat(team.get("/indbakke").body()).doesNotContain(name);
        assertThat(follow(team, team.post("/indbakke/filtre/" + id + "/slet"))).contains("Filteret findes ikke (længere).");
        assertThat(count("koordinator", name)).isEqualTo(1);

        // The owner deletes it.
        String list = coordinator.get("/indbakke").body();
        Matcher delete = Pattern.compile("action=\"(/indbakke/filtre/" + id + "/slet)\"").matcher(list);
        assertThat(delete.find()).isTrue();
        assertThat(follow(coordinator, coordinator.post(delete.group(1)))).contains("Filteret er slettet.").doesNotContain(name);
        assertThat(count("koordinator", name)).isZero();
    }

    @Test
    void aUserKeepsAtMostTwentyFilters() throws Exception {
        WebSession user = new WebSession(port).loggedInAs("virksomhed");
        user.get("/indbakke");
        int before = jdbc.sql("select count(*) from saved_filter where user_id = 'virksomhed'").query(Integer.class).single();
        for (int i = before; i < SavedFilters.MAX_PER_USER; i++) {
            assertThat(follow(user, user.post("/indbakke/filtre", "stage", "INTERNSHIP", "filterName", "Praktik " + i))).contains("Filteret er gemt.");
        }
        assertThat(follow(user, user.post("/indbakke/filtre", "stage", "INTERNSHIP", "filterName", "Én for meget"))).contains("Du kan højst gemme 20 filtre; slet et først");
        assertThat(jdbc.sql("select count(*) from saved_filter where user_id = 'virksomhed'").query(Integer.class).single())
                .isEqualTo(SavedFilters.MAX_PER_USER);
    }

    /** Follows the redirect after a post, as the browser does, and returns the page it leads to. */
    private static String follow(WebSession session, HttpResponse<String> posted) throws Exception {
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        String location = posted.headers().firstValue("Location").orElseThrow();
        return session.get(location.substring(location.indexOf("/indbakke"))).body();
    }

    private long count(String user, String name) {
        return jdbc.sql("select count(*) from saved_filter where user_id = ? and name = ?").params(user, name).query(Long.class).single();
    }
}
