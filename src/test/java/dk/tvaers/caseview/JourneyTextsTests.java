package dk.tvaers.caseview;

import static dk.tvaers.casefile.JourneyEntryFixture.forgotten;
import static dk.tvaers.casefile.JourneyEntryFixture.line;
import static org.assertj.core.api.Assertions.assertThat;

import dk.tvaers.casefile.Department;
import dk.tvaers.casefile.EffortType;
import dk.tvaers.casefile.Flag;
import dk.tvaers.casefile.JourneyArgs;
import dk.tvaers.web.Texts;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** How a journey line reads: codes by their names, plurals right, in the reader's language. */
class JourneyTextsTests {

    private static final Texts DANISH = Texts.DANISH;
    private static final Texts ENGLISH = english();

    private static Texts english() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return (key, args) -> messages.getMessage(key, args, Locale.ENGLISH);
    }

    @Test
    void codesReadAsTheirNamesInTheReadersLanguage() {
        var referred = line("REFERRED", "JOBCENTER", JourneyArgs.code("department", Department.JOBCENTER),
                JourneyArgs.codes("flag", List.of(Flag.NO_EDUCATION, Flag.CRIMINAL_RECORD)));
        assertThat(JourneyTexts.text(referred, DANISH)).isEqualTo("Henvist af Jobcenter. Markeringer: Straffet, Ingen uddannelse");
        assertThat(JourneyTexts.text(referred, ENGLISH)).isEqualTo("Referred by Job centre. Flags: Criminal record, No education");
        assertThat(JourneyTexts.text(line("FLAGS", null, JourneyArgs.codes("flag", List.of())), DANISH)).isEqualTo("Markeringer ændret: ingen");
        assertThat(JourneyTexts.text(line("PROGRESSION", null, "@value:HEALTH=5,MOTIVATION=7"), DANISH))
                .isEqualTo("Progression målt: Helbred 5, Motivation og selvtillid 7");
    }

    @Test
    void pluralsAndOptionalPartsReadRight() {
        String type = JourneyArgs.code("effort", EffortType.MENTOR);
        assertThat(JourneyTexts.text(line("EFFORT_STARTED", "MENTOR", type, JourneyArgs.number(1)), DANISH)).endsWith("efter én dags ventetid");
        assertThat(JourneyTexts.text(line("EFFORT_STARTED", "MENTOR", type, JourneyArgs.number(12)), DANISH)).endsWith("efter 12 dages ventetid");
        assertThat(JourneyTexts.text(line("EFFORT_STARTED", "MENTOR", type, JourneyArgs.number(1)), ENGLISH)).endsWith("after one day's wait");
        String uu = JourneyArgs.code("department", Department.UU);
        assertThat(JourneyTexts.text(line("DEPARTMENT_INVOLVED", "UU", uu, "", JourneyArgs.number(0)), DANISH)).isEqualTo("Ungdommens Uddannelsesvejledning involveret");
        assertThat(JourneyTexts.text(line("DEPARTMENT_DECLINED", "UU", uu, JourneyArgs.text("Ikke relevant"), JourneyArgs.number(1)), DANISH))
                .isEqualTo("Ungdommens Uddannelsesvejledning fravalgt: Ikke relevant");
        assertThat(JourneyTexts.text(line("MEETING", "FOLLOW_UP", "@meeting:FOLLOW_UP", "@value:CONTINUE", JourneyArgs.number(1),
                JourneyArgs.number(2)), DANISH)).isEqualTo("Opfølgning: Fortsæt planen; 2 aftaler");
    }

    @Test
    void aSubjectMayHaveItsOwnWordingAndDatesReadInTheLanguage() {
        String day = JourneyArgs.date(LocalDate.of(2026, 12, 3));
        assertThat(JourneyTexts.text(line("MINUTES", "NO_RECIPIENTS", day), DANISH))
                .isEqualTo("Referat af netværksmødet 3. december 2026 dannet; ingen deltagere med e-mail at sende det til");
        assertThat(JourneyTexts.text(line("MINUTES", "SENT", day, JourneyArgs.number(1)), ENGLISH))
                .isEqualTo("Minutes of the network meeting on 3 December 2026 sent to one participant");
    }

    @Test
    void theCallersTextIsShownAsItIsEvenWhenItLooksLikeAnEncoding() {
        assertThat(JourneyTexts.text(line("AGREEMENT_DONE", null, JourneyArgs.text("@uu:#3 book tid")), DANISH))
                .isEqualTo("Aftale opfyldt: @uu:#3 book tid");
        assertThat(JourneyTexts.text(line("COORDINATOR", null, JourneyArgs.text("#koordinator")), DANISH))
                .isEqualTo("Koordinerende sagsbehandler: #koordinator");
    }

    @Test
    void anAnonymisedLineSaysSoAndNothingElse() {
        assertThat(JourneyTexts.text(forgotten("AGREEMENT_DONE"), DANISH)).isEqualTo("(anonymiseret)");
        assertThat(JourneyTexts.text(forgotten("AGREEMENT_DONE"), ENGLISH)).isEqualTo("(anonymised)");
    }
}
