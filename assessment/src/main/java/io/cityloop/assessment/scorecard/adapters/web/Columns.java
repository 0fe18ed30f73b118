package io.cityloop.assessment.scorecard.adapters.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cityloop.assessment.scheme.model.Indicators;
import io.cityloop.assessment.scheme.model.Scope;
import io.cityloop.assessment.scorecard.model.ScorecardRow;

/**
 * The columns of a scorecard row, in the order JSON, CSV and XLSX show them, with their Chinese headers: who, the
 * volume and score first, then every count and rate of the scope.
 */
final class Columns {

    private Columns() {
    }

    record Column(String key, String label) {
    }

    static List<Column> of(Scope scope) {
        List<Column> columns = new ArrayList<>(identity(scope));
        columns.add(new Column("volume", "案件量"));
        columns.add(new Column("score", "综合指标值"));
        columns.add(new Column("rank", "排名"));
        columns.add(new Column("grade", "等级"));
        columns.add(new Column("gradeColor", "等级颜色"));
        columns.add(new Column("lowVolume", "案件量不足不排名"));
        Indicators.of(scope).forEach((key, label) -> columns.add(new Column(key, label)));
        return columns;
    }

    private static List<Column> identity(Scope scope) {
        return switch (scope) {
            case UNIT -> List.of(new Column("unitId", "单位编号"), new Column("unitName", "处置单位"),
                    new Column("kind", "单位类型"));
            case DISTRICT -> List.of(new Column("districtCode", "区县代码"), new Column("districtName", "区县"));
            default -> List.of(new Column("role", "岗位"), new Column("userId", "账号"), new Column("name", "姓名"));
        };
    }

    /** A row as an ordered map of column key → value ({@code null} for undefined rates and unscored rows). */
    static Map<String, Object> render(ScorecardRow row) {
        Map<String, Object> values = new LinkedHashMap<>();
        switch (row.scope()) {
            case UNIT -> {
                values.put("unitId", row.entityId());
                values.put("unitName", row.name());
                values.put("kind", row.kind());
            }
            case DISTRICT -> {
                values.put("districtCode", row.entityId());
                values.put("districtName", row.name());
            }
            default -> {
                values.put("role", row.kind());
                values.put("userId", row.entityId());
                values.put("name", row.name());
            }
        }
        values.put("volume", row.volume());
        values.put("score", row.score());
        values.put("rank", row.rank());
        values.put("grade", row.grade() == null ? null : row.grade().grade());
        values.put("gradeColor", row.grade() == null ? null : row.grade().color());
        values.put("lowVolume", row.lowVolume());
        for (String key : Indicators.keys(row.scope())) {
            values.put(key, row.value(key) == null ? null : number(key, row));
        }
        return values;
    }

    private static Object number(String key, ScorecardRow row) {
        var measure = io.cityloop.assessment.scheme.model.Measure.byKey(key);
        if (measure.isPresent()) {
            return row.count(measure.get());
        }
        return row.value(key);
    }

    static String identityKey(Scope scope) {
        return switch (scope) {
            case UNIT -> "unitId";
            case DISTRICT -> "districtCode";
            default -> "userId";
        };
    }

    static Map<String, String> headerOf(Scope scope) {
        Map<String, String> labels = new LinkedHashMap<>();
        of(scope).forEach(column -> labels.put(column.key(), column.label()));
        return labels;
    }
}
