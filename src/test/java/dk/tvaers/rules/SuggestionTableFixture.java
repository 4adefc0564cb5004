package dk.tvaers.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Spreadsheets for tests, as a leader would save them from Excel or LibreOffice. */
public final class SuggestionTableFixture {

    /** A workbook of one sheet; a row's cells are separated by ';', whole numbers become number cells. */
    public static byte[] xlsx(String... rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Forslag");
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                String[] cells = rows[r].split(";", -1);
                for (int c = 0; c < cells.length; c++) {
                    if (cells[c].matches("\\d+")) {
                        row.createCell(c).setCellValue(Integer.parseInt(cells[c]));
                    } else {
                        row.createCell(c).setCellValue(cells[c]);
                    }
                }
            }
            return bytes(workbook);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shipped table with one rule's department changed, as a leader edits one cell. */
    public static byte[] shippedTableWith(String rule, String department) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(
                Files.readAllBytes(RulesFixtures.RULES.resolve("suggestions/department-suggestions.xlsx"))))) {
            Sheet sheet = workbook.getSheetAt(0);
            int departmentColumn = -1;
            for (var cell : sheet.getRow(0)) {
                if (cell.getStringCellValue().equalsIgnoreCase("Afdeling")) {
                    departmentColumn = cell.getColumnIndex();
                }
            }
            boolean found = false;
            for (Row row : sheet) {
                if (row.getCell(0) != null && rule.equals(row.getCell(0).getStringCellValue())) {
                    row.getCell(departmentColumn).setCellValue(department);
                    found = true;
                }
            }
            if (!found) {
                throw new IllegalArgumentException("no such rule in the shipped table: " + rule);
            }
            return bytes(workbook);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(Workbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }

    private SuggestionTableFixture() {
    }
}
