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
 * The minutes of a network meeting as an A4 PDF: who took part, what was agreed (owner and deadline)
 * and the next step, in Danish. Built with PDFBox's standard fonts, whose Latin-1 covers æ, ø and å.
 */
final class MinutesPdf {

    record Agreement(String text, String owner, LocalDate due) {}

    record Minutes(String title, String citizenName, LocalDate heldOn, String coordinator, List<String> participants,
                   List<Agreement> agreements, String nextStep, String footer) {}

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
                writer.paragraph(labels.agreements(), Writer.BOLD, 13);
                if (minutes.agreements().isEmpty()) {
                    writer.paragraph(labels.noAgreements(), Writer.REGULAR, 11);
                }
                int n = 1;
                for (Agreement agreement : minutes.agreements()) {
                    writer.paragraph(n++ + ".  " + agreement.text(), Writer.REGULAR, 11);
                    writer.paragraph("     " + labels.owner() + ": " + agreement.owner() + " · " + labels.due() + ": "
                            + labels.date(agreement.due()), Writer.REGULAR, 10);
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

    /** The fixed texts of the minutes, from the message bundle. */
    interface Labels {
        String citizen();
        String heldOn();
        String coordinator();
        String participants();
        String agreements();
        String noAgreements();
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
