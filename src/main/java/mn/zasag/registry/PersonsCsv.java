package mn.zasag.registry;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * The persons CSV that {@link PersonImporter} reads: UTF-8 without a byte order mark, a header line, one
 * person per line, RFC 4180 quoting (fields holding a comma or a quote are quoted; a quoted field never
 * spans lines). A married person names their spouse and the marriage date; both partners are in the file.
 */
public final class PersonsCsv implements PopulationSink {

    /** The columns, in the order this class writes them; the importer finds them by name. */
    public static final List<String> COLUMNS = List.of("register_number", "civil_id", "clan_name", "family_name",
            "given_name", "sex", "birth_date", "birth_place", "citizenship", "address_division", "address_line",
            "phone", "spouse_register_number", "marriage_date");

    private final Writer out;
    private final StringBuilder line = new StringBuilder(256);

    public PersonsCsv(OutputStream stream) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        out.write(String.join(",", COLUMNS));
        out.write('\n');
    }

    @Override
    public void accept(SyntheticPerson p) throws IOException {
        line.setLength(0);
        field(p.registerNumber()).field(p.civilId()).field(p.clanName()).field(p.familyName()).field(p.givenName())
                .field(p.sex().name()).field(p.birthDate()).field(p.birthPlace()).field(p.citizenship())
                .field(p.addressDivision()).field(p.addressLine()).field(p.phone()).field(p.spouse())
                .field(p.marriageDate());
        line.setCharAt(line.length() - 1, '\n');
        out.append(line);
    }

    private PersonsCsv field(LocalDate date) {
        return field(date == null ? null : date.toString());
    }

    private PersonsCsv field(String value) {
        if (value != null) {
            if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0) {
                line.append('"').append(value.replace("\"", "\"\"")).append('"');
            } else {
                line.append(value);
            }
        }
        line.append(',');
        return this;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
