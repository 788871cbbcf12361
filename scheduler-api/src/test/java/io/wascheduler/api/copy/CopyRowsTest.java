package io.wascheduler.api.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CopyRowsTest {

    @Test
    void valuesAreTabSeparatedWithCopyEscapesAndNullsAsBackslashN() {
        CopyRows rows = new CopyRows(2);
        rows.add("plain").add(42).add((String) null).endRow();
        rows.add("{\"text\":\"a\\nb\"}").add("tab\there\r\nnew line").endRow();

        assertThat(new String(rows.bytes(), StandardCharsets.UTF_8))
            .isEqualTo("plain\t42\t\\N\n{\"text\":\"a\\\\nb\"}\ttab\\there\\r\\nnew line\n");
        assertThat(rows.rows()).isEqualTo(2);
    }

    @Test
    void nonAsciiTextIsWrittenAsUtf8() {
        CopyRows rows = new CopyRows(1).add("Olá 👋").endRow();

        assertThat(rows.bytes()).isEqualTo("Olá 👋\n".getBytes(StandardCharsets.UTF_8));
    }
}
