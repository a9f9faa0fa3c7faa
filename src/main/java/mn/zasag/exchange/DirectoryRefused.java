package mn.zasag.exchange;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** A change to the exchange directory that cannot be made; the code says why. */
public class DirectoryRefused extends ProblemException {

    public DirectoryRefused(HttpStatus status, String code, String detail) {
        super(status, code, detail);
    }

    static DirectoryRefused notFound(String what) {
        return new DirectoryRefused(HttpStatus.NOT_FOUND, "exchange_" + what + "_not_found", "No such " + what + " in the directory");
    }

    static DirectoryRefused invalid(String what, String detail) {
        return new DirectoryRefused(HttpStatus.UNPROCESSABLE_CONTENT, "exchange_" + what + "_invalid", detail);
    }

    static DirectoryRefused exists(String what) {
        return new DirectoryRefused(HttpStatus.CONFLICT, "exchange_" + what + "_exists", "This " + what + " is already in the directory");
    }

    static DirectoryRefused notYours() {
        return new DirectoryRefused(HttpStatus.FORBIDDEN, "exchange_not_your_member", "Agency admins manage only their own agency's member");
    }
}
