package mn.zasag.pki;

import mn.zasag.shared.ProblemException;
import org.springframework.http.HttpStatus;

/** A key-pair hand-out refused before anything was generated: a weak password or a bad subject. */
public class Pkcs12Rejected extends ProblemException {

    public static final String PASSWORD_WEAK = "pkcs12_password_weak";
    public static final String PASSWORD_MISMATCH = "pkcs12_password_mismatch";
    public static final String NAME_MISSING = "pkcs12_name_missing";
    public static final String REGISTER_NUMBER_INVALID = "pkcs12_register_number_invalid";

    public Pkcs12Rejected(String code, String detail) {
        super(HttpStatus.BAD_REQUEST, code, detail);
    }
}
