package bank.teller.web.ui;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.Collection;
import java.util.List;

/**
 * Chart.js configurations for PrimeFaces' {@code p:chart} (its value is the configuration as JSON):
 * bar, stacked bar, line and doughnut charts with the palette every dashboard uses.
 */
final class Charts {

    /** Colours with enough contrast on white, in the order the series take them. */
    private static final List<String> PALETTE = List.of("#1f5fa8", "#c0392b", "#2e7d32", "#8e44ad", "#d35400",
            "#00796b", "#5d4037", "#455a64", "#ad1457", "#6d6d00", "#283593", "#4e342e");

    /** One series: its label and its values, one per label of the chart. */
    record Series(String label, List<? extends Number> values) {
    }

    private Charts() {
    }

    static String bar(List<String> labels, List<Series> series, boolean stacked) {
        return chart("bar", labels, series, stacked);
    }

    static String line(List<String> labels, List<Series> series) {
        return chart("line", labels, series, false);
    }

    static String doughnut(List<String> labels, List<? extends Number> values) {
        JsonArrayBuilder colours = Json.createArrayBuilder();
        for (int i = 0; i < labels.size(); i++) {
            colours.add(PALETTE.get(i % PALETTE.size()));
        }
        JsonObjectBuilder data = Json.createObjectBuilder().add("labels", array(labels))
                .add("datasets", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("data", numbers(values)).add("backgroundColor", colours)));
        return Json.createObjectBuilder().add("type", "doughnut").add("data", data)
                .add("options", Json.createObjectBuilder().add("animation", false).add("maintainAspectRatio", false))
                .build().toString();
    }

    private static String chart(String type, List<String> labels, List<Series> series, boolean stacked) {
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        for (int i = 0; i < series.size(); i++) {
            String colour = PALETTE.get(i % PALETTE.size());
            datasets.add(Json.createObjectBuilder().add("label", series.get(i).label())
                    .add("data", numbers(series.get(i).values())).add("backgroundColor", colour).add("borderColor", colour)
                    .add("fill", false));
        }
        JsonObjectBuilder axis = Json.createObjectBuilder().add("stacked", stacked);
        JsonObjectBuilder options = Json.createObjectBuilder().add("animation", false).add("maintainAspectRatio", false)
                .add("scales", Json.createObjectBuilder().add("x", axis).add("y", Json.createObjectBuilder()
                        .add("stacked", stacked).add("beginAtZero", true)));
        return Json.createObjectBuilder().add("type", type)
                .add("data", Json.createObjectBuilder().add("labels", array(labels)).add("datasets", datasets))
                .add("options", options).build().toString();
    }

    private static JsonArrayBuilder array(Collection<String> texts) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        texts.forEach(array::add);
        return array;
    }

    private static JsonArrayBuilder numbers(List<? extends Number> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (Number value : values) {
            array.add(value instanceof java.math.BigDecimal decimal ? Json.createValue(decimal)
                    : Json.createValue(value.longValue()));
        }
        return array;
    }
}
