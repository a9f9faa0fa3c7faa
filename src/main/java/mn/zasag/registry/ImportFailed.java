package mn.zasag.registry;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A bulk import that cannot go on at all, so nothing of it is written: the file is not UTF-8
 * ({@code import_not_utf8}, with the line), its header is wrong ({@code import_header_invalid}), it
 * cannot be read ({@code import_file_unreadable}), it changed while it was read twice ({@code import_file_changed}),
 * or another import is running ({@code import_running}).
 * Rows that are merely wrong do not fail an import: they are rejected and reported.
 */
public class ImportFailed extends ProblemException {

    public static final java.util.List<String> CODES = java.util.List.of("import_not_utf8", "import_header_invalid",
            "import_file_unreadable", "import_file_changed", "import_running", "import_legal_basis_missing");

    private final long line;

    public ImportFailed(String code, long line, String detail) {
        super("import_running".equals(code) ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT, code, detail, line);
        this.line = line;
    }

    /** The line of the file the problem is on, or 0 when it is not about one line. */
    public long line() {
        return line;
    }
}
