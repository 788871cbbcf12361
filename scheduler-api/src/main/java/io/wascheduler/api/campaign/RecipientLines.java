package io.wascheduler.api.campaign;

import io.wascheduler.api.problem.FieldError;
import io.wascheduler.api.problem.InvalidRequestException;
import io.wascheduler.model.event.EventCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;

/**
 * Parses uploaded recipient rows: NDJSON lines {@code {"to": "...", "vars": {...}}}, or CSV lines
 * {@code to,var1,var2} under a header row that names the vars (RFC 4180 quoting, one line per row).
 */
final class RecipientLines {

    /** A parsed row, or the error that made it unreadable. */
    record Parsed(CampaignRequest.Recipient recipient, FieldError error) {
    }

    static final String RECIPIENT_COLUMN = "to";
    /** Built once: an upload reads up to millions of lines with it. */
    private static final ObjectReader NDJSON_ROW = EventCodec.mapper().readerFor(CampaignRequest.Recipient.class)
        .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RecipientLines() {
    }

    /** The rows of an upload's lines, blank lines ignored; for CSV the first line is the header. */
    static Flux<Parsed> rows(Flux<String> lines, boolean csv) {
        Flux<String> nonBlank = lines.filter(line -> !line.isBlank());
        if (!csv) {
            return nonBlank.index().map(row -> ndjson(row.getT2(), row.getT1().intValue()));
        }
        return nonBlank.switchOnFirst((first, all) -> {
            if (!first.hasValue()) {
                return all.thenMany(Flux.empty());
            }
            List<String> header = csvHeader(first.get());
            if (!RECIPIENT_COLUMN.equals(header.getFirst())) {
                return Flux.error(new InvalidRequestException("header", "the first column must be named '" + RECIPIENT_COLUMN + "'"));
            }
            return all.skip(1).index().map(row -> csv(header, row.getT2(), row.getT1().intValue()));
        });
    }

    static Parsed ndjson(String line, int index) {
        try {
            return new Parsed(NDJSON_ROW.readValue(line), null);
        } catch (JacksonException e) {
            return new Parsed(null, new FieldError("recipients[" + index + "]", "is not a JSON object {to, vars}"));
        }
    }

    /** The header's column names; the first must be {@code to}. */
    static List<String> csvHeader(String line) {
        return splitCsv(line).stream().map(String::strip).toList();
    }

    static Parsed csv(List<String> header, String line, int index) {
        List<String> cells = splitCsv(line);
        if (cells.size() != header.size()) {
            return new Parsed(null, new FieldError("recipients[" + index + "]",
                "has " + cells.size() + " columns, the header has " + header.size()));
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 1; i < header.size(); i++) {
            vars.put(header.get(i), cells.get(i));
        }
        return new Parsed(new CampaignRequest.Recipient(cells.getFirst().strip(), vars), null);
    }

    static List<String> splitCsv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
