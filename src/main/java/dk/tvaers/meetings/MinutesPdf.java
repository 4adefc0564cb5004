package dk.tvaers.meetings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The minutes of a network meeting as an A4 PDF: who took part, the citizen's plan (goals, sub-goals and
 * the agreements under them, each with owner and deadline), the agreements without a sub-goal and the next step, in Danish. Built with PDFBox's standard fonts, whose Latin-1 covers æ, ø and å.
 */
final class MinutesPdf {

    record Agreement(String text, String owner, LocalDate due) {}

    /** A goal of the citizen's plan: its words, the area it is measured on (or null), its sub-goals. */
    record PlanGoal(String text, String measuredOn, List<PlanSubGoal> subGoals) {}

    /** A sub-goal and the meeting's agreements under it. */
    record PlanSubGoal(String text, List<Agreement> agreements) {}

    /** {@code agreements}: those made without a sub-goal (all of them when the plan has no goals). */
    record Minutes(String title, String citizenName, LocalDate heldOn, String coordinator, List<String> participants,
                   List<PlanGoal> plan, List<Agreement> agreements, String nextStep, String footer) {}

    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private MinutesPdf() {
    }

    static byte[] render(Minutes minutes, Labels labels) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(minutes.title());
            info.setCreator("Tværs");
            document.getDocumentCatalog().setLanguage("da-DK");
            try (Writer writer = new Writer(document)) {
                writer.paragraph(minutes.title(), Writer.BOLD, 18);
                writer.space(6);
                writer.paragraph(labels.citizen() + ": " + minutes.citizenName(), Writer.REGULAR, 11);
                writer.paragraph(labels.heldOn() + ": " + labels.date(minutes.heldOn()), Writer.REGULAR, 11);
                writer.paragraph(labels.coordinator() + ": " + minutes.coordinator(), Writer.REGULAR, 11);
                writer.space(10);
                writer.paragraph(labels.participants(), Writer.BOLD, 13);
                for (String participant : minutes.participants()) {
                    writer.paragraph("•  " + participant, Writer.REGULAR, 11);
                }
                writer.space(10);
                int n = 1;
                if (!minutes.plan().isEmpty()) {
                    writer.paragraph(labels.plan(), Writer.BOLD, 13);
                    int g = 1;
                    for (PlanGoal goal : minutes.plan()) {
                        writer.paragraph(labels.goal() + " " + g + ":  " + goal.text()
                                + (goal.measuredOn() == null ? "" : " (" + goal.measuredOn() + ")"), Writer.BOLD, 11);
                        int sub = 1;
                        for (PlanSubGoal subGoal : goal.subGoals()) {
                            writer.paragraph("   " + labels.subGoal() + " " + g + "." + sub++ + ":  " + subGoal.text(), Writer.REGULAR, 11);
                            for (Agreement agreement : subGoal.agreements()) {
                                n = agreement(writer, labels, agreement, n, "      ");
                            }
                        }
                        g++;
                    }
                    writer.space(10);
                }
                if (minutes.plan().isEmpty() || !minutes.agreements().isEmpty()) {
                    writer.paragraph(minutes.plan().isEmpty() ? labels.agreements() : labels.otherAgreements(), Writer.BOLD, 13);
                }
                if (minutes.agreements().isEmpty() && minutes.plan().isEmpty()) {
                    writer.paragraph(labels.noAgreements(), Writer.REGULAR, 11);
                }
                for (Agreement agreement : minutes.agreements()) {
                    n = agreement(writer, labels, agreement, n, "");
                }
                writer.space(10);
                writer.paragraph(labels.nextStep(), Writer.BOLD, 13);
                writer.paragraph(minutes.nextStep(), Writer.REGULAR, 11);
                writer.space(16);
                writer.paragraph(minutes.footer(), Writer.REGULAR, 9);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Referatet kunne ikke dannes", e);
        }
    }

    /** An agreement, numbered through the whole minutes; the next number. */
    private static int agreement(Writer writer, Labels labels, Agreement agreement, int n, String indent) throws IOException {
        writer.paragraph(indent + n + ".  " + agreement.text(), Writer.REGULAR, 11);
        writer.paragraph(indent + "     " + labels.owner() + ": " + agreement.owner() + " · " + labels.due() + ": "
                + labels.date(agreement.due()), Writer.REGULAR, 10);
        return n + 1;
    }

    /** The fixed texts of the minutes, from the message bundle. */
    interface Labels {
        String citizen();
        String heldOn();
        String coordinator();
        String participants();
        String agreements();
        String noAgreements();
        String plan();
        String goal();
        String subGoal();
        String otherAgreements();
        String owner();
        String due();
        String nextStep();
        String date(LocalDate date);
    }

    /** Writes wrapped paragraphs top-down, starting a new page when one is full. */
    private static final class Writer implements AutoCloseable {
        static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

        private final PDDocument document;
        private PDPageContentStream content;
        private float y;

        Writer(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        void paragraph(String text, PDType1Font font, float size) throws IOException {
            for (String line : wrap(printable(text, font), font, size)) {
                float leading = size * 1.4f;
                if (y - leading < MARGIN) {
                    newPage();
                }
                y -= leading;
                content.beginText();
                content.setFont(font, size);
                content.newLineAtOffset(MARGIN, y);
                content.showText(line);
                content.endText();
            }
        }

        void space(float points) {
            y -= points;
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        @Override
        public void close() throws IOException {
            content.close();
        }

        private static List<String> wrap(String text, PDType1Font font, float size) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ", -1)) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > WIDTH) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
            return lines;
        }

        /** The text with every character the font cannot show replaced, so a name never breaks the minutes. */
        private static String printable(String text, PDType1Font font) {
            StringBuilder shown = new StringBuilder();
            text.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ').codePoints().forEach(cp -> {
                String character = new String(Character.toChars(cp));
                try {
                    font.encode(character);
                    shown.append(character);
                } catch (IOException | IllegalArgumentException e) {
                    shown.append('?');
                }
            });
            return shown.toString();
        }
    }
}
