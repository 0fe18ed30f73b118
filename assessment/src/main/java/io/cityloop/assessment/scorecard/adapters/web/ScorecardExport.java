package io.cityloop.assessment.scorecard.adapters.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import io.cityloop.assessment.scheme.model.Scope;

/**
 * CSV and XLSX exports of a scorecard: a title block (month, scope, state, scheme version, cut-off, generated at)
 * followed by the rows under Chinese headers. CSV is UTF-8 with a BOM so that spreadsheet programs read the Chinese.
 */
final class ScorecardExport {

    private ScorecardExport() {
    }

    static byte[] csv(ScorecardResponse response) {
        StringBuilder out = new StringBuilder("\uFEFF");
        for (String[] line : titleBlock(response)) {
            out.append(csvLine(List.of(line))).append("\r\n");
        }
        Scope scope = Scope.valueOf(response.scope());
        List<Columns.Column> columns = Columns.of(scope);
        out.append(csvLine(columns.stream().map(Columns.Column::label).toList())).append("\r\n");
        for (Map<String, Object> row : response.rows()) {
            out.append(csvLine(columns.stream().map(column -> text(row.get(column.key()))).toList())).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(ScorecardResponse response) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Scope scope = Scope.valueOf(response.scope());
            Sheet sheet = workbook.createSheet(response.month() + " " + scope.label());
            int rowIndex = 0;
            for (String[] line : titleBlock(response)) {
                Row row = sheet.createRow(rowIndex++);
                row.createCell(0).setCellValue(line[0]);
                row.createCell(1).setCellValue(line[1]);
            }
            List<Columns.Column> columns = Columns.of(scope);
            Row header = sheet.createRow(rowIndex++);
            for (int i = 0; i < columns.size(); i++) {
                header.createCell(i).setCellValue(columns.get(i).label());
            }
            for (Map<String, Object> values : response.rows()) {
                Row row = sheet.createRow(rowIndex++);
                for (int i = 0; i < columns.size(); i++) {
                    write(row.createCell(i), values.get(columns.get(i).key()));
                }
            }
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String[]> titleBlock(ScorecardResponse response) {
        return List.of(
                new String[] {"考核月份", response.month()},
                new String[] {"考核对象", Scope.valueOf(response.scope()).label()},
                new String[] {"月结状态", response.state()},
                new String[] {"考核方案", response.scheme().name() + " " + response.scheme().reference()},
                new String[] {"截止时点", response.cutOff().toString()},
                new String[] {"生成时间", response.generatedAt().toString()});
    }

    private static void write(Cell cell, Object value) {
        if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof Boolean flag) {
            cell.setCellValue(flag ? "是" : "否");
        } else if (value != null) {
            cell.setCellValue(value.toString());
        }
    }

    private static String text(Object value) {
        if (value instanceof Boolean flag) {
            return flag ? "是" : "否";
        }
        return value == null ? "" : value.toString();
    }

    private static String csvLine(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String cell = cells.get(i);
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
                line.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                line.append(cell);
            }
        }
        return line.toString();
    }
}
